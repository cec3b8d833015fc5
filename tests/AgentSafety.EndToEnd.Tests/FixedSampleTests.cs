using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>
/// samples/PocketOps.Fixed run as a job would run it, with no terminal: refused without a person's approval, refused
/// with a forged one, and run exactly once with a token from <c>agentsafety approve</c>, against a fake endpoint on loopback.
/// </summary>
public sealed class FixedSampleTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentsafety-fixed-" + Guid.NewGuid().ToString("N")[..12]);

    public FixedSampleTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void The_fixed_tool_deletes_the_volume_only_with_a_persons_signed_approval()
    {
        var root = DotNet.RepositoryRoot;
        var cli = Path.Combine(_dir, "cli");
        var tool = Path.Combine(_dir, "tool");
        var buildCli = DotNet.Run(root, null, "build", "src/AgentSafety.Cli", "-c", "Release", "-o", cli);
        Assert.True(buildCli.ExitCode == 0, buildCli.ToString());
        var buildTool = DotNet.Run(root, null, "build", "samples/PocketOps.Fixed", "-c", "Release", "-o", tool);
        Assert.True(buildTool.ExitCode == 0, buildTool.ToString());

        var keyFile = Path.Combine(_dir, "approver.key");
        var keygen = DotNet.Run(_dir, null, Path.Combine(cli, "agentsafety.dll"), "keygen", "--out", keyFile);
        Assert.Equal(0, keygen.ExitCode);
        var publicKey = Line(keygen.Output, "{\"kty\"");
        var approve = DotNet.Run(_dir, null, Path.Combine(cli, "agentsafety.dll"), "approve", "--key", keyFile, "--action", "railway:volumeDelete", "--resource", "vol-123", "--environment", "Staging", "--ttl", "5m");
        Assert.Equal(0, approve.ExitCode);
        var token = Line(approve.Output, "eyJ");

        // A forger has the public key and the format, but signs with a key of their own.
        var forgerKey = Path.Combine(_dir, "forger.key");
        Assert.Equal(0, DotNet.Run(_dir, null, Path.Combine(cli, "agentsafety.dll"), "keygen", "--out", forgerKey).ExitCode);
        var forged = Line(DotNet.Run(_dir, null, Path.Combine(cli, "agentsafety.dll"), "approve", "--key", forgerKey, "--action", "railway:volumeDelete", "--resource", "vol-123", "--environment", "Staging").Output, "eyJ");

        using var endpoint = new FakeEndpoint();
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Staging",
            ["RAILWAY_PROJECT_TOKEN"] = "fake-project-token",
            ["POCKETOPS_RAILWAY_ENDPOINT"] = endpoint.Url,
            ["AGENTSAFETY_APPROVER_KEYS"] = publicKey,
            ["AGENTSAFETY_APPROVAL"] = string.Empty,
            ["AGENTSAFETY_LEDGER_DIR"] = Path.Combine(_dir, "ledger"),
        };

        var refused = DotNet.Run(_dir, environment, Path.Combine(tool, "PocketOps.Fixed.dll"), "vol-123");
        environment["AGENTSAFETY_APPROVAL"] = forged;
        var forgedRun = DotNet.Run(_dir, environment, Path.Combine(tool, "PocketOps.Fixed.dll"), "vol-123");
        Assert.Equal(0, endpoint.Requests);

        environment["AGENTSAFETY_APPROVAL"] = token;
        var approved = DotNet.Run(_dir, environment, Path.Combine(tool, "PocketOps.Fixed.dll"), "vol-123");

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("agentsafety approve --action railway:volumeDelete --resource vol-123 --environment Staging", refused.Output, StringComparison.Ordinal);
        Assert.Equal(3, forgedRun.ExitCode);
        Assert.Contains("UnknownKey", forgedRun.Output, StringComparison.Ordinal);
        Assert.True(approved.ExitCode == 0, approved.ToString());
        Assert.Equal(1, endpoint.Requests);
        Assert.Contains("volumeDelete", endpoint.LastBody, StringComparison.Ordinal);
        Assert.DoesNotContain(token, refused.Output + forgedRun.Output + approved.Output, StringComparison.Ordinal);
    }

    private static string Line(string output, string prefix)
    {
        foreach (var line in output.Split('\n'))
        {
            if (line.Trim().StartsWith(prefix, StringComparison.Ordinal))
            {
                return line.Trim();
            }
        }

        throw new Xunit.Sdk.XunitException($"no line starting with {prefix} in:\n{output}");
    }

    /// <summary>A stand-in for Railway's GraphQL endpoint, on loopback only.</summary>
    private sealed class FakeEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly CancellationTokenSource _stop = new();
        private int _requests;

        public FakeEndpoint()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = $"http://127.0.0.1:{port}/graphql/v2/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public string LastBody { get; private set; } = string.Empty;

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpListenerException)
                {
                    return;
                }

                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    LastBody = await reader.ReadToEndAsync();
                }

                Interlocked.Increment(ref _requests);
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }
    }
}
