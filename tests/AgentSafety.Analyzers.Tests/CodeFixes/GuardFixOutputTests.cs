using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Destructive;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using CallFix = AgentSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer, AgentSafety.Analyzers.CodeFixes.Destructive.WrapInConfirmationGuardCodeFix>;
using TextFix = AgentSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<AgentSafety.Analyzers.Destructive.DestructiveCommandTextAnalyzer, AgentSafety.Analyzers.CodeFixes.Destructive.WrapInConfirmationGuardCodeFix>;

namespace AgentSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// The exact code the guard fix writes for each shape (the docs copy these), with Fix All in document, project and
/// solution scope run by the testing library on the same input. <see cref="ExecutedGuardFixTests"/> runs the same
/// shapes.
/// </summary>
public class GuardFixOutputTests
{
    [Fact]
    public Task Ado_net_command_is_guarded_where_it_executes() => TextFix.VerifyCodeFixAsync("""
        using Microsoft.Data.SqlClient;

        public static class Program
        {
            public static void Run(SqlConnection connection)
            {
                var cmd = new SqlCommand("DROP TABLE orders", connection);
                [|cmd.ExecuteNonQuery()|];
            }
        }
        """, """
        using AgentSafety.Guards;
        using Microsoft.Data.SqlClient;

        public static class Program
        {
            public static void Run(SqlConnection connection)
            {
                var cmd = new SqlCommand("DROP TABLE orders", connection);
                Destructive.Run("sql:DROP TABLE", $"{cmd.CommandText} @ {cmd.Connection?.DataSource}/{cmd.Connection?.Database}", () => cmd.ExecuteNonQuery());
            }
        }
        """);

    [Fact]
    public Task Create_command_then_command_text_is_guarded_where_it_executes() => TextFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Npgsql;

        public static class Program
        {
            public static async Task Run(NpgsqlConnection connection)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "TRUNCATE TABLE audit_log";
                await [|cmd.ExecuteNonQueryAsync()|];
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Npgsql;

        public static class Program
        {
            public static async Task Run(NpgsqlConnection connection)
            {
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "TRUNCATE TABLE audit_log";
                await Destructive.RunAsync("sql:TRUNCATE TABLE", $"{cmd.CommandText} @ {cmd.Connection?.DataSource}/{cmd.Connection?.Database}", () => cmd.ExecuteNonQueryAsync());
            }
        }
        """);

    [Fact]
    public Task Dapper_sql_with_a_run_time_table_name_is_hoisted_and_guarded() => TextFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public static class Program
        {
            public static async Task Run(SqlConnection connection, string table)
            {
                await [|connection.ExecuteAsync($"DROP TABLE {table}")|];
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public static class Program
        {
            public static async Task Run(SqlConnection connection, string table)
            {
                var sql = $"DROP TABLE {table}";
                await Destructive.RunAsync("sql:DROP TABLE", $"{sql} @ {connection.DataSource}/{connection.Database}", () => connection.ExecuteAsync(sql));
            }
        }
        """);

    [Fact]
    public Task Process_start_info_with_an_argument_list_initializer_is_hoisted_and_guarded() => TextFix.VerifyCodeFixAsync("""
        using System.Diagnostics;

        public static class Program
        {
            public static void Run()
            {
                [|Process.Start(new ProcessStartInfo("terraform") { ArgumentList = { "destroy", "-auto-approve" } })|];
            }
        }
        """, """
        using System.Diagnostics;
        using AgentSafety.Guards;

        public static class Program
        {
            public static void Run()
            {
                var startInfo = new ProcessStartInfo("terraform") { ArgumentList = { "destroy", "-auto-approve" } };
                Destructive.Run("cli:terraform destroy", $"{startInfo.FileName} {(startInfo.ArgumentList.Count > 0 ? string.Join(" ", startInfo.ArgumentList) : startInfo.Arguments)}", () => Process.Start(startInfo));
            }
        }
        """);

