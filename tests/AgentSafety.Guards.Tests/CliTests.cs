using System;
using System.IO;
using System.Threading.Tasks;
using AgentSafety.Cli;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>The whole flow a person follows: keygen, approve, and the guarded job running once with that token.</summary>
[Collection(GuardCollection.Name)]
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentsafety-cli-" + Guid.NewGuid().ToString("N"));

    public CliTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Destructive.Reset();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Keygen_then_approve_lets_the_probe_run_once_and_a_forged_or_missing_token_does_not()
    {
        var keyFile = Path.Combine(_dir, "approver.key");
        var (keygen, publicKey, _) = Cli("keygen", "--out", keyFile);
        Assert.Equal(0, keygen);
        Assert.StartsWith("{\"kty\":\"EC\",\"crv\":\"P-256\"", publicKey.Trim(), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        var (approve, token, _) = Cli("approve", "--key", keyFile, "--action", "railway:volumeDelete", "--resource", "vol-123", "--environment", "Staging", "--ttl", "5m");
        Assert.Equal(0, approve);

        // A forger who knows the format and the public key, but not the private key, signs with a key of their own.
        var forger = ApproverKeyPair.Generate();
        var forged = ApprovalToken.Issue(forger, "railway:volumeDelete", "vol-123", "Staging", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);

        var counter = new Counter();
        Task Probe(string? approval)
        {
            Destructive.Configure(new DestructiveGuardOptions
            {
                Providers = new IConfirmationProvider[]
                {
                    new SignedApprovalProvider(new[] { ApproverPublicKey.Parse(publicKey) }, () => SignedApprovalProvider.SplitList(approval)),
                    new ConsolePromptProvider(new FakeConsole(interactive: false)),
                    new DenyAllConfirmationProvider(),
                },
                Environment = () => "Staging",
            });
            return Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; });
        }

        var none = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Probe(null));
        var fake = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Probe(forged));
        await Probe(token.Trim());

        Assert.Equal(RefusalReason.NoApproval, none.Reason);
        Assert.Equal(RefusalReason.UnknownKey, fake.Reason);
        Assert.Equal(1, counter.Count);
        Assert.DoesNotContain(forged, fake.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keygen_refuses_to_overwrite_an_existing_key()
    {
        var keyFile = Path.Combine(_dir, "approver.key");
        File.WriteAllText(keyFile, "precious");

        var (code, _, err) = Cli("keygen", "--out", keyFile);

        Assert.Equal(2, code);
        Assert.Contains("refusing to overwrite", err, StringComparison.Ordinal);
        Assert.Equal("precious", File.ReadAllText(keyFile));
    }

    [Theory]
    [InlineData("approve", "--action", "a", "--resource", "r")]
    [InlineData("frobnicate")]
    [InlineData("keygen")]
    [InlineData("approve", "--key")]
    public void Bad_arguments_print_usage_and_exit_2(params string[] args)
    {
        var (code, _, err) = Cli(args);

        Assert.Equal(2, code);
        Assert.Contains("usage:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_refuses_a_lifetime_beyond_fifteen_minutes()
    {
        var keyFile = Path.Combine(_dir, "approver.key");
        Cli("keygen", "--out", keyFile);

        var (code, token, err) = Cli("approve", "--key", keyFile, "--action", "a", "--resource", "r", "--ttl", "2h");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, token);
        Assert.Contains("at most 15 minutes", err, StringComparison.Ordinal);
    }

    private static (int Code, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = App.Run(args, stdout, stderr, DateTimeOffset.UtcNow);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
