using System;
using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Destructive;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Guards;
using Xunit;
using Xunit.Abstractions;

namespace AgentSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// The guard a fix inserts, run: each fix shape is fixed by the code fix, compiled against the real SDKs, and run
/// against two targets. A recording provider refuses, so no SDK call, HTTP request, SQL statement or process ever
/// runs; it shows the guard saw two different resources. Then a signed approval for the first target refuses the second
/// and (in dry run, so that still nothing runs) approves the first.
/// </summary>
[Collection(GuardConfigurationCollection.Name)]
public class ExecutedGuardFixTests
{
    private const string Environment = "Staging";
    private readonly ITestOutputHelper _output;

    public ExecutedGuardFixTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public Task S3_request_object_binds_to_the_bucket_name() => AssertBindsToTargetAsync("""
        using System.Threading.Tasks;
        using Amazon;
        using Amazon.Runtime;
        using Amazon.S3;
        using Amazon.S3.Model;

        public static class Program
        {
            public static async Task Run(string environment)
            {
                using var s3 = new AmazonS3Client(new AnonymousAWSCredentials(), RegionEndpoint.USEast1);
                await s3.DeleteBucketAsync(new DeleteBucketRequest { BucketName = "pocketops-backups-" + environment });
            }
        }
        """, "aws:s3:DeleteBucket", "pocketops-backups-staging", "pocketops-backups-production");

    [Fact]
    public Task Blob_container_client_binds_to_the_container_uri() => AssertBindsToTargetAsync("""
        using System;
        using System.Threading.Tasks;
        using Azure.Storage.Blobs;

        public static class Program
        {
            public static async Task Run(string environment)
            {
                var container = new BlobContainerClient(new Uri($"https://pocketops{environment}.blob.core.windows.net/backups"));
                await container.DeleteAsync();
            }
        }
        """, "azure:blob:DeleteContainer", "https://pocketopsstaging.blob.core.windows.net/backups", "https://pocketopsproduction.blob.core.windows.net/backups");

    [Fact]
    public Task Kubernetes_delete_binds_to_namespace_and_name() => AssertBindsToTargetAsync("""
        using System.Threading.Tasks;
        using k8s;

        public static class Program
        {
            public static async Task Run(string environment)
            {
                using var client = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" });
                await client.CoreV1.DeleteNamespacedPersistentVolumeClaimAsync("data-postgres-0", environment);
            }
        }
        """, "kubernetes:DeleteNamespacedPersistentVolumeClaim", "staging/data-postgres-0", "production/data-postgres-0");

