using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>
/// The ledger is what makes a token run once: claimed before the operation runs, refused as AlreadyUsed the second
/// time, and failing closed when it cannot record. The messages say how far "once" reaches.
/// </summary>
[Collection(GuardCollection.Name)]
public sealed class LedgerTests : IDisposable
{
    private static readonly ApproverKeyPair Approver = ApproverKeyPair.Generate();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentsafety-ledger-" + Guid.NewGuid().ToString("N"));

    public LedgerTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Destructive.Reset();
        Directory.Delete(_dir, recursive: true);
    }

    private static string Token() => ApprovalToken.Issue(Approver, "db:drop", "tenant_42", "Staging", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);

    private static DestructiveGuardOptions Options(string token, IApprovalLedger? ledger, bool dryRun = false) => new()
    {
        Providers = new IConfirmationProvider[] { new SignedApprovalProvider(new[] { Approver.PublicKey }, () => new[] { token }) },
        Environment = () => "Staging",
        Ledger = ledger,
        DryRun = dryRun,
    };

    [Fact]
    public async Task Without_a_ledger_the_refusal_says_a_token_runs_once_per_process_only()
    {
        Destructive.Configure(new DestructiveGuardOptions { Providers = new IConfirmationProvider[] { new DenyAllConfirmationProvider() }, Environment = () => "Staging" });

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Destructive.RunAsync("db:drop", "tenant_42", _ => Task.CompletedTask));

        Assert.Contains("runs once per process: no approval ledger is configured", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("runs once:", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_ledger_refuses_the_second_run_of_a_token_in_a_fresh_configuration_and_says_it_reaches_this_machine()
    {
        var token = Token();
        var counter = new Counter();
        Destructive.Configure(Options(token, new FileApprovalLedger(Path.Combine(_dir, "ledger", "nested"))));
        await Destructive.RunAsync("db:drop", "tenant_42", _ => { counter.Increment(); return Task.CompletedTask; });

        // A new provider and a new ledger object over the same folder: only the file can remember the token.
        Destructive.Configure(Options(token, new FileApprovalLedger(Path.Combine(_dir, "ledger", "nested"))));
        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Destructive.RunAsync("db:drop", "tenant_42", _ => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(1, counter.Count);
        Assert.Equal(RefusalReason.AlreadyUsed, denied.Reason);
        Assert.Contains("runs once on this machine", denied.Message, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dir, "ledger", "nested")));
        Assert.DoesNotContain(token, File.ReadAllText(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(_dir, "ledger", "nested")));
        }
    }

    [Fact]
    public async Task Many_tasks_claiming_one_id_in_a_file_ledger_record_it_exactly_once()
    {
        var claim = new ApprovalClaim("jti-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(5), new ConfirmationRequest("db:drop", "tenant_42", "Staging"), null);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var racers = Enumerable.Range(0, 64).Select(_ => Task.Run(async () => { await start.Task; return await new FileApprovalLedger(_dir).TryClaimAsync(claim, default); })).ToArray();
        start.SetResult();

        var results = await Task.WhenAll(racers);

        Assert.Equal(1, results.Count(r => r));
    }

    [Fact]
    public void Two_processes_racing_for_one_token_through_a_file_ledger_run_it_exactly_once()
    {
        var token = ApprovalToken.Issue(Approver, Racer.Action, Racer.Resource, "Staging", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        var go = Path.Combine(_dir, "go");
        var ran = Path.Combine(_dir, "ran");
        var spec = "file=" + Path.Combine(_dir, "ledger");

        using var first = RaceProcess.Start(spec, Approver.PublicKey, token, 8, go, ran);
        using var second = RaceProcess.Start(spec, Approver.PublicKey, token, 8, go, ran);
        File.WriteAllText(go, "go");
        var tallies = new[] { first.Finish(), second.Finish() };

        Assert.Single(File.ReadAllLines(ran));
        Assert.Equal(new[] { "AlreadyUsed=7 ran=1", "AlreadyUsed=8" }, tallies.OrderByDescending(t => t.Length));
    }

    [Fact]
    public async Task A_ledger_that_cannot_record_refuses_and_the_operation_does_not_run()
    {
        var counter = new Counter();
        Destructive.Configure(Options(Token(), new BrokenLedger()));

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() => Destructive.RunAsync("db:drop", "tenant_42", _ => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(0, counter.Count);
        Assert.Equal(RefusalReason.LedgerUnavailable, denied.Reason);
        Assert.Contains("the broken ledger could not record the approving token (IOException: disk gone)", denied.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_does_not_spend_the_token_and_the_real_run_then_claims_it_before_running()
    {
        var token = Token();
        var ledger = new RecordingLedger();
        Destructive.Configure(Options(token, ledger, dryRun: true));
        await Destructive.RunAsync("db:drop", "tenant_42", _ => Task.CompletedTask);
        Assert.Empty(ledger.Claims);

        var claimedBeforeRun = false;
        Destructive.Configure(Options(token, ledger));
        await Destructive.RunAsync("db:drop", "tenant_42", _ => { claimedBeforeRun = ledger.Claims.Count == 1; return Task.CompletedTask; });

        Assert.True(claimedBeforeRun);
        var claim = Assert.Single(ledger.Claims);
        Assert.Equal(ApprovalToken.TryRead(token, out var read) ? read!.Id : null, claim.TokenId);
        Assert.Equal("tenant_42", claim.Request.Resource);
        Assert.Equal(Approver.PublicKey.Fingerprint, claim.ApproverFingerprint);
    }

    [Fact]
    public async Task A_console_approval_is_not_a_token_and_spends_nothing()
    {
        var ledger = new RecordingLedger();
        Destructive.Configure(new DestructiveGuardOptions
        {
            Providers = new IConfirmationProvider[] { new ConsolePromptProvider(new FakeConsole(true, "tenant_42")) },
            Environment = () => "Staging",
            Ledger = ledger,
        });

        await Destructive.RunAsync("db:drop", "tenant_42", _ => Task.CompletedTask);

        Assert.Empty(ledger.Claims);
    }

    private sealed class BrokenLedger : IApprovalLedger
    {
        public ApprovalLedgerScope Scope => ApprovalLedgerScope.Shared;

        public string Description => "the broken ledger";

        public Task<bool> TryClaimAsync(ApprovalClaim claim, CancellationToken cancellationToken) => throw new IOException("disk gone");
    }

    private sealed class RecordingLedger : IApprovalLedger
    {
        public System.Collections.Generic.List<ApprovalClaim> Claims { get; } = new();

        public ApprovalLedgerScope Scope => ApprovalLedgerScope.Shared;

        public string Description => "the recording ledger";

        public Task<bool> TryClaimAsync(ApprovalClaim claim, CancellationToken cancellationToken)
        {
            lock (Claims)
            {
                var first = Claims.TrueForAll(c => c.TokenId != claim.TokenId);
                if (first)
                {
                    Claims.Add(claim);
                }

                return Task.FromResult(first);
            }
        }
    }
}
