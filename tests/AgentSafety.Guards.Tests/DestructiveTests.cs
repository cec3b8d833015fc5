using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AgentSafety.Guards.Tests;

[Collection(GuardCollection.Name)]
public sealed class DestructiveTests : IDisposable
{
    private static readonly ApproverKeyPair Approver = ApproverKeyPair.Generate();
    private static readonly ApproverKeyPair Stranger = ApproverKeyPair.Generate();

    public void Dispose() => Destructive.Reset();

    private static string Token(string action = "railway:volumeDelete", string resource = "vol-123", string environment = "Staging", TimeSpan? ttl = null, ApproverKeyPair? key = null, DateTimeOffset? now = null) =>
        ApprovalToken.Issue(key ?? Approver, action, resource, environment, ttl ?? TimeSpan.FromMinutes(10), now ?? Setup.Now);

    [Fact]
    public async Task Signed_approval_for_the_exact_request_runs_the_operation_once()
    {
        var audit = Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token()), new DenyAllConfirmationProvider() });
        var counter = new Counter();

        await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; });

        Assert.Equal(1, counter.Count);
        var events = audit.Records.Select(r => r.Event).ToArray();
        Assert.Equal(new[] { AuditEvent.Requested, AuditEvent.Approved, AuditEvent.Started, AuditEvent.Succeeded }, events);
        Assert.Equal(Approver.PublicKey.Fingerprint, audit.Records.Single(r => r.Event == AuditEvent.Approved).ApproverFingerprint);
    }

    [Fact]
    public async Task The_same_token_does_not_approve_a_second_run()
    {
        Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token()) });
        var counter = new Counter();
        await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; });

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(RefusalReason.AlreadyUsed, denied.Reason);
        Assert.Equal(1, counter.Count);
    }

    [Theory]
    [InlineData("aws:s3:DeleteBucket", "vol-123", "Staging", RefusalReason.WrongAction)]
    [InlineData("railway:volumeDelete", "vol-999", "Staging", RefusalReason.WrongResource)]
    [InlineData("railway:volumeDelete", "vol-123", "Production", RefusalReason.WrongEnvironment)]
    public async Task A_token_for_another_request_is_refused_and_says_which_field_differs(string action, string resource, string environment, RefusalReason expected)
    {
        var audit = Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token(action, resource, environment)) });
        var counter = new Counter();

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(expected, denied.Reason);
        Assert.Equal(0, counter.Count);
        Assert.Equal(AuditEvent.Refused, audit.Records.Last().Event);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token(now: Setup.Now.AddMinutes(-20))) });
        var counter = new Counter();

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(RefusalReason.Expired, denied.Reason);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_as_a_bad_signature()
    {
        // Re-sign nothing: take a real token for another volume and swap in the payload of this volume.
        var real = Token(resource: "vol-other");
        var wanted = Token();
        var tampered = wanted.Substring(0, wanted.LastIndexOf('.')) + real.Substring(real.LastIndexOf('.'));
        Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, tampered) });
        var counter = new Counter();

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(RefusalReason.BadSignature, denied.Reason);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task A_token_signed_by_an_unknown_key_is_refused()
    {
        Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token(key: Stranger)) });

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => Task.CompletedTask));

        Assert.Equal(RefusalReason.UnknownKey, denied.Reason);
    }

    [Fact]
    public async Task With_no_approval_and_no_terminal_it_fails_closed_and_tells_a_person_how_to_approve()
    {
        var audit = Setup.Configure(new IConfirmationProvider[]
        {
            Setup.Signed(Approver),
            new ConsolePromptProvider(new FakeConsole(interactive: false)),
            new DenyAllConfirmationProvider(),
        });
        var counter = new Counter();

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(0, counter.Count);
        Assert.Equal(RefusalReason.NoApproval, denied.Reason);
        Assert.Contains("agentsafety approve --action railway:volumeDelete --resource vol-123 --environment Staging", denied.Message, StringComparison.Ordinal);
        Assert.Contains("no person at an interactive terminal", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--yes", denied.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { AuditEvent.Requested, AuditEvent.Refused }, audit.Records.Select(r => r.Event).ToArray());
    }

    [Fact]
    public async Task A_person_typing_the_resource_name_approves_and_a_mismatch_refuses()
    {
        var counter = new Counter();
        Setup.Configure(new IConfirmationProvider[] { new ConsolePromptProvider(new FakeConsole(true, "vol-123")) });
        await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; });

        var console = new FakeConsole(true, "yes");
        Setup.Configure(new IConfirmationProvider[] { new ConsolePromptProvider(console) });
        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(1, counter.Count);
        Assert.Equal(RefusalReason.TypedNameMismatch, denied.Reason);
        Assert.Contains(console.Written, l => l.Contains("vol-123", StringComparison.Ordinal) && l.Contains("Staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dry_run_logs_the_approved_operation_and_runs_nothing()
    {
        var audit = Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token()) }, dryRun: true);
        var counter = new Counter();

        var result = await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.FromResult(204); });

        Assert.Equal(0, counter.Count);
        Assert.Equal(0, result);
        Assert.Equal(AuditEvent.DryRun, audit.Records.Last().Event);
    }

    [Fact]
    public async Task Cancelling_during_the_delay_stops_the_operation()
    {
        // Cancelled by the approval itself, not by a timer: on a loaded machine a timer can fire before approval.
        using var cts = new CancellationTokenSource();
        var audit = new CancelOnApprovalSink(cts);
        Destructive.Configure(new DestructiveGuardOptions
        {
            Providers = new IConfirmationProvider[] { Setup.Signed(Approver, Token()) },
            Environment = () => "Staging",
            Delay = TimeSpan.FromMinutes(5),
            AuditSink = audit,
            Clock = () => Setup.Now,
        });
        var counter = new Counter();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; }, cts.Token));

        Assert.Equal(0, counter.Count);
        Assert.Equal(AuditEvent.Cancelled, audit.Records.Last().Event);
    }

    [Fact]
    public async Task An_exception_from_the_operation_is_recorded_and_rethrown_unchanged()
    {
        var audit = Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, Token()) });
        var thrown = new InvalidOperationException("platform said no");

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => Task.FromException(thrown)));

        Assert.Same(thrown, caught);
        var failed = audit.Records.Last();
        Assert.Equal(AuditEvent.Failed, failed.Event);
        Assert.Contains("platform said no", failed.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Unsigned_development_approval_works_in_development_and_is_refused_in_production()
    {
        var counter = new Counter();
        var unsigned = new UnsignedDevelopmentApprovalProvider(() => "railway:volumeDelete@vol-123");
        Setup.Configure(new IConfirmationProvider[] { unsigned }, environment: "Development");
        Destructive.Run("railway:volumeDelete", "vol-123", () => counter.Increment());

        Setup.Configure(new IConfirmationProvider[] { unsigned }, environment: "Production");
        var denied = Assert.Throws<DestructiveOperationDeniedException>(() => Destructive.Run("railway:volumeDelete", "vol-123", () => counter.Increment()));

        Assert.Equal(1, counter.Count);
        Assert.Equal(RefusalReason.UnsignedInProduction, denied.Reason);
    }

    [Theory]
    [InlineData(null, "vol")]
    [InlineData("", "vol")]
    [InlineData("  ", "vol")]
    [InlineData("act", null)]
    [InlineData("act", "")]
    public async Task Empty_action_or_resource_is_an_argument_exception_and_nothing_runs(string? action, string? resource)
    {
        Setup.Configure(new IConfirmationProvider[] { new UnsignedDevelopmentApprovalProvider(() => "act@vol") }, environment: "Development");
        var counter = new Counter();

        var e = await Assert.ThrowsAsync<ArgumentException>(() => Destructive.RunAsync(action!, resource!, ct => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, counter.Count);
    }

    [Fact]
    public async Task Every_overload_the_code_fixes_insert_compiles_and_runs_behind_the_guard()
    {
        var tokens = Enumerable.Range(0, 6).Select(_ => Token()).ToArray();
        Setup.Configure(new IConfirmationProvider[] { Setup.Signed(Approver, tokens) });
        var counter = new Counter();

        await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => { counter.Increment(); return Task.CompletedTask; });
        await Destructive.RunAsync("railway:volumeDelete", "vol-123", () => { counter.Increment(); return Task.CompletedTask; });
        var a = await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => Task.FromResult(counter.Count + 1));
        var b = await Destructive.RunAsync("railway:volumeDelete", "vol-123", () => Task.FromResult(1));
        Destructive.Run("railway:volumeDelete", "vol-123", () => { counter.Increment(); });
        var c = Destructive.Run("railway:volumeDelete", "vol-123", () => 7);

        Assert.Equal(3, counter.Count);
        Assert.Equal((3, 1, 7), (a, b, c));
    }

    [Fact]
    public async Task Concurrent_reconfiguration_never_shows_a_half_built_configuration()
    {
        var failures = 0;

        // Start from a known configuration: the reader may run before the writer's first write, and what an earlier
        // test left (or the defaults, after a Reset) is not one of the two this test alternates between.
        Destructive.Configure(new DestructiveGuardOptions { Providers = new IConfirmationProvider[] { new DenyAllConfirmationProvider() }, Environment = () => "Staging" });
        var stop = DateTime.UtcNow.AddMilliseconds(300);
        var writer = Task.Run(() =>
        {
            var i = 0;
            while (DateTime.UtcNow < stop)
            {
                var env = i++ % 2 == 0 ? "Staging" : "Development";
                Destructive.Configure(new DestructiveGuardOptions { Providers = new IConfirmationProvider[] { new DenyAllConfirmationProvider() }, Environment = () => env });
            }
        });
        var reader = Task.Run(() =>
        {
            while (DateTime.UtcNow < stop)
            {
                var options = Destructive.Options;
                if (options.Providers.Count != 1 || options.Environment() is not ("Staging" or "Development"))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });

        await Task.WhenAll(writer, reader);
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task Json_lines_sink_writes_one_parseable_record_per_event()
    {
        var path = Path.Combine(Path.GetTempPath(), "agentsafety-audit-" + Guid.NewGuid().ToString("N") + ".jsonl");
        try
        {
            var token = Token();
            Destructive.Configure(new DestructiveGuardOptions
            {
                Providers = new IConfirmationProvider[] { Setup.Signed(Approver, token) },
                Environment = () => "Staging",
                AuditSink = new JsonLinesAuditSink(path),
            });

            await Destructive.RunAsync("railway:volumeDelete", "vol-\"123\"\n", ct => Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
            await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => Task.CompletedTask);

            var lines = File.ReadAllLines(path);
            Assert.Equal(2 + 4, lines.Length);
            foreach (var line in lines)
            {
                using var doc = System.Text.Json.JsonDocument.Parse(line);
                Assert.Equal("railway:volumeDelete", doc.RootElement.GetProperty("action").GetString());
            }

            Assert.Contains(lines, l => l.Contains("\"approver\":\"" + Approver.PublicKey.Fingerprint + "\"", StringComparison.Ordinal));
            // The refusal names the token only redacted: its first characters and its length.
            Assert.DoesNotContain(lines, l => l.Contains(token.Substring(0, 20), StringComparison.Ordinal));
            Assert.Contains(lines, l => l.Contains("(" + token.Length + " characters)", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class CancelOnApprovalSink : IAuditSink
    {
        private readonly CancellationTokenSource _cancel;

        public CancelOnApprovalSink(CancellationTokenSource cancel) => _cancel = cancel;

        public List<AuditRecord> Records { get; } = new();

        public void Write(AuditRecord record)
        {
            lock (Records)
            {
                Records.Add(record);
            }

            if (record.Event == AuditEvent.Approved)
            {
                _cancel.Cancel();
            }
        }
    }
}
