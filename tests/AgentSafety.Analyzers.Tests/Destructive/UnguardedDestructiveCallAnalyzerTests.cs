using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

public class UnguardedDestructiveCallAnalyzerTests
{
    [Fact]
    public Task Reports_s3_bucket_delete_on_the_interface_and_on_the_concrete_client() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;
        class C
        {
            async Task M(IAmazonS3 s3, AmazonS3Client client, string name)
            {
                await {|#0:s3.DeleteBucketAsync(name)|};
                await {|#1:client.DeleteBucketAsync(new Amazon.S3.Model.DeleteBucketRequest { BucketName = name })|};
                await s3.DeleteObjectAsync(name, "one-object");
                await s3.ListBucketsAsync();
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("AmazonS3Client.DeleteBucketAsync", "deletes an S3 bucket"));

    [Fact]
    public Task Reports_ec2_volume_delete_and_dynamodb_table_delete() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.EC2;
        using Amazon.EC2.Model;
        using Amazon.DynamoDBv2;
        class C
        {
            async Task M(IAmazonEC2 ec2, IAmazonDynamoDB ddb)
            {
                await {|#0:ec2.DeleteVolumeAsync(new DeleteVolumeRequest { VolumeId = "vol-1" })|};
                await {|#1:ddb.DeleteTableAsync("orders")|};
                await ec2.DescribeVolumesAsync(new DescribeVolumesRequest());
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IAmazonEC2.DeleteVolumeAsync", "deletes an EBS volume"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IAmazonDynamoDB.DeleteTableAsync", "deletes a DynamoDB table"));

    [Fact]
    public Task Reports_redis_flush_kubernetes_namespace_delete_and_ef_ensure_deleted() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using StackExchange.Redis;
        using k8s;
        using Microsoft.EntityFrameworkCore;
        class C
        {
            async Task M(IServer redis, IDatabase db, IKubernetes kube, DbContext context)
            {
                {|#0:redis.FlushAllDatabases()|};
                db.KeyDelete("one-key");
                await {|#1:kube.CoreV1.DeleteNamespaceAsync("team-a")|};
                await kube.CoreV1.ListNamespaceAsync();
                await {|#2:context.Database.EnsureDeletedAsync()|};
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IServer.FlushAllDatabases", "flushes every Redis database"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("CoreV1OperationsExtensions.DeleteNamespaceAsync", "deletes a Kubernetes namespace and everything in it"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("DatabaseFacade.EnsureDeletedAsync", "drops the database"));

    [Fact]
    public Task Reports_mongo_drop_docker_volume_remove_blob_container_delete_and_arm_delete_by_shape() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using MongoDB.Driver;
        using Docker.DotNet;
        using Azure;
        using Azure.Storage.Blobs;
        using Azure.ResourceManager.Compute;
        class C
        {
            async Task M(IMongoClient mongo, IDockerClient docker, BlobContainerClient container, VirtualMachineResource vm)
            {
                await {|#0:mongo.DropDatabaseAsync("shop")|};
                await {|#1:docker.Volumes.RemoveAsync("pgdata")|};
                await {|#2:container.DeleteIfExistsAsync()|};
                await {|#3:vm.DeleteAsync(WaitUntil.Completed)|};
                await vm.GetAsync();
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IMongoClient.DropDatabaseAsync", "drops a MongoDB database"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IVolumeOperations.RemoveAsync", "removes a Docker volume"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("BlobContainerClient.DeleteIfExistsAsync", "deletes a blob container"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("VirtualMachineResource.DeleteAsync", "deletes an Azure resource"));

    [Fact]
    public Task Calls_inside_a_lambda_passed_to_a_confirmation_guard_are_quiet() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using AgentSafety.Guards;
        class C
        {
            async Task M(IAmazonS3 s3, string name)
            {
                await Destructive.RunAsync("aws:s3:DeleteBucket", name, ct => s3.DeleteBucketAsync(name, ct));
                await Destructive.RunAsync("aws:s3:DeleteBucket", name, async () => { await s3.DeleteBucketAsync(name); });
                await Destructive.RunAsync("aws:s3:DeleteBucket", name, Local);
                Task Local() => s3.DeleteBucketAsync(name);
            }
        }
        """);

    [Fact]
    public Task A_teams_own_guard_attribute_in_another_namespace_counts() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        using Amazon.S3;
        namespace Team.Approvals
        {
            [AttributeUsage(AttributeTargets.Method)] sealed class ConfirmationGuardAttribute : Attribute { }
            static class Approval
            {
                [ConfirmationGuard] public static Task WithTicketAsync(string ticket, Func<Task> run) => run();
            }
            class C
            {
                Task M(IAmazonS3 s3) => Approval.WithTicketAsync("OPS-1", () => s3.DeleteBucketAsync("b"));
            }
        }
        """);

    [Fact]
    public Task Callers_of_a_destructive_operation_need_a_guard_and_its_own_body_does_not() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.S3;
        using AgentSafety.Guards;
        class C
        {
            [DestructiveOperation("deletes every bucket of a tenant")]
            static async Task DropTenantAsync(IAmazonS3 s3, string tenant) => await s3.DeleteBucketAsync(tenant);

            async Task M(IAmazonS3 s3) => await {|#0:DropTenantAsync(s3, "acme")|};
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("C.DropTenantAsync", "deletes every bucket of a tenant"));

    [Fact]
    public Task Reports_a_destructive_method_handed_over_as_a_method_group_unless_a_guard_receives_it() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.S3;
        using Amazon.S3.Model;
        class C
        {
            Task M(IAmazonS3 s3, string[] buckets)
            {
                Func<string, CancellationToken, Task<DeleteBucketResponse>> delete = {|#0:s3.DeleteBucketAsync|};
                return Task.WhenAll(buckets.Select(b => delete(b, default)));
            }

            Task<DeleteBucketResponse> N(IAmazonS3 s3, DeleteBucketRequest request) =>
                AgentSafety.Guards.Destructive.RunAsync<DeleteBucketResponse>("aws:DeleteBucket", request.BucketName, ct => s3.DeleteBucketAsync(request, ct));

            Task O(IAmazonS3 s3)
            {
                Func<CancellationToken, Task<ListBucketsResponse>> list = s3.ListBucketsAsync;
                return list(default);
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket"));

    [Fact]
    public Task Generated_code_is_not_analyzed() => Verify.VerifyAnalyzerAsync("""
        // <auto-generated/>
        using System.Threading.Tasks;
        using Amazon.S3;
        class C
        {
            Task M(IAmazonS3 s3) => s3.DeleteBucketAsync("b");
        }
        """);
}
