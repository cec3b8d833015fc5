using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// Catalogue lines for SDKs that the package registry this project restores from does not serve (AWSSDK.RDS,
/// Pulumi.Automation). These are the only tests that declare stubs: each stub has the real SDK's namespace, type names
/// and member signatures (from aws/aws-sdk-net's generated IAmazonRDS.cs and pulumi/pulumi-dotnet's WorkspaceStack.cs);
/// bodies and base classes the matching does not look at are left out.
/// </summary>
public class UnservedSdkTests
{
    // Stub of AWSSDK.RDS (not served here): the signatures of Amazon.RDS.IAmazonRDS and AmazonRDSClient.
    private const string AmazonRdsStub = """
        namespace Amazon.RDS.Model
        {
            public class DeleteDBInstanceRequest { public string DBInstanceIdentifier { get; set; } public bool SkipFinalSnapshot { get; set; } }
            public class DeleteDBInstanceResponse { }
            public class DeleteDBClusterRequest { public string DBClusterIdentifier { get; set; } }
            public class DeleteDBClusterResponse { }
            public class DescribeDBInstancesRequest { }
            public class DescribeDBInstancesResponse { }
        }
        namespace Amazon.RDS
        {
            using System.Threading;
            using System.Threading.Tasks;
            using Amazon.RDS.Model;
            public partial interface IAmazonRDS : System.IDisposable
            {
                Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default(CancellationToken));
                Task<DeleteDBClusterResponse> DeleteDBClusterAsync(DeleteDBClusterRequest request, CancellationToken cancellationToken = default(CancellationToken));
                Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default(CancellationToken));
            }
            public partial class AmazonRDSClient : IAmazonRDS
            {
                public virtual Task<DeleteDBInstanceResponse> DeleteDBInstanceAsync(DeleteDBInstanceRequest request, CancellationToken cancellationToken = default(CancellationToken)) => null;
                public virtual Task<DeleteDBClusterResponse> DeleteDBClusterAsync(DeleteDBClusterRequest request, CancellationToken cancellationToken = default(CancellationToken)) => null;
                public virtual Task<DescribeDBInstancesResponse> DescribeDBInstancesAsync(DescribeDBInstancesRequest request, CancellationToken cancellationToken = default(CancellationToken)) => null;
                public void Dispose() { }
            }
        }
        """;

    // Stub of Pulumi.Automation (not served here): the signatures of Pulumi.Automation.WorkspaceStack.
    private const string PulumiAutomationStub = """
        namespace Pulumi.Automation
        {
            using System.Threading;
            using System.Threading.Tasks;
            public sealed class DestroyOptions { }
            public sealed class UpOptions { }
            public sealed class PreviewOptions { }
            public class UpdateResult { }
            public sealed class UpResult : UpdateResult { }
            public sealed class PreviewResult { }
            public sealed class WorkspaceStack : System.IDisposable
            {
                public string Name { get; }
                public Task<UpResult> UpAsync(UpOptions? options = null, CancellationToken cancellationToken = default) => null!;
                public Task<PreviewResult> PreviewAsync(PreviewOptions? options = null, CancellationToken cancellationToken = default) => null!;
                public Task<UpdateResult> DestroyAsync(DestroyOptions? options = null, CancellationToken cancellationToken = default) => null!;
                public void Dispose() { }
            }
        }
        """;

    [Fact]
    public Task Rds_instance_and_cluster_deletes_are_reported_and_describe_is_quiet() => Verify.VerifyAnalyzerAsync(AmazonRdsStub + """

        class C
        {
            async System.Threading.Tasks.Task M(Amazon.RDS.IAmazonRDS rds, Amazon.RDS.AmazonRDSClient client)
            {
                await {|#0:rds.DeleteDBInstanceAsync(new Amazon.RDS.Model.DeleteDBInstanceRequest { DBInstanceIdentifier = "orders", SkipFinalSnapshot = true })|};
                await {|#1:client.DeleteDBClusterAsync(new Amazon.RDS.Model.DeleteDBClusterRequest { DBClusterIdentifier = "orders" })|};
                await rds.DescribeDBInstancesAsync(new Amazon.RDS.Model.DescribeDBInstancesRequest());
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IAmazonRDS.DeleteDBInstanceAsync", "deletes an RDS database instance"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("AmazonRDSClient.DeleteDBClusterAsync", "deletes an RDS database cluster"));

    [Fact]
    public Task Pulumi_destroy_is_reported_and_up_and_preview_are_quiet() => Verify.VerifyAnalyzerAsync("#nullable enable\n" + PulumiAutomationStub + """

        class C
        {
            async System.Threading.Tasks.Task M(Pulumi.Automation.WorkspaceStack stack)
            {
                await stack.PreviewAsync();
                await stack.UpAsync();
                await {|#0:stack.DestroyAsync()|};
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("WorkspaceStack.DestroyAsync", "destroys every resource of a Pulumi stack, skipping the CLI's confirmation"));
}
