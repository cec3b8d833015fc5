using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// The families the catalogue gained from the SDKs' own metadata, each on the real SDK: through the interface where the
/// SDK has one and through the concrete client, with the nearest call that destroys nothing staying quiet.
/// </summary>
public class SdkCatalogueFamiliesTests
{
    [Fact]
    public Task Sqs_queue_delete_and_purge_and_s3_bulk_object_delete_are_reported_but_single_messages_and_objects_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        using Amazon.SQS;
        class C
        {
            async Task M(IAmazonSQS sqs, AmazonSQSClient client, IAmazonS3 s3, AmazonS3Client s3Client, string url)
            {
                await {|#0:sqs.DeleteQueueAsync(url)|};
                await {|#1:client.PurgeQueueAsync(url)|};
                await {|#2:s3.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "b" })|};
                await {|#3:s3Client.DeleteObjectsAsync(new DeleteObjectsRequest { BucketName = "b" })|};
                await sqs.DeleteMessageAsync(url, "receipt");
                await client.DeleteMessageAsync(url, "receipt");
                await s3.DeleteObjectAsync("b", "key");
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IAmazonSQS.DeleteQueueAsync", "deletes an SQS queue and every message in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("AmazonSQSClient.PurgeQueueAsync", "deletes every message of an SQS queue"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("IAmazonS3.DeleteObjectsAsync", "deletes up to 1,000 S3 objects in one call"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("AmazonS3Client.DeleteObjectsAsync", "deletes up to 1,000 S3 objects in one call"));

    [Fact]
    public Task Azure_file_shares_storage_queues_and_search_indexes_are_reported_but_files_messages_and_documents_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Azure.Search.Documents;
        using Azure.Search.Documents.Indexes;
        using Azure.Storage.Files.Shares;
        using Azure.Storage.Queues;
        class C
        {
            async Task M(ShareServiceClient shares, ShareClient share, ShareFileClient file, QueueServiceClient queues, QueueClient queue,
                SearchIndexClient indexes, SearchClient search)
            {
                await {|#0:shares.DeleteShareAsync("reports")|};
                {|#1:share.DeleteIfExists()|};
                await {|#2:queues.DeleteQueueAsync("orders")|};
                await {|#3:queue.ClearMessagesAsync()|};
                await {|#4:indexes.DeleteIndexAsync("products")|};
                await file.DeleteAsync();
                await share.DeleteDirectoryAsync("empty");
                await queue.DeleteMessageAsync("id", "receipt");
                await search.DeleteDocumentsAsync("id", new[] { "1" });
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("ShareServiceClient.DeleteShareAsync", "deletes an Azure file share and every file in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("ShareClient.DeleteIfExists", "deletes an Azure file share and every file in it"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("QueueServiceClient.DeleteQueueAsync", "deletes a storage queue and every message in it"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("QueueClient.ClearMessagesAsync", "deletes every message of a storage queue"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("SearchIndexClient.DeleteIndexAsync", "deletes an Azure AI Search index and every document in it"));

    [Fact]
    public Task Rabbitmq_queues_and_exchanges_and_kafka_topics_and_records_are_reported_but_unbinds_and_consumer_groups_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Confluent.Kafka;
        using RabbitMQ.Client;
        class C
        {
            async Task M(IChannel channel, IAdminClient admin)
            {
                await {|#0:channel.QueueDeleteAsync("orders")|};
                await {|#1:channel.QueuePurgeAsync("orders")|};
                await {|#2:channel.ExchangeDeleteAsync("events")|};
                await {|#3:admin.DeleteTopicsAsync(new[] { "orders" })|};
                await {|#4:admin.DeleteRecordsAsync(new[] { new TopicPartitionOffset("orders", 0, 42) })|};
                await channel.QueueUnbindAsync("orders", "events", "key");
                await admin.DeleteGroupsAsync(new[] { "billing" });
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IChannelExtensions.QueueDeleteAsync", "deletes a RabbitMQ queue and every message in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IChannel.QueuePurgeAsync", "deletes every message of a RabbitMQ queue"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("IChannel.ExchangeDeleteAsync", "deletes a RabbitMQ exchange and its bindings"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("IAdminClient.DeleteTopicsAsync", "deletes Kafka topics and every record in them"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("IAdminClient.DeleteRecordsAsync", "deletes every record of a partition before an offset"));

    [Fact]
    public Task Nats_streams_and_stores_are_reported_through_interfaces_and_contexts_but_single_messages_and_keys_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using NATS.Client.JetStream;
        using NATS.Client.JetStream.Models;
        using NATS.Client.KeyValueStore;
        using NATS.Client.ObjectStore;
        class C
        {
            async Task M(INatsJSContext js, NatsJSContext context, INatsKVContext kv, INatsObjContext objects, INatsKVStore store)
            {
                await {|#0:js.DeleteStreamAsync("orders")|};
                await {|#1:context.PurgeStreamAsync("orders", new StreamPurgeRequest())|};
                await {|#2:kv.DeleteStoreAsync("sessions")|};
                await {|#3:objects.DeleteObjectStore("files", default)|};
                await js.DeleteMessageAsync("orders", new StreamMsgDeleteRequest { Seq = 1 });
                await store.DeleteAsync("one-key");
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("INatsJSContext.DeleteStreamAsync", "deletes a JetStream stream and every message in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("NatsJSContext.PurgeStreamAsync", "deletes the messages of a JetStream stream"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("INatsKVContext.DeleteStoreAsync", "deletes a NATS key/value bucket and every key in it"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("INatsObjContext.DeleteObjectStore", "deletes a NATS object store and every object in it"));

    [Fact]
    public Task Qdrant_collections_and_filter_deletes_are_reported_but_deletes_by_point_id_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Qdrant.Client;
        using Qdrant.Client.Grpc;
        class C
        {
            async Task M(IQdrantClient qdrant, QdrantClient client, Filter filter)
            {
                await {|#0:qdrant.DeleteCollectionAsync("docs")|};
                await {|#1:client.DeleteCollectionAsync("docs")|};
                await {|#2:client.DeleteAsync("docs", filter)|};
                await client.DeleteAsync("docs", 42UL);
                await qdrant.DeleteAliasAsync("current");
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IQdrantClient.DeleteCollectionAsync", "deletes a Qdrant collection and every point in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("QdrantClient.DeleteCollectionAsync", "deletes a Qdrant collection and every point in it"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("QdrantClient.DeleteAsync", "deletes every point a filter matches"));

    [Fact]
    public Task Influxdb_buckets_and_predicate_deletes_and_minio_buckets_are_reported_but_labels_and_single_objects_are_not() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using InfluxDB.Client;
        using Minio;
        using Minio.DataModel.Args;
        class C
        {
            async Task M(IBucketsApi buckets, BucketsApi concrete, IDeleteApi delete, IMinioClient minio, MinioClient minioClient)
            {
                await {|#0:buckets.DeleteBucketAsync("bucket-id")|};
                await {|#1:concrete.DeleteBucketAsync("bucket-id")|};
                await {|#2:delete.Delete(DateTime.MinValue, DateTime.MaxValue, "", "metrics", "org")|};
                await {|#3:minio.RemoveBucketAsync(new RemoveBucketArgs().WithBucket("b"))|};
                await {|#4:minioClient.RemoveObjectsAsync(new RemoveObjectsArgs().WithBucket("b"))|};
                await buckets.DeleteLabelAsync("label-id", "bucket-id");
                await minio.RemoveObjectAsync(new RemoveObjectArgs().WithBucket("b").WithObject("o"));
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IBucketsApi.DeleteBucketAsync", "deletes an InfluxDB bucket and every point in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("BucketsApi.DeleteBucketAsync", "deletes an InfluxDB bucket and every point in it"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("IDeleteApi.Delete", "deletes every point of a bucket in a time range that a predicate matches"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("IBucketOperations.RemoveBucketAsync", "deletes a MinIO bucket"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("MinioClient.RemoveObjectsAsync", "deletes a list of MinIO objects in one call"));

    [Fact]
    public Task Elasticsearch_indices_data_streams_query_deletes_and_snapshots_are_reported_but_document_deletes_and_flushes_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Elastic.Clients.Elasticsearch;
        using Elastic.Clients.Elasticsearch.IndexManagement;
        class C
        {
            async Task M(ElasticsearchClient client)
            {
                await {|#0:client.Indices.DeleteAsync("logs-2026")|};
                await {|#1:client.Indices.DeleteDataStreamAsync("logs")|};
                await {|#2:client.DeleteByQueryAsync(new DeleteByQueryRequest("logs"))|};
                await {|#3:client.Snapshot.DeleteAsync("repo", "nightly")|};
                await client.DeleteAsync("logs", "doc-1");
                await client.Indices.FlushAsync();
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IndicesNamespacedClient.DeleteAsync", "deletes Elasticsearch indices and every document in them"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IndicesNamespacedClient.DeleteDataStreamAsync", "deletes Elasticsearch data streams and their backing indices"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("ElasticsearchClient.DeleteByQueryAsync", "deletes every document a query matches"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("SnapshotNamespacedClient.DeleteAsync", "deletes Elasticsearch snapshots (backups)"));

    [Fact]
    public Task Ef_core_database_creator_deletes_are_reported_through_the_interfaces_and_the_class_but_existence_checks_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Infrastructure;
        using Microsoft.EntityFrameworkCore.Storage;
        class C
        {
            async Task M(DbContext db, RelationalDatabaseCreator concrete)
            {
                var creator = db.GetService<IDatabaseCreator>();
                var relational = db.GetService<IRelationalDatabaseCreator>();
                {|#0:creator.EnsureDeleted()|};
                await {|#1:relational.DeleteAsync()|};
                {|#2:concrete.Delete()|};
                creator.EnsureCreated();
                await relational.ExistsAsync();
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IDatabaseCreator.EnsureDeleted", "drops the database"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IRelationalDatabaseCreator.DeleteAsync", "drops the database"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("RelationalDatabaseCreator.Delete", "drops the database"));

    [Fact]
    public Task Gridfs_bucket_drop_is_reported_but_deleting_one_file_is_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using MongoDB.Bson;
        using MongoDB.Driver.GridFS;
        class C
        {
            async Task M(IGridFSBucket bucket, GridFSBucket concrete, ObjectId id)
            {
                await {|#0:bucket.DropAsync()|};
                {|#1:concrete.Drop()|};
                await bucket.DeleteAsync(id);
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IGridFSBucket.DropAsync", "drops a GridFS bucket: every file and chunk"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("GridFSBucket.Drop", "drops a GridFS bucket: every file and chunk"));

    [Fact]
    public Task Kubernetes_client_sets_stateful_kinds_and_collections_are_reported_but_a_pod_delete_is_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using k8s;
        using k8s.ClientSets;
        class C
        {
            async Task M(ClientSet clients, IKubernetes kube)
            {
                await {|#0:clients.CoreV1.Namespace.DeleteAsync("prod")|};
                await {|#1:clients.CoreV1.PersistentVolumeClaim.DeleteCollectionAsync("prod")|};
                await {|#2:clients.AppsV1.DaemonSet.DeleteAsync("agent", "prod")|};
                await {|#3:kube.CoreV1.DeleteCollectionNamespacedSecretAsync("prod")|};
                await {|#4:kube.ApiextensionsV1.DeleteCustomResourceDefinitionAsync("clusters.postgresql.cnpg.io")|};
                await {|#5:kube.CustomObjects.DeleteNamespacedCustomObjectAsync("postgresql.cnpg.io", "v1", "prod", "clusters", "main")|};
                await clients.CoreV1.Pod.DeleteAsync("api-7d9f", "prod");
                await kube.CoreV1.DeleteNamespacedPodAsync("api-7d9f", "prod");
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("NamespaceClient.DeleteAsync", "deletes a Kubernetes namespace and everything in it"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("PersistentVolumeClaimClient.DeleteCollectionAsync", "deletes every persistent volume claim that matches the selector (all of them without one)"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("DaemonSetClient.DeleteAsync", "deletes a Kubernetes daemon set"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("CoreV1OperationsExtensions.DeleteCollectionNamespacedSecretAsync", "deletes every secret of a namespace that matches the selector (all of them without one)"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("ApiextensionsV1OperationsExtensions.DeleteCustomResourceDefinitionAsync", "deletes a custom resource definition and every object of that kind"),
        Verify.Diagnostic("ASA201").WithLocation(5).WithArguments("CustomObjectsOperationsExtensions.DeleteNamespacedCustomObjectAsync", "deletes a custom object (operator-managed resources such as databases)"));

    [Fact]
    public Task Resource_manager_scale_set_instance_deletes_are_reported_and_tags_extensions_and_run_commands_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;
        using Azure.ResourceManager.Compute.Models;
        using Azure.ResourceManager.Resources;
        class C
        {
            async Task M(VirtualMachineScaleSetResource scaleSet, VirtualMachineResource vm, TagResource tags,
                VirtualMachineExtensionResource extension, VirtualMachineRunCommandResource runCommand)
            {
                await {|#0:scaleSet.DeleteInstancesAsync(WaitUntil.Completed, new VirtualMachineScaleSetVmInstanceRequiredIds(new[] { "0" }))|};
                await {|#1:vm.DeleteAsync(WaitUntil.Completed)|};
                await tags.DeleteAsync(WaitUntil.Completed);
                await extension.DeleteAsync(WaitUntil.Completed);
                runCommand.Delete(WaitUntil.Completed);
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("VirtualMachineScaleSetResource.DeleteInstancesAsync", "deletes virtual machines of a scale set and their disks"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("VirtualMachineResource.DeleteAsync", "deletes an Azure resource"));

    [Fact]
    public Task A_user_catalogue_line_reports_a_resource_kind_the_built_in_catalogue_exempts() => Verify.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        using Azure;
        using Azure.ResourceManager.Compute;
        class C
        {
            Task M(VirtualMachineExtensionResource extension) => {|#0:extension.DeleteAsync(WaitUntil.Completed)|};
        }
        """,
        additionalFiles: new[] { ("AgentSafety.DestructiveApis.txt", "M:Azure.ResourceManager.Compute.VirtualMachineExtensionResource.DeleteAsync(*);removes our disk-encryption agent\n") },
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("VirtualMachineExtensionResource.DeleteAsync", "removes our disk-encryption agent"));

    [Fact]
    public Task Github_packages_enterprise_users_swarm_services_ec2_fleets_and_kms_key_material_are_reported_but_their_neighbours_are_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;
        using Amazon.KeyManagementService;
        using Amazon.KeyManagementService.Model;
        using Docker.DotNet;
        using Octokit;
        class C
        {
            async Task M(IGitHubClient github, IDockerClient docker, IAmazonEC2 ec2, IAmazonKeyManagementService kms)
            {
                await {|#0:github.Packages.DeleteForOrg("acme", PackageType.Container, "api")|};
                await {|#1:github.User.Administration.Delete("mallory")|};
                await {|#2:docker.Swarm.RemoveServiceAsync("db")|};
                await {|#3:ec2.DeleteFleetsAsync(new DeleteFleetsRequest { TerminateInstances = true })|};
                await {|#4:kms.DeleteImportedKeyMaterialAsync(new DeleteImportedKeyMaterialRequest { KeyId = "k" })|};
                await github.Packages.PackageVersions.DeleteForOrg("acme", PackageType.Container, "api", 7);
                await docker.Swarm.RemoveNodeAsync("node-1", false);
                await ec2.DeleteTagsAsync(new DeleteTagsRequest());
                await kms.DeleteAliasAsync(new DeleteAliasRequest { AliasName = "alias/app" });
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IPackagesClient.DeleteForOrg", "deletes a GitHub package and all of its versions"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IUserAdministrationClient.Delete", "deletes a GitHub Enterprise user and the repositories they own"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("ISwarmOperations.RemoveServiceAsync", "removes a Docker Swarm service and its containers"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("IAmazonEC2.DeleteFleetsAsync", "deletes EC2 Fleets and, when asked, terminates their instances"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("IAmazonKeyManagementService.DeleteImportedKeyMaterialAsync", "deletes a KMS key's imported material: what it encrypted cannot be decrypted"));
}
