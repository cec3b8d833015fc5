using System;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace AgentSafety.Guards.PostgreSql;

/// <summary>
/// Spent approval-token ids in one PostgreSQL table, shared by every process and machine that points at it: a token
/// runs once anywhere. A claim is one statement, <c>INSERT … ON CONFLICT DO NOTHING</c>, against the table's primary
/// key on <c>jti</c>, so the database decides atomically which of two racing claims wins.
/// </summary>
/// <remarks>
/// Give the job a role that can only insert (<see cref="InsertOnlyRoleSql"/>): then neither the job nor an agent in it
/// can delete or change what it spent. Create the table (<see cref="CreateTableSql"/> or <see cref="EnsureCreatedAsync"/>)
/// and run the retention (<see cref="PurgeExpiredAsync"/>) as the table's owner, never as the job.
/// </remarks>
public sealed class PostgreSqlApprovalLedger : IApprovalLedger, IDisposable
{
    /// <summary>The table's default name.</summary>
    public const string DefaultTable = "agentsafety_approval_ledger";

    /// <summary>The variable <see cref="FromEnvironment"/> reads the connection string from.</summary>
    public const string ConnectionStringVariable = "AGENTSAFETY_LEDGER_POSTGRES";

    private static readonly Regex Identifier = new(@"^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly string _table;

    /// <summary>A ledger over <paramref name="connectionString"/>, in <paramref name="table"/> (optionally schema-qualified).</summary>
    public PostgreSqlApprovalLedger(string connectionString, string table = DefaultTable)
        : this(NpgsqlDataSource.Create(connectionString ?? throw new ArgumentNullException(nameof(connectionString))), table, ownsDataSource: true)
    {
    }

    /// <summary>A ledger over the application's own data source; the caller keeps owning it.</summary>
    public PostgreSqlApprovalLedger(NpgsqlDataSource dataSource, string table = DefaultTable)
        : this(dataSource ?? throw new ArgumentNullException(nameof(dataSource)), table, ownsDataSource: false)
    {
    }

    private PostgreSqlApprovalLedger(NpgsqlDataSource dataSource, string table, bool ownsDataSource)
    {
        _table = CheckTable(table);
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        var cs = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Description = $"the PostgreSQL approval ledger {_table} on {cs.Host}:{cs.Port}/{cs.Database}";
    }

    /// <inheritdoc/>
    public ApprovalLedgerScope Scope => ApprovalLedgerScope.Shared;

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>The table.</summary>
    public string Table => _table;

    /// <summary>A ledger over the connection string in <c>AGENTSAFETY_LEDGER_POSTGRES</c>; throws when it is unset.</summary>
    public static PostgreSqlApprovalLedger FromEnvironment(string table = DefaultTable)
    {
        var cs = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        return string.IsNullOrWhiteSpace(cs)
            ? throw new InvalidOperationException($"{ConnectionStringVariable} is not set: give the job the connection string of its insert-only ledger role")
            : new PostgreSqlApprovalLedger(cs!, table);
    }

    /// <summary>The table: one row per spent token, the token id its primary key.</summary>
    public static string CreateTableSql(string table = DefaultTable) => $"""
        CREATE TABLE IF NOT EXISTS {CheckTable(table)} (
            jti         text        PRIMARY KEY,
            expires_at  timestamptz NOT NULL,
            claimed_at  timestamptz NOT NULL DEFAULT now(),
            action      text        NOT NULL,
            resource    text        NOT NULL,
            environment text        NOT NULL,
            approver    text
        )
        """;

    /// <summary>
    /// A role that can insert into the ledger and do nothing else with it: no select, update, delete or truncate. The
    /// claim (<c>INSERT … ON CONFLICT DO NOTHING</c>, with no conflict target) needs only the insert privilege.
    /// </summary>
    public static string InsertOnlyRoleSql(string role, string table = DefaultTable)
    {
        var r = CheckRole(role);
        var t = CheckTable(table);
        return $"""
            CREATE ROLE {r} LOGIN;
            REVOKE ALL ON {t} FROM PUBLIC;
            GRANT INSERT ON {t} TO {r};
            """;
    }

    /// <summary>Creates the table if it is missing; run it as the table's owner (a migration), not as the job.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(CreateTableSql(_table));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<bool> TryClaimAsync(ApprovalClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null)
        {
            throw new ArgumentNullException(nameof(claim));
        }

        // No conflict target: the job's role then needs the insert privilege only, not select on the key.
        await using var command = _dataSource.CreateCommand(
            $"INSERT INTO {_table} (jti, expires_at, action, resource, environment, approver) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claim.TokenId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = claim.Expires.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claim.Request.Action });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claim.Request.Resource });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = claim.Request.Environment });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)claim.ApproverFingerprint ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Retention: deletes the ids of tokens that expired more than <paramref name="grace"/> ago (default one day, for
    /// clock skew); an expired token is refused before the ledger is asked, so its id is no longer needed. Run it as the
    /// table's owner, on a schedule. Returns the number of ids removed.
    /// </summary>
    public async Task<int> PurgeExpiredAsync(TimeSpan? grace = null, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"DELETE FROM {_table} WHERE expires_at < now() - $1");
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = grace ?? TimeSpan.FromDays(1) });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    private static string CheckTable(string table) =>
        table is not null && Identifier.IsMatch(table) ? table : throw new ArgumentException("the ledger table must be a plain lower-case identifier, optionally schema-qualified (schema.table)", nameof(table));

    private static string CheckRole(string role) =>
        role is not null && Identifier.IsMatch(role) && role.IndexOf('.') < 0 ? role : throw new ArgumentException("the role must be a plain lower-case identifier", nameof(role));
}

/// <summary>Opting into the PostgreSQL ledger where the guard is configured.</summary>
public static class PostgreSqlLedgerOptions
{
    /// <summary>
    /// Spends approvals in the PostgreSQL ledger: <c>services.AddAgentSafetyGuards(o =&gt; o.UsePostgreSqlLedger(cs))</c>
    /// or <c>Destructive.Configure(o =&gt; o.UsePostgreSqlLedger(cs))</c>.
    /// </summary>
    public static DestructiveGuardOptionsBuilder UsePostgreSqlLedger(this DestructiveGuardOptionsBuilder options, string connectionString, string table = PostgreSqlApprovalLedger.DefaultTable)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Ledger = new PostgreSqlApprovalLedger(connectionString, table);
        return options;
    }
}
