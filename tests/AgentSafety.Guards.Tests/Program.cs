using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Guards.PostgreSql;

namespace AgentSafety.Guards.Tests;

/// <summary>
/// The test assembly's entry point, unused by the test host: <c>dotnet AgentSafety.Guards.Tests.dll race …</c> makes it
/// a second guarded process, so that a test can race two processes for one token through a real ledger.
/// </summary>
public static class Program
{
    public static int Main(string[] args) =>
        args.Length > 0 && args[0] == "race" ? Racer.RunAsync(args).GetAwaiter().GetResult() : 0;
}

/// <summary>One process of a race: <paramref name="Tasks"/> tasks that all try to run one operation with one token.</summary>
internal static class Racer
{
    public const string Action = "db:dropSchema";

    // The resource is SQL text, as resources often are; the race is about the token, not the text.
    public const string Resource = "DROP SCHEMA tenant_42 CASCADE;";

    /// <summary>args: race &lt;file=dir | postgres=table=connection string&gt; &lt;public JWK&gt; &lt;token&gt; &lt;tasks&gt; &lt;go file&gt; &lt;ran file&gt;.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var ledger = Ledger(args[1]);
        var key = ApproverPublicKey.Parse(args[2]);
        var token = args[3];
        var tasks = int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture);
        var ran = args[6];

        // One provider per task, so that every task is approved and all of them reach the ledger: the ledger alone decides.
        Destructive.Configure(new DestructiveGuardOptions
        {
            Providers = Enumerable.Range(0, tasks).Select(_ => (IConfirmationProvider)new SignedApprovalProvider(new[] { key }, () => new[] { token })).ToArray(),
            Environment = () => "Staging",
            Ledger = ledger,
        });

        Console.WriteLine("ready");
        Console.Out.Flush();
        while (!File.Exists(args[5]))
        {
            Thread.Sleep(1);
        }

        var outcomes = await Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(() => RunOnce(ran))));
        Console.WriteLine(string.Join(" ", outcomes.GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}")));
        return 0;
    }

    public static async Task<string> RunOnce(string ranFile)
    {
        try
        {
            await Destructive.RunAsync(Action, Resource, _ =>
            {
                File.AppendAllText(ranFile, $"ran in process {Environment.ProcessId}\n");
                return Task.CompletedTask;
            });
            return "ran";
        }
        catch (DestructiveOperationDeniedException e)
        {
            return e.Reason.ToString();
        }
    }

    private static IApprovalLedger Ledger(string spec)
    {
        if (spec.StartsWith("file=", StringComparison.Ordinal))
        {
            return new FileApprovalLedger(spec.Substring(5));
        }

        var parts = spec.Split('=', 3);
        return new PostgreSqlApprovalLedger(parts[2], parts[1]);
    }
}

/// <summary>The parent's side of a race: starts racer processes and lets them go at the same moment.</summary>
internal sealed class RaceProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = new();

    private RaceProcess(Process process) => _process = process;

    public static RaceProcess Start(string ledgerSpec, ApproverPublicKey key, string token, int tasks, string goFile, string ranFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { typeof(Racer).Assembly.Location, "race", ledgerSpec, key.ToJwk(), token, tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), goFile, ranFile })
        {
            start.ArgumentList.Add(arg);
        }

        var race = new RaceProcess(Process.Start(start)!);
        var first = race._process.StandardOutput.ReadLine();
        if (first != "ready")
        {
            race._process.WaitForExit(10_000);
            throw new Xunit.Sdk.XunitException($"the racer process did not start: {first}\n{race._process.StandardError.ReadToEnd()}");
        }

        return race;
    }

    /// <summary>The racer's tally, for example <c>AlreadyUsed=15 ran=1</c>.</summary>
    public string Finish()
    {
        var rest = _process.StandardOutput.ReadToEnd();
        var errors = _process.StandardError.ReadToEnd();
        if (!_process.WaitForExit(120_000) || _process.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"the racer process failed: {rest}\n{errors}");
        }

        return rest.Trim();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
