using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Tests.Verifiers;

/// <summary>
/// What every test input compiles against: the .NET 10 reference assemblies and the real SDK assemblies this test
/// project references (never hand-written stubs), with their dependency closure, plus AgentSafety.Guards.
/// </summary>
public static class TestReferences
{
    public static readonly ReferenceAssemblies Net10 = new(
        "net10.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "10.0.10"),
        Path.Combine("ref", "net10.0"));

    /// <summary>One representative type per SDK; its assembly and everything it references come along.</summary>
    internal static readonly Type[] SdkRoots =
    {
        typeof(Amazon.S3.AmazonS3Client),
        typeof(Amazon.EC2.AmazonEC2Client),
        typeof(Amazon.DynamoDBv2.AmazonDynamoDBClient),
        typeof(Amazon.KeyManagementService.AmazonKeyManagementServiceClient),
        typeof(Azure.ResourceManager.ArmClient),
        typeof(Azure.ResourceManager.Compute.VirtualMachineResource),
        typeof(Azure.Storage.Blobs.BlobServiceClient),
        typeof(Azure.Data.Tables.TableServiceClient),
        typeof(Azure.Security.KeyVault.Secrets.SecretClient),
        typeof(Azure.Security.KeyVault.Certificates.CertificateClient),
        typeof(Azure.Messaging.ServiceBus.Administration.ServiceBusAdministrationClient),
        typeof(Microsoft.Azure.Cosmos.CosmosClient),
        typeof(k8s.Kubernetes),
        typeof(Docker.DotNet.DockerClient),
        typeof(StackExchange.Redis.ConnectionMultiplexer),
        typeof(MongoDB.Driver.MongoClient),
        typeof(Microsoft.EntityFrameworkCore.DbContext),
        typeof(Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions),
        typeof(Npgsql.NpgsqlConnection),
        typeof(Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions),
        typeof(Microsoft.Data.SqlClient.SqlConnection),
        typeof(Dapper.SqlMapper),
        typeof(Octokit.GitHubClient),
        typeof(Google.Cloud.Storage.V1.StorageClient),
        typeof(Amazon.SQS.AmazonSQSClient),
        typeof(Azure.Storage.Files.Shares.ShareServiceClient),
        typeof(Azure.Storage.Queues.QueueServiceClient),
        typeof(Azure.Search.Documents.Indexes.SearchIndexClient),
        typeof(RabbitMQ.Client.IChannel),
        typeof(Confluent.Kafka.IAdminClient),
        typeof(Elastic.Clients.Elasticsearch.ElasticsearchClient),
        typeof(NATS.Net.NatsClient),
        typeof(NATS.Client.JetStream.NatsJSContext),
        typeof(NATS.Client.KeyValueStore.NatsKVContext),
        typeof(NATS.Client.ObjectStore.NatsObjContext),
        typeof(Qdrant.Client.QdrantClient),
        typeof(InfluxDB.Client.InfluxDBClient),
        typeof(Minio.MinioClient),
        typeof(AgentSafety.Guards.ConfirmationGuardAttribute),
    };

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazySdkReferences = new(LoadSdkReferences);

    public static ImmutableArray<MetadataReference> SdkReferences => LazySdkReferences.Value;

    public static void Apply<TVerifier>(AnalyzerTest<TVerifier> test)
        where TVerifier : IVerifier, new()
    {
        test.ReferenceAssemblies = Net10;
        test.TestState.AdditionalReferences.AddRange(SdkReferences);
    }

    /// <summary>The .NET 10 reference pack and the SDK closure: what every test input compiles against.</summary>
    public static async Task<ImmutableArray<MetadataReference>> AllAsync() =>
        (await Net10.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(SdkReferences);

    /// <summary>A library compilation of the given files, for tests that drive <c>CompilationWithAnalyzers</c> directly.</summary>
    public static async Task<CSharpCompilation> CompileAsync(string name, params (string Path, string Source)[] sources) =>
        CSharpCompilation.Create(
            name,
            sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Source, Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Preview), s.Path)),
            await AllAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static ImmutableArray<MetadataReference> LoadSdkReferences()
    {
        // Assemblies of the shared framework come from the reference pack; loading their implementation copies too would
        // put two definitions of the same types in front of the compiler.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var frameworkNames = new HashSet<string>(
            Directory.EnumerateFiles(frameworkDirectory, "*.dll").Select(Path.GetFileNameWithoutExtension)!,
            StringComparer.OrdinalIgnoreCase);

        var baseDirectory = AppContext.BaseDirectory;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new List<string>();
        var pending = new Stack<AssemblyName>(SdkRoots.Select(t => t.Assembly.GetName()));
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (name.Name is null || frameworkNames.Contains(name.Name) || !seen.Add(name.Name))
            {
                continue;
            }

            var path = Path.Combine(baseDirectory, name.Name + ".dll");
            if (!File.Exists(path))
            {
                continue;
            }

            paths.Add(path);
            foreach (var dependency in ReadReferences(path))
            {
                pending.Push(dependency);
            }
        }

        return paths.OrderBy(p => p, StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private static AssemblyName[] ReadReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var peReader = new System.Reflection.PortableExecutable.PEReader(stream);
        var reader = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(peReader);
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h).GetAssemblyName())
            .ToArray();
    }
}
