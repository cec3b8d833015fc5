using System.Collections.Immutable;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Foundation;

/// <summary>
/// The harness itself: test inputs must compile against the real SDKs, or every rule test built on it proves nothing.
/// </summary>
public class HarnessTests
{
    [Fact]
    public async Task Inputs_compile_against_every_real_sdk_the_rules_catalogue()
    {
        const string source = """
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.S3;
            using Amazon.EC2;
            using Amazon.EC2.Model;
            using Amazon.DynamoDBv2;
            using Azure;
            using Azure.ResourceManager.Resources;
            using Azure.ResourceManager.Compute;
            using Azure.Storage.Blobs;
            using Microsoft.Azure.Cosmos;
            using k8s;
            using Docker.DotNet;
            using StackExchange.Redis;
            using MongoDB.Driver;
            using Microsoft.EntityFrameworkCore;
            using Npgsql;
            using Microsoft.Data.SqlClient;
            using Dapper;
            using Octokit;
            using Google.Cloud.Storage.V1;
            using AgentSafety.Guards;

            class Probe
            {
                async Task Run(IAmazonS3 s3, IAmazonEC2 ec2, IAmazonDynamoDB ddb, ResourceGroupResource rg, VirtualMachineResource vm,
                    BlobContainerClient blobs, CosmosClient cosmos, IKubernetes k8s, IDockerClient docker, IServer redis,
                    IMongoClient mongo, DbContext db, NpgsqlConnection pg, SqlConnection sql, IGitHubClient gh, StorageClient gcs)
                {
                    await s3.ListBucketsAsync();
                    await ec2.DescribeVolumesAsync(new DescribeVolumesRequest());
                    await ddb.ListTablesAsync();
                    await rg.GetAsync();
                    await vm.GetAsync();
                    await blobs.ExistsAsync();
                    await cosmos.ReadAccountAsync();
                    await k8s.CoreV1.ListNamespaceAsync();
                    await docker.Volumes.ListAsync();
                    redis.Ping();
                    await mongo.ListDatabaseNamesAsync();
                    await db.Database.CanConnectAsync();
                    await pg.ExecuteAsync("select 1");
                    await sql.QueryAsync<int>("select 1");
                    await gh.Repository.Get("o", "r");
                    await gcs.GetBucketAsync("b");
                }

                [ConfirmationGuard]
                static void Guard() { }
            }
            """;

        await CSharpAnalyzerVerifier<NoOpAnalyzer>.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task A_compile_error_in_an_input_fails_the_test()
    {
        // DefaultVerifier fails a test by throwing InvalidOperationException with the unexpected diagnostics in the message.
        var failure = await Assert.ThrowsAsync<System.InvalidOperationException>(() =>
            CSharpAnalyzerVerifier<NoOpAnalyzer>.VerifyAnalyzerAsync("class C { void M() { Amazon.S3.NoSuchType x; } }"));
        Assert.Contains("CS0234", failure.Message, System.StringComparison.Ordinal);
    }

    // A test double, never shipped: the extended analyzer rules guard what runs inside a compiler host.
#pragma warning disable RS1036
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
        }
    }
#pragma warning restore RS1036
}
