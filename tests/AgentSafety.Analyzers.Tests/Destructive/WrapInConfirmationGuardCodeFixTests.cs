using System.Threading.Tasks;
using Xunit;
using CallFix = AgentSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer, AgentSafety.Analyzers.CodeFixes.Destructive.WrapInConfirmationGuardCodeFix>;
using TextFix = AgentSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<AgentSafety.Analyzers.Destructive.DestructiveCommandTextAnalyzer, AgentSafety.Analyzers.CodeFixes.Destructive.WrapInConfirmationGuardCodeFix>;

namespace AgentSafety.Analyzers.Tests.Destructive;

public class WrapInConfirmationGuardCodeFixTests
{
    [Fact]
    public Task Wraps_an_awaited_call_and_passes_the_guards_token_through() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;

        class C
        {
            async Task M(IAmazonS3 s3, string name)
            {
                await {|ASA201:s3.DeleteBucketAsync(name)|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Amazon.S3;

        class C
        {
            async Task M(IAmazonS3 s3, string name)
            {
                await Destructive.RunAsync("aws:s3:DeleteBucket", name, ct => s3.DeleteBucketAsync(name, cancellationToken: ct));
            }
        }
        """);

    [Fact]
    public Task Wraps_a_sync_call_that_returns_a_value_in_run() => CallFix.VerifyCodeFixAsync("""
        using MongoDB.Driver;

        class C
        {
            void M(IMongoDatabase db)
            {
                {|ASA201:db.DropCollection("orders")|};
                var n = 1;
            }
        }
        """, """
        using AgentSafety.Guards;
        using MongoDB.Driver;

        class C
        {
            void M(IMongoDatabase db)
            {
                Destructive.Run("mongodb:DropCollection", $"{db.DatabaseNamespace.DatabaseName}/orders", () => db.DropCollection("orders"));
                var n = 1;
            }
        }
        """);

    [Fact]
    public Task Wraps_an_expression_bodied_member_returning_the_task() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using StackExchange.Redis;

        class C
        {
            Task M(IServer server) => {|ASA201:server.FlushAllDatabasesAsync()|};
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using StackExchange.Redis;

        class C
        {
            Task M(IServer server) => Destructive.RunAsync("redis:FlushAllDatabases", $"{server.EndPoint}", () => server.FlushAllDatabasesAsync());
        }
        """);

    [Fact]
    public Task Wraps_the_incident_mutation_post() => TextFix.VerifyCodeFixAsync("""
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;

        class C
        {
            const string Endpoint = "https://backboard.railway.app/graphql/v2";
            const string VolumeDelete = "mutation { volumeDelete(volumeId: \"v\") }";

            async Task<int> M(HttpClient http)
            {
                var response = await [|http.PostAsJsonAsync(Endpoint, new { query = VolumeDelete })|];
                return (int)response.StatusCode;
            }
        }
        """, """
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Text.Json;
        using System.Threading.Tasks;
        using AgentSafety.Guards;

        class C
        {
            const string Endpoint = "https://backboard.railway.app/graphql/v2";
            const string VolumeDelete = "mutation { volumeDelete(volumeId: \"v\") }";

            async Task<int> M(HttpClient http)
            {
                var body = new { query = VolumeDelete };
                var response = await Destructive.RunAsync("railway:volumeDelete", JsonSerializer.Serialize(body), ct => http.PostAsJsonAsync(Endpoint, body, cancellationToken: ct));
                return (int)response.StatusCode;
            }
        }
        """);

    [Fact]
    public Task Fix_all_wraps_every_call_in_the_document() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;

        class C
        {
            async Task M(IAmazonDynamoDB ddb)
            {
                await {|ASA201:ddb.DeleteTableAsync("a")|};
                await {|ASA201:ddb.DeleteTableAsync("b")|};
                await {|ASA201:ddb.DeleteTableAsync("c")|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Amazon.DynamoDBv2;

        class C
        {
            async Task M(IAmazonDynamoDB ddb)
            {
                await Destructive.RunAsync("aws:dynamodb:DeleteTable", "a", ct => ddb.DeleteTableAsync("a", cancellationToken: ct));
                await Destructive.RunAsync("aws:dynamodb:DeleteTable", "b", ct => ddb.DeleteTableAsync("b", cancellationToken: ct));
                await Destructive.RunAsync("aws:dynamodb:DeleteTable", "c", ct => ddb.DeleteTableAsync("c", cancellationToken: ct));
            }
        }
        """);

    [Fact]
    public async Task Offers_no_fix_for_a_command_construction()
    {
        const string source = """
            using Npgsql;

            class C
            {
                NpgsqlCommand M(NpgsqlConnection c) => [|new NpgsqlCommand("DROP TABLE orders", c)|];
            }
            """;
        var test = new TextFix.Test { TestCode = source, FixedCode = source };
        await test.RunAsync();
    }

    [Fact]
    public Task Wraps_an_unfiltered_execute_delete_and_passes_the_token_through() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class Order { public int Id { get; set; } }
        public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }

        class C
        {
            async Task<int> M(ShopContext db)
            {
                return await {|ASA201:db.Orders.ExecuteDeleteAsync()|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Microsoft.EntityFrameworkCore;

        public class Order { public int Id { get; set; } }
        public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }

        class C
        {
            async Task<int> M(ShopContext db)
            {
                return await Destructive.RunAsync("efcore:ExecuteDelete", $"Orders @ {RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database).DataSource}/{RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database).Database}", ct => db.Orders.ExecuteDeleteAsync(cancellationToken: ct));
            }
        }
        """);

    [Fact]
    public Task Binds_the_approval_to_the_resource_named_in_a_request_object() => CallFix.VerifyCodeFixAsync("""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        class C
        {
            async Task M(IAmazonEC2 ec2, string volumeId)
            {
                await {|ASA201:ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId })|};
            }
        }
        """, """
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using Amazon.EC2;
        using Amazon.EC2.Model;

        class C
        {
            async Task M(IAmazonEC2 ec2, string volumeId)
            {
                await Destructive.RunAsync("aws:ec2:DeleteVolume", volumeId, ct => ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = volumeId }, cancellationToken: ct));
            }
        }
        """);
}