    [Fact]
    public Task GraphQL_mutation_with_variables_binds_to_the_variables_values() => AssertBindsToTargetAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public static class Program
        {
            const string RailwayGraphQl = "https://backboard.railway.app/graphql/v2";
            const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";

            public static async Task Run(string volumeId)
            {
                using var http = new HttpClient();
                await http.PostAsJsonAsync(RailwayGraphQl, new { query = VolumeDeleteMutation, variables = new { volumeId } });
            }
        }
        """, "railway:volumeDelete", "\"volumeId\":\"staging\"", "\"volumeId\":\"production\"");

    [Fact]
    public Task GraphQL_mutation_with_an_interpolated_id_binds_to_the_id() => AssertBindsToTargetAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        public static class Program
        {
            public static async Task Run(string volumeId)
            {
                using var http = new HttpClient();
                await http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = $"mutation {{ volumeDelete(volumeId: \"{volumeId}\") }}" });
            }
        }
        """, "railway:volumeDelete", "volumeDelete(volumeId: \\u0022staging\\u0022)", "volumeDelete(volumeId: \\u0022production\\u0022)");

    [Fact]
    public Task Rest_delete_binds_to_method_and_full_url() => AssertBindsToTargetAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;

        public static class Program
        {
            public static async Task Run(string volumeId)
            {
                using var http = new HttpClient();
                await http.DeleteAsync($"https://api.digitalocean.com/v2/volumes/{volumeId}");
            }
        }
        """, "rest:DELETE:api.digitalocean.com", "DELETE https://api.digitalocean.com/v2/volumes/staging", "DELETE https://api.digitalocean.com/v2/volumes/production");

    [Fact]
    public Task Ado_net_command_created_then_executed_binds_to_sql_data_source_and_database() => AssertBindsToTargetAsync("""
        using Microsoft.Data.SqlClient;

        public static class Program
        {
            public static void Run(string environment)
            {
                using var connection = new SqlConnection($"Data Source=sql-{environment};Initial Catalog=shop");
                var cmd = new SqlCommand("DROP TABLE orders", connection);
                cmd.ExecuteNonQuery();
            }
        }
        """, "sql:DROP TABLE", "DROP TABLE orders @ sql-staging/shop", "DROP TABLE orders @ sql-production/shop");

    [Fact]
    public Task Ado_net_await_using_command_binds_to_sql_data_source_and_database() => AssertBindsToTargetAsync("""
        using System.Threading.Tasks;
        using Npgsql;

        public static class Program
        {
            public static async Task Run(string environment)
            {
                await using var connection = new NpgsqlConnection($"Host=db-{environment};Database=shop");
                await using var cmd = new NpgsqlCommand("DROP TABLE orders", connection);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        """, "sql:DROP TABLE", "DROP TABLE orders @ tcp://db-staging:5432/shop", "DROP TABLE orders @ tcp://db-production:5432/shop");

    [Fact]
    public Task Ado_net_create_command_then_command_text_binds_to_sql_data_source_and_database() => AssertBindsToTargetAsync("""
        using System.Threading.Tasks;
        using Npgsql;

        public static class Program
        {
            public static async Task Run(string environment)
            {
                await using var connection = new NpgsqlConnection($"Host=db-{environment};Database=shop");
                await using var cmd = connection.CreateCommand();
                cmd.CommandText = "TRUNCATE TABLE audit_log";
                await cmd.ExecuteNonQueryAsync();
            }
        }
        """, "sql:TRUNCATE TABLE", "TRUNCATE TABLE audit_log @ tcp://db-staging:5432/shop", "TRUNCATE TABLE audit_log @ tcp://db-production:5432/shop");

    [Fact]
    public Task Dapper_interpolated_drop_binds_to_the_table_named_at_run_time() => AssertBindsToTargetAsync("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;

        public static class Program
        {
            public static async Task Run(string environment)
            {
                using var connection = new SqlConnection("Data Source=sql-prod;Initial Catalog=shop");
                await connection.ExecuteAsync($"DROP TABLE orders_{environment}");
            }
        }
        """, "sql:DROP TABLE", "DROP TABLE orders_staging @ sql-prod/shop", "DROP TABLE orders_production @ sql-prod/shop");

    [Fact]
    public Task Ef_core_raw_sql_binds_to_sql_and_the_contexts_database() => AssertBindsToTargetAsync(EfContext + """
        public static class Program
        {
            public static async Task Run(string environment)
            {
                using var db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseNpgsql($"Host=db-{environment};Database=shop").Options);
                await db.Database.ExecuteSqlRawAsync("DROP TABLE orders");
            }
        }
        """, "sql:DROP TABLE", "DROP TABLE orders @ tcp://db-staging:5432/shop", "DROP TABLE orders @ tcp://db-production:5432/shop");

    [Fact]
    public Task Ef_core_execute_delete_binds_to_the_set_and_the_contexts_database() => AssertBindsToTargetAsync(EfContext + """
        public static class Program
        {
            public static async Task Run(string environment)
            {
                using var db = new ShopContext(new DbContextOptionsBuilder<ShopContext>().UseNpgsql($"Host=db-{environment};Database=shop").Options);
                await db.Orders.ExecuteDeleteAsync();
            }
        }
        """, "efcore:ExecuteDelete", "Orders @ tcp://db-staging:5432/shop", "Orders @ tcp://db-production:5432/shop");

    [Fact]
    public Task Process_start_with_an_argument_list_initializer_binds_to_file_name_and_arguments() => AssertBindsToTargetAsync("""
        using System.Diagnostics;

        public static class Program
        {
            public static void Run(string environment)
            {
                Process.Start(new ProcessStartInfo("terraform") { ArgumentList = { "destroy", "-auto-approve", "-var=env=" + environment } });
            }
        }
        """, "cli:terraform destroy", "terraform destroy -auto-approve -var=env=staging", "terraform destroy -auto-approve -var=env=production");

    [Fact]
    public Task Process_start_with_file_name_and_arguments_binds_to_both() => AssertBindsToTargetAsync("""
        using System.Diagnostics;

        public static class Program
        {
            public static void Run(string environment)
            {
                Process.Start("terraform", "destroy -auto-approve -var=env=" + environment);
            }
        }
        """, "cli:terraform destroy", "terraform destroy -auto-approve -var=env=staging", "terraform destroy -auto-approve -var=env=production");

    [Fact]
    public async Task An_approved_operation_runs_for_its_own_target_only()
    {
        // The operation here is a harmless method of the program itself, so the test can see whether it ran.
        const string source = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using AgentSafety.Guards;

            public static class Volumes
            {
                public static readonly List<string> Deleted = new();

                [DestructiveOperation("deletes a volume")]
                public static Task DeleteAsync(string volumeId)
                {
                    Deleted.Add(volumeId);
                    return Task.CompletedTask;
                }
            }

            public static class Program
            {
                public static async Task Run(string volumeId) => await Volumes.DeleteAsync(volumeId);

                public static List<string> Deleted() => Volumes.Deleted;
            }
            """;
        var fixedSource = await FixedProgram.FixAsync(source, new WrapInConfirmationGuardCodeFix(), new UnguardedDestructiveCallAnalyzer());
        _output.WriteLine(fixedSource);
        using var program = await FixedProgram.LoadAsync(fixedSource);
        var keys = ApproverKeyPair.Generate();
        var now = DateTimeOffset.UtcNow;
        var token = ApprovalToken.Issue(keys, "app:Delete", "vol-staging", Environment, TimeSpan.FromMinutes(5), now);
        var signed = new RecordingProvider(new SignedApprovalProvider(new[] { keys.PublicKey }, () => new[] { token }, () => now));
        Configure(signed, dryRun: false);

        await Assert.ThrowsAnyAsync<Exception>(() => program.CallAsync("Run", "vol-production"));
        await program.CallAsync("Run", "vol-staging");

        Assert.Equal(new[] { "vol-staging" }, (System.Collections.Generic.List<string>)(await program.CallAsync("Deleted"))!);
        Assert.Equal(new[] { false, true }, signed.Seen.Select(s => s.Result.IsApproved));
    }

    internal const string EfContext = """
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class Order
        {
            public int Id { get; set; }
        }

        public class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options) { }

            public DbSet<Order> Orders => Set<Order>();
        }


        """;

    /// <summary>
    /// Fixes <paramref name="source"/>, runs its <c>Program.Run</c> for "staging" then "production" and checks what the
    /// guard saw; returns the fixed source.
    /// </summary>
    private async Task<string> AssertBindsToTargetAsync(string source, string action, string resourceA, string resourceB)
    {
        var fixedSource = await FixedProgram.FixAsync(source, new WrapInConfirmationGuardCodeFix(), new UnguardedDestructiveCallAnalyzer(), new DestructiveCommandTextAnalyzer());
        _output.WriteLine(fixedSource);
        Assert.Contains("Destructive.Run", fixedSource);
        using var program = await FixedProgram.LoadAsync(fixedSource);

        var recording = new RecordingProvider();
        Configure(recording, dryRun: false);
        var refusedA = await Assert.ThrowsAnyAsync<Exception>(() => program.CallAsync("Run", "staging"));
        var refusedB = await Assert.ThrowsAnyAsync<Exception>(() => program.CallAsync("Run", "production"));
        Assert.Equal(2, recording.Seen.Count);
        var a = recording.Seen[0].Request;
        var b = recording.Seen[1].Request;
        _output.WriteLine($"A: {a.Action} {a.Resource}\nB: {b.Action} {b.Resource}\n{refusedB.Message}");
        Assert.Equal(action, a.Action);
        Assert.Equal(action, b.Action);
        Assert.NotEqual(a.Resource, b.Resource);
        Assert.Contains(resourceA, a.Resource, StringComparison.Ordinal);
        Assert.Contains(resourceB, b.Resource, StringComparison.Ordinal);

        // The refusal tells a person what to run to approve exactly this resource.
        Assert.Contains("agentsafety approve", refusedB.Message, StringComparison.Ordinal);
        Assert.Contains(b.Resource, refusedB.Message, StringComparison.Ordinal);

        // A signed approval for A: refused for B, approved for A (dry run, so the operation still does not run).
        var keys = ApproverKeyPair.Generate();
        var now = DateTimeOffset.UtcNow;
        var token = ApprovalToken.Issue(keys, a.Action, a.Resource, Environment, TimeSpan.FromMinutes(5), now);
        var signed = new RecordingProvider(new SignedApprovalProvider(new[] { keys.PublicKey }, () => new[] { token }, () => now));
        Configure(signed, dryRun: true);
        await Assert.ThrowsAnyAsync<Exception>(() => program.CallAsync("Run", "production"));
        await program.CallAsync("Run", "staging");
        Assert.Equal(new[] { false, true }, signed.Seen.Select(s => s.Result.IsApproved));
        Assert.Equal(new[] { b.Resource, a.Resource }, signed.Seen.Select(s => s.Request.Resource));
        return fixedSource;
    }

    internal static void Configure(IConfirmationProvider provider, bool dryRun) =>
        global::AgentSafety.Guards.Destructive.Configure(new DestructiveGuardOptions
        {
            Providers = new[] { provider },
            Environment = () => Environment,
            DryRun = dryRun,
        });
}
