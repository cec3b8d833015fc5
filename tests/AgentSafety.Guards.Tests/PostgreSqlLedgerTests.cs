using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Guards.PostgreSql;
using Npgsql;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>The shared ledger on a real PostgreSQL server (<see cref="PostgresServer"/>): one token, one run, anywhere.</summary>
[Collection(GuardCollection.Name)]
public sealed class PostgreSqlLedgerTests : IDisposable
{
    private static readonly ApproverKeyPair Approver = ApproverKeyPair.Generate();
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "agentsafety-pg-" + Guid.NewGuid().ToString("N"));

    public PostgreSqlLedgerTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Destructive.Reset();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Many_concurrent_claims_of_one_token_id_on_separate_connections_record_exactly_one()
    {
        var (cs, table) = await PostgresServer.NewLedgerTableAsync();
        var ledgers = Enumerable.Range(0, 32).Select(_ => new PostgreSqlApprovalLedger(cs, table)).ToArray();
        try
        {
            var claim = new ApprovalClaim("jti-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(10), new ConfirmationRequest("db:drop", "tenant_42", "Staging"), Approver.PublicKey.Fingerprint);
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racers = ledgers.Select(l => Task.Run(async () => { await start.Task; return await l.TryClaimAsync(claim, default); })).ToArray();
            start.SetResult();

            var results = await Task.WhenAll(racers);

            Assert.Equal(1, results.Count(r => r));
            Assert.Equal(1L, await CountAsync(cs, table));
        }
        finally
        {
            foreach (var l in ledgers)
            {
                l.Dispose();
            }
        }
    }

    [Fact]
    public async Task Two_processes_and_many_tasks_racing_for_one_token_run_the_operation_exactly_once()
    {
        var (cs, table) = await PostgresServer.NewLedgerTableAsync();
        var token = ApprovalToken.Issue(Approver, Racer.Action, Racer.Resource, "Staging", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        var go = Path.Combine(_dir, "go");
        var ran = Path.Combine(_dir, "ran");
        var spec = "postgres=" + table + "=" + cs;

        using var first = RaceProcess.Start(spec, Approver.PublicKey, token, 16, go, ran);
        using var second = RaceProcess.Start(spec, Approver.PublicKey, token, 16, go, ran);
        File.WriteAllText(go, "go");
        var tallies = new[] { first.Finish(), second.Finish() };

        var runs = File.Exists(ran) ? File.ReadAllLines(ran) : Array.Empty<string>();
        Assert.True(runs.Length == 1, $"expected exactly one run, saw {runs.Length}: {string.Join(" | ", tallies)}");
        Assert.Equal(new[] { "AlreadyUsed=15 ran=1", "AlreadyUsed=16" }, tallies.OrderByDescending(t => t.Length));
        Assert.Equal(1L, await CountAsync(cs, table));
    }

    [Fact]
    public async Task A_second_run_of_a_spent_token_is_refused_with_the_ledger_named_and_the_job_told_it_runs_once()
    {
        var (cs, table) = await PostgresServer.NewLedgerTableAsync();
        using var ledger = new PostgreSqlApprovalLedger(cs, table);
        var token = ApprovalToken.Issue(Approver, "db:drop", "tenant_42", "Staging", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        var counter = new Counter();

        // Two configurations with fresh providers: the provider's in-process memory cannot be what refuses the second run.
        foreach (var attempt in new[] { 1, 2 })
        {
            Destructive.Configure(new DestructiveGuardOptions
            {
                Providers = new IConfirmationProvider[] { new SignedApprovalProvider(new[] { Approver.PublicKey }, () => new[] { token }) },
                Environment = () => "Staging",
                Ledger = ledger,
            });
            if (attempt == 1)
            {
                await Destructive.RunAsync("db:drop", "tenant_42", _ => { counter.Increment(); return Task.CompletedTask; });
            }
        }

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("db:drop", "tenant_42", _ => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(1, counter.Count);
        Assert.Equal(RefusalReason.AlreadyUsed, denied.Reason);
        Assert.Contains("already spent in the PostgreSQL approval ledger " + table, denied.Message, StringComparison.Ordinal);
        Assert.Contains("runs once: its id is spent in the PostgreSQL approval ledger", denied.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", denied.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_insert_only_role_can_spend_a_token_but_cannot_read_change_or_erase_the_ledger()
    {
        var (cs, table) = await PostgresServer.NewLedgerTableAsync();
        var role = "job_" + table.Substring(7);
        foreach (var statement in PostgreSqlApprovalLedger.InsertOnlyRoleSql(role, table).Split(';', StringSplitOptions.RemoveEmptyEntries).Where(s => s.Trim().Length > 0))
        {
            await PostgresServer.ExecuteAsync(cs, statement);
        }

        try
        {
            var jobCs = new NpgsqlConnectionStringBuilder(cs) { Username = role, Password = null }.ConnectionString;
            using var job = new PostgreSqlApprovalLedger(jobCs, table);
            var claim = new ApprovalClaim("jti-" + Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddMinutes(10), new ConfirmationRequest("db:drop", "tenant_42", "Staging"), null);

            Assert.True(await job.TryClaimAsync(claim, default));
            Assert.False(await job.TryClaimAsync(claim, default));
            foreach (var sql in new[] { $"DELETE FROM {table}", $"UPDATE {table} SET jti = 'x'", $"TRUNCATE {table}", $"SELECT count(*) FROM {table}" })
            {
                var e = await Assert.ThrowsAsync<PostgresException>(() => PostgresServer.ExecuteAsync(jobCs, sql));
                Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
            }

            Assert.Equal(1L, await CountAsync(cs, table));
        }
        finally
        {
            await PostgresServer.ExecuteAsync(cs, $"DROP TABLE {table}; DROP ROLE {role}");
        }
    }

    [Fact]
    public async Task Retention_removes_ids_expired_past_the_grace_and_keeps_the_rest()
    {
        var (cs, table) = await PostgresServer.NewLedgerTableAsync();
        using var ledger = new PostgreSqlApprovalLedger(cs, table);
        var request = new ConfirmationRequest("db:drop", "tenant_42", "Staging");
        await ledger.TryClaimAsync(new ApprovalClaim("old", DateTimeOffset.UtcNow.AddDays(-2), request, null), default);
        await ledger.TryClaimAsync(new ApprovalClaim("recent", DateTimeOffset.UtcNow.AddHours(-1), request, null), default);
        await ledger.TryClaimAsync(new ApprovalClaim("live", DateTimeOffset.UtcNow.AddMinutes(10), request, null), default);

        var removed = await ledger.PurgeExpiredAsync();

        Assert.Equal(1, removed);
        Assert.Equal(2L, await CountAsync(cs, table));
        Assert.False(await ledger.TryClaimAsync(new ApprovalClaim("recent", DateTimeOffset.UtcNow, request, null), default));
    }

    [Fact]
    public async Task An_unreachable_ledger_fails_closed_and_the_operation_does_not_run()
    {
        PostgresServer.ConnectionString();
        var port = FreePort();
        using var ledger = new PostgreSqlApprovalLedger($"Host=127.0.0.1;Port={port};Username=nobody;Timeout=3");
        var token = ApprovalToken.Issue(Approver, "db:drop", "tenant_42", "Staging", TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow);
        Destructive.Configure(new DestructiveGuardOptions
        {
            Providers = new IConfirmationProvider[] { new SignedApprovalProvider(new[] { Approver.PublicKey }, () => new[] { token }) },
            Environment = () => "Staging",
            Ledger = ledger,
        });
        var counter = new Counter();

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("db:drop", "tenant_42", _ => { counter.Increment(); return Task.CompletedTask; }));

        Assert.Equal(0, counter.Count);
        Assert.Equal(RefusalReason.LedgerUnavailable, denied.Reason);
        Assert.Contains($"127.0.0.1:{port}", denied.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private static async Task<long> CountAsync(string cs, string table)
    {
        await using var source = NpgsqlDataSource.Create(cs);
        await using var command = source.CreateCommand($"SELECT count(*) FROM {table}");
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
