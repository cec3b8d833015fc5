using System;
using System.Threading.Tasks;
using Npgsql;

namespace AgentSafety.Guards.Tests;

/// <summary>
/// The real PostgreSQL server the ledger tests run against: its connection string comes from
/// <c>AGENTSAFETY_TEST_POSTGRES</c>, which <c>.ci/run</c> and <c>.ci/postgres.sh</c> set after starting a throwaway
/// server. Without it, or when the server does not answer, a test that needs it fails and says how to start one:
/// it is never skipped and never mocked.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "AGENTSAFETY_TEST_POSTGRES";

    private const string HowToStart =
        "Run the tests through `bash .ci/postgres.sh dotnet test tests/AgentSafety.Guards.Tests -c Release` (it starts a throwaway " +
        "PostgreSQL on a free local port and sets " + Variable + "), or `bash .ci/run`, or set " + Variable + " to a server of your own " +
        "(a superuser connection string: the tests create their own tables and roles).";

    public static string ConnectionString()
    {
        var cs = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(cs))
        {
            throw new Xunit.Sdk.XunitException($"{Variable} is not set: this test needs a real PostgreSQL server. {HowToStart}");
        }

        return cs;
    }

    /// <summary>A fresh, uniquely named ledger table, created by the server's superuser, and the connection string.</summary>
    public static async Task<(string ConnectionString, string Table)> NewLedgerTableAsync()
    {
        var cs = ConnectionString();
        var table = "ledger_" + Guid.NewGuid().ToString("N").Substring(0, 12);
        try
        {
            using var ledger = new AgentSafety.Guards.PostgreSql.PostgreSqlApprovalLedger(cs, table);
            await ledger.EnsureCreatedAsync();
        }
        catch (NpgsqlException e)
        {
            var b = new NpgsqlConnectionStringBuilder(cs);
            throw new Xunit.Sdk.XunitException($"cannot reach the PostgreSQL server at {b.Host}:{b.Port} ({Variable}): {e.Message}. {HowToStart}");
        }

        return (cs, table);
    }

    public static async Task<int> ExecuteAsync(string connectionString, string sql)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using var command = source.CreateCommand(sql);
        return await command.ExecuteNonQueryAsync();
    }
}