    [Fact]
    public Task Incident_graphql_mutation_is_bound_to_its_body_with_the_variables() => TextFix.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public static class Program
        {
            const string RailwayGraphQl = "https://backboard.railway.app/graphql/v2";
            const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";

            public static async Task<int> Run(HttpClient http, string volumeId)
            {
                var response = await [|http.PostAsJsonAsync(RailwayGraphQl, new { query = VolumeDeleteMutation, variables = new { volumeId } })|];
                return (int)response.StatusCode;
            }
        }
        """, """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;
        using AgentSafety.Guards;

        public static class Program
        {
            const string RailwayGraphQl = "https://backboard.railway.app/graphql/v2";
            const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";

            public static async Task<int> Run(HttpClient http, string volumeId)
            {
                var body = new { query = VolumeDeleteMutation, variables = new { volumeId } };
                var response = await Destructive.RunAsync("railway:volumeDelete", JsonSerializer.Serialize(body), ct => http.PostAsJsonAsync(RailwayGraphQl, body, cancellationToken: ct));
                return (int)response.StatusCode;
            }
        }
        """);

    [Fact]
    public Task Rest_delete_is_bound_to_method_and_url() => TextFix.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Program
        {
            public static async Task Run(HttpClient http, string volumeId)
            {
                await [|http.DeleteAsync($"https://api.digitalocean.com/v2/volumes/{volumeId}")|];
            }
        }
        """, """
        using System.Net.Http;
        using System.Threading.Tasks;
        using AgentSafety.Guards;

        public static class Program
        {
            public static async Task Run(HttpClient http, string volumeId)
            {
                var url = $"https://api.digitalocean.com/v2/volumes/{volumeId}";
                await Destructive.RunAsync("rest:DELETE:api.digitalocean.com", $"DELETE {url}", () => http.DeleteAsync(url));
            }
        }
        """);

    [Fact]
    public Task S3_request_built_from_a_computed_name_is_hoisted_and_bound_to_its_bucket() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;

        public static class Program
        {
            public static async Task Run(IAmazonS3 s3, string environment)
            {
                await {|ASA201:s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = "backups-" + environment })|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Amazon.S3;
        using Amazon.S3.Model;

        public static class Program
        {
            public static async Task Run(IAmazonS3 s3, string environment)
            {
                var request = new DeleteBucketRequest { BucketName = "backups-" + environment };
                await Destructive.RunAsync("aws:s3:DeleteBucket", request.BucketName, ct => s3.DeleteBucketAsync(request, cancellationToken: ct));
            }
        }
        """);

    [Fact]
    public Task Blob_container_and_kubernetes_deletes_are_bound_to_the_container_uri_and_namespace_and_name() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;
        using k8s;

        public static class Program
        {
            public static async Task Run(BlobContainerClient container, IKubernetes client, string ns)
            {
                await {|ASA201:container.DeleteAsync()|};
                await {|ASA201:client.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync("data-postgres-0", ns)|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Azure.Storage.Blobs;
        using k8s;

        public static class Program
        {
            public static async Task Run(BlobContainerClient container, IKubernetes client, string ns)
            {
                await Destructive.RunAsync("azure:blob:DeleteContainer", $"{container.Uri}", ct => container.DeleteAsync(cancellationToken: ct));
                await Destructive.RunAsync("kubernetes:DeleteNamespacedPersistentVolumeClaim", $"{ns}/data-postgres-0", ct => client.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync("data-postgres-0", ns, cancellationToken: ct));
            }
        }
        """);

    [Fact]
    public Task Mongo_and_redis_are_bound_to_their_servers_not_only_to_a_name() => CallFix.VerifyCodeFixAsync("""
        using MongoDB.Driver;
        using StackExchange.Redis;

        public static class Program
        {
            public static void Run(IMongoClient mongo, IDatabase cache, IServer server)
            {
                {|ASA201:mongo.DropDatabase("shop")|};
                {|ASA201:server.FlushAllDatabases()|};
            }
        }
        """, """
        using AgentSafety.Guards;
        using MongoDB.Driver;
        using StackExchange.Redis;

        public static class Program
        {
            public static void Run(IMongoClient mongo, IDatabase cache, IServer server)
            {
                Destructive.Run("mongodb:DropDatabase", $"{string.Join(",", mongo.Settings.Servers)}/shop", () => mongo.DropDatabase("shop"));
                Destructive.Run("redis:FlushAllDatabases", $"{server.EndPoint}", () => server.FlushAllDatabases());
            }
        }
        """);

    [Fact]
    public Task Raw_redis_flush_is_bound_to_the_end_points_and_database_number() => TextFix.VerifyCodeFixAsync("""
        using StackExchange.Redis;

        public static class Program
        {
            public static void Run(IDatabase cache) => [|cache.Execute("FLUSHALL")|];
        }
        """, """
        using AgentSafety.Guards;
        using StackExchange.Redis;

        public static class Program
        {
            public static void Run(IDatabase cache) => Destructive.Run("redis:FLUSHALL", $"{string.Join(",", (object[])cache.Multiplexer.GetEndPoints())}/{cache.Database}/FLUSHALL", () => cache.Execute("FLUSHALL"));
        }
        """);

    /// <summary>
    /// ASA201 and ASA202 findings in one document, fixed together in document, project and solution scope: one import,
    /// every call wrapped once (the command whose text is assigned twice too), two hoisted locals with two names, and it
    /// compiles.
    /// </summary>
    [Fact]
    public async Task Fix_all_over_mixed_findings_imports_once_and_wraps_each_call_once()
    {
        var test = new MixedTest
        {
            TestCode = """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Dapper;
                using Npgsql;

                public static class Program
                {
                    public static async Task Run(IAmazonS3 s3, NpgsqlConnection connection, string environment)
                    {
                        await {|ASA201:s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = "logs-" + environment })|};
                        await {|ASA201:s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = "backups-" + environment })|};
                        await {|ASA202:connection.ExecuteAsync($"DROP TABLE orders_{environment}")|};
                        await using var cmd = new NpgsqlCommand("TRUNCATE TABLE audit_log", connection);
                        await {|ASA202:cmd.ExecuteNonQueryAsync()|};
                    }
                }
                """,
            FixedCode = """
                using System.Threading.Tasks;
                using AgentSafety.Guards;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Dapper;
                using Npgsql;

                public static class Program
                {
                    public static async Task Run(IAmazonS3 s3, NpgsqlConnection connection, string environment)
                    {
                        var request = new DeleteBucketRequest { BucketName = "logs-" + environment };
                        await Destructive.RunAsync("aws:s3:DeleteBucket", request.BucketName, ct => s3.DeleteBucketAsync(request, cancellationToken: ct));
                        var request2 = new DeleteBucketRequest { BucketName = "backups-" + environment };
                        await Destructive.RunAsync("aws:s3:DeleteBucket", request2.BucketName, ct => s3.DeleteBucketAsync(request2, cancellationToken: ct));
                        var sql = $"DROP TABLE orders_{environment}";
                        await Destructive.RunAsync("sql:DROP TABLE", $"{sql} @ {connection.DataSource}/{connection.Database}", () => connection.ExecuteAsync(sql));
                        await using var cmd = new NpgsqlCommand("TRUNCATE TABLE audit_log", connection);
                        await Destructive.RunAsync("sql:TRUNCATE TABLE", $"{cmd.CommandText} @ {cmd.Connection?.DataSource}/{cmd.Connection?.Database}", () => cmd.ExecuteNonQueryAsync());
                    }
                }
                """,
        };
        await test.RunAsync(CancellationToken.None);
    }

    private sealed class MixedTest : CSharpCodeFixTest<UnguardedDestructiveCallAnalyzer, WrapInConfirmationGuardCodeFix, DefaultVerifier>
    {
        public MixedTest()
        {
            TestReferences.Apply(this);
        }

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
            new DiagnosticAnalyzer[] { new UnguardedDestructiveCallAnalyzer(), new DestructiveCommandTextAnalyzer() };
    }
}
