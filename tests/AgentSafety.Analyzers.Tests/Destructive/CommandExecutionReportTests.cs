using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.DestructiveCommandTextAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// ASA202 reports a command where it runs, which is where the guard goes, and reads its text from where it was given;
/// it reads SQL whose object name is known only at run time, and a ProcessStartInfo's ArgumentList initializer.
/// </summary>
public class CommandExecutionReportTests
{
    [Fact]
    public Task Reports_ado_net_commands_at_each_execution_with_the_text_they_run() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.Data.SqlClient;
        using Npgsql;
        class C
        {
            async Task M(SqlConnection sql, NpgsqlConnection pg)
            {
                var drop = new SqlCommand("DROP TABLE orders", sql);
                {|#0:drop.ExecuteNonQuery()|};

                await using var truncate = pg.CreateCommand();
                truncate.CommandText = "SELECT 1";
                await truncate.ExecuteScalarAsync();
                truncate.CommandText = "TRUNCATE TABLE audit_log";
                await {|#1:truncate.ExecuteNonQueryAsync()|};

                {|#2:new NpgsqlCommand("DROP SCHEMA billing", pg).ExecuteNonQuery()|};
            }

            NpgsqlCommand Built(NpgsqlConnection pg) => {|#3:new NpgsqlCommand("DROP TABLE orders", pg)|};
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("SQL", "DROP TABLE orders", "SqlCommand.ExecuteNonQuery"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("SQL", "TRUNCATE TABLE audit_log", "DbCommand.ExecuteNonQueryAsync"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("SQL", "DROP SCHEMA billing", "NpgsqlCommand.ExecuteNonQuery"),
        Verify.Diagnostic("ASA202").WithLocation(3).WithArguments("SQL", "DROP TABLE orders", "new NpgsqlCommand"));

    [Fact]
    public Task Reports_dapper_sql_with_a_run_time_object_name_and_not_a_query() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;
        class C
        {
            async Task M(SqlConnection connection, string table)
            {
                await {|#0:connection.ExecuteAsync($"DROP TABLE {table}")|};
                await connection.QueryAsync<int>($"SELECT id FROM {table}");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("SQL", "DROP TABLE {…}", "SqlMapper.ExecuteAsync"));

    [Fact]
    public Task Reports_a_process_start_info_whose_argument_list_is_a_collection_initializer() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void Destroy() => {|#0:Process.Start(new ProcessStartInfo("terraform") { ArgumentList = { "destroy", "-auto-approve" } })|};

            void Plan() => Process.Start(new ProcessStartInfo("terraform") { ArgumentList = { "plan" } });

            void Local()
            {
                var psi = new ProcessStartInfo("terraform") { ArgumentList = { "destroy" } };
                {|#1:Process.Start(psi)|};
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "terraform destroy", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("command", "terraform destroy", "Process.Start"));

    [Fact]
    public Task Reads_each_collection_initializer_item_as_one_word_spaces_and_all() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void Drop() => {|#0:Process.Start(new ProcessStartInfo("psql") { ArgumentList = { "-c", "DROP DATABASE shop" } })|};

            void Commit() => Process.Start(new ProcessStartInfo("git") { ArgumentList = { "commit", "-m", "stop kubectl delete ns prod; rm -rf /" } });
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "psql DROP DATABASE shop", "Process.Start"));
}
