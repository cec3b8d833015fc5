using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.DestructiveCommandTextAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

public class DestructiveCommandTextAnalyzerTests
{
    [Fact]
    public Task Reports_the_incident_volume_delete_mutation_posted_with_an_anonymous_body() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        class C
        {
            const string Endpoint = "https://backboard.railway.app/graphql/v2";
            const string VolumeDelete = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";
            Task M(HttpClient http, string id) =>
                {|#0:http.PostAsJsonAsync(Endpoint, new { query = VolumeDelete, variables = new { volumeId = id } })|};
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("GraphQL mutation", "volumeDelete", "HttpClientJsonExtensions.PostAsJsonAsync"));

    [Fact]
    public Task Reports_a_mutation_in_a_local_and_string_content_and_stays_quiet_on_queries() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Text;
        using System.Threading.Tasks;
        class C
        {
            static readonly string ServiceDelete = "mutation { serviceDelete(id: \"x\") }";
            async Task M(HttpClient http, string env)
            {
                var body = "{\"query\":\"mutation { environmentDelete(id: \\\"" + env + "\\\") }\"}";
                await {|#0:http.PostAsync("https://backboard.railway.com/graphql/v2", new StringContent(body, Encoding.UTF8, "application/json"))|};
                await {|#1:http.PostAsync("https://backboard.railway.com/graphql/v2", new StringContent(ServiceDelete))|};
                await http.PostAsync("https://backboard.railway.com/graphql/v2", new StringContent("query { me { name } }"));
                await http.PostAsync("https://api.example.com/graphql", new StringContent("mutation { commentDelete(id: 1) }"));
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("GraphQL mutation", "environmentDelete", "HttpClient.PostAsync"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("GraphQL mutation", "serviceDelete", "HttpClient.PostAsync"));

    [Fact]
    public Task Reports_destructive_sql_at_ado_net_dapper_and_ef_and_not_a_delete_with_where() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Dapper;
        using Npgsql;
        using Microsoft.Data.SqlClient;
        using Microsoft.EntityFrameworkCore;
        class C
        {
            const string Drop = "DROP TABLE orders";
            async Task M(NpgsqlConnection pg, SqlConnection sql, DbContext db, int id)
            {
                using var a = {|#0:new NpgsqlCommand(Drop, pg)|};
                using var b = new SqlCommand();
                {|#1:b.CommandText = "TRUNCATE TABLE audit_log"|};
                await {|#2:pg.ExecuteAsync("DELETE FROM customers;")|};
                await pg.ExecuteAsync("DELETE FROM customers WHERE id = @id", new { id });
                await {|#3:db.Database.ExecuteSqlRawAsync("DROP DATABASE shop")|};
                await pg.QueryAsync<int>("SELECT count(*) FROM orders");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("SQL", "DROP TABLE orders", "new NpgsqlCommand"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("SQL", "TRUNCATE TABLE audit_log", "SqlCommand.CommandText"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("SQL", "DELETE FROM customers", "SqlMapper.ExecuteAsync"),
        Verify.Diagnostic("ASA202").WithLocation(3).WithArguments("SQL", "DROP DATABASE shop", "RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync"));

    [Fact]
    public Task Reports_destructive_cli_commands_and_not_plan_or_get() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void M(string ns)
            {
                {|#0:Process.Start("terraform", "destroy -auto-approve")|};
                {|#1:Process.Start("kubectl", $"delete namespace {ns}")|};
                var psi = {|#2:new ProcessStartInfo { FileName = "aws", Arguments = "s3 rb s3://backups --force" }|};
                Process.Start("terraform", "plan");
                Process.Start("kubectl", "get pods");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "terraform destroy", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("command", "kubectl delete", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("command", "aws s3 rb", "new ProcessStartInfo"));

    [Fact]
    public Task Reports_rest_delete_against_a_platform_api_and_not_the_applications_own() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        class C
        {
            async Task M(HttpClient http, string id)
            {
                await {|#0:http.DeleteAsync($"https://api.digitalocean.com/v2/volumes/{id}")|};
                await http.DeleteAsync($"https://shop.example.com/api/carts/{id}");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("REST DELETE", "api.digitalocean.com", "HttpClient.DeleteAsync"));

    [Fact]
    public Task Reports_a_start_info_whose_arguments_are_added_one_by_one_at_the_start() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void Destroy()
            {
                var psi = new ProcessStartInfo("terraform");
                psi.ArgumentList.Add("destroy");
                psi.ArgumentList.Add("-auto-approve");
                {|#0:Process.Start(psi)|};
            }

            void Plan()
            {
                var psi = new ProcessStartInfo("terraform");
                psi.ArgumentList.Add("plan");
                Process.Start(psi);
            }

            void KnownAtCreationReportedWhereItStarts()
            {
                var psi = new ProcessStartInfo("kubectl", "delete namespace staging");
                {|#1:Process.Start(psi)|};
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "terraform destroy", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("command", "kubectl delete", "Process.Start"));

    [Fact]
    public Task Reports_a_raw_redis_flush_command_and_not_other_commands() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using StackExchange.Redis;
        class C
        {
            async Task M(IDatabase db, IServer server)
            {
                {|#0:db.Execute("FLUSHALL")|};
                await {|#1:server.ExecuteAsync("flushdb")|};
                db.Execute("PING");
                await db.ExecuteAsync("DEL", "one-key");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("Redis command", "FLUSHALL", "IDatabase.Execute"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("Redis command", "FLUSHDB", "IServer.ExecuteAsync"));

    [Fact]
    public Task A_raw_redis_flush_is_reported_between_calls_of_the_same_names_on_other_types_and_other_names_on_redis() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using StackExchange.Redis;
        class Own
        {
            public void Execute(string command) { }
            public Task ExecuteAsync(string command) => Task.CompletedTask;
        }
        class C
        {
            async Task M(IDatabase db, IServer server, Own own)
            {
                own.Execute("FLUSHALL");
                {|#0:db.Execute("FLUSHALL")|};
                own.Execute("FLUSHALL");
                db.StringGet("k");
                {|#1:db.Execute("FLUSHALL")|};
                await own.ExecuteAsync("flushdb");
                await {|#2:server.ExecuteAsync("flushdb")|};
                await own.ExecuteAsync("flushdb");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("Redis command", "FLUSHALL", "IDatabase.Execute"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("Redis command", "FLUSHALL", "IDatabase.Execute"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("Redis command", "FLUSHDB", "IServer.ExecuteAsync"));

    [Fact]
    public Task Reports_a_delete_request_message_sent_to_a_platform_api_in_place_or_through_a_local() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Threading.Tasks;
        class C
        {
            async Task M(HttpClient http, string app, string machine)
            {
                await {|#0:http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"https://api.machines.dev/v1/apps/{app}/machines/{machine}"))|};

                var request = new HttpRequestMessage { Method = new HttpMethod("DELETE"), RequestUri = new Uri("https://api.render.com/v1/services/srv-1") };
                await {|#1:http.SendAsync(request)|};

                await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"https://api.machines.dev/v1/apps/{app}/machines"));
                await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"https://shop.example.com/api/carts/{machine}"));
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("REST DELETE", "api.machines.dev", "HttpClient.SendAsync"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("REST DELETE", "api.render.com", "HttpClient.SendAsync"));

    [Fact]
    public Task A_guarded_mutation_is_quiet() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        class C
        {
            const string VolumeDelete = "mutation { volumeDelete(volumeId: \"v\") }";
            Task M(HttpClient http) =>
                Destructive.RunAsync("railway:volumeDelete", "v", ct => http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = VolumeDelete }, ct));
        }
        """);
}
