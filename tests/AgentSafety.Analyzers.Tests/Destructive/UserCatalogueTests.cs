using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary><c>AgentSafety.DestructiveApis.txt</c>: a team's own destructive APIs, removals of built-in ones, and ASA203 for lines that match nothing.</summary>
public class UserCatalogueTests
{
    private const string Catalogue = "AgentSafety.DestructiveApis.txt";

    private const string PlatformClient = """
        using System.Threading;
        using System.Threading.Tasks;
        namespace Ops.Platform
        {
            public interface IPlatformClient
            {
                Task DeleteVolumeAsync(string id, CancellationToken ct = default);
                Task<string> GetVolumeAsync(string id);
            }
            public class PlatformClient : IPlatformClient
            {
                public virtual Task DeleteVolumeAsync(string id, CancellationToken ct = default) => Task.CompletedTask;
                public Task<string> GetVolumeAsync(string id) => Task.FromResult(id);
                public void Purge(string id) { }
                public void Purge(string id, bool backupsToo) { }
            }
            public sealed class AuditedPlatformClient : PlatformClient
            {
                public override Task DeleteVolumeAsync(string id, CancellationToken ct = default) => Task.CompletedTask;
            }
            namespace Danger
            {
                public static class Reset { public static void Everything() { } }
            }
        }
        """;

    [Fact]
    public Task An_every_overload_line_on_the_interface_reports_calls_through_the_class_and_its_overrides() => Verify.VerifyAnalyzerAsync(
        PlatformClient + """

        class C
        {
            async Task M(Ops.Platform.IPlatformClient api, Ops.Platform.PlatformClient client, Ops.Platform.AuditedPlatformClient audited)
            {
                await {|#0:api.DeleteVolumeAsync("vol-1")|};
                await {|#1:client.DeleteVolumeAsync("vol-1")|};
                await {|#2:audited.DeleteVolumeAsync("vol-1")|};
                await api.GetVolumeAsync("vol-1");
            }
        }
        """,
        new[] { (Catalogue, "M:Ops.Platform.IPlatformClient.DeleteVolumeAsync(*);deletes a platform volume and its backups\n") },
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IPlatformClient.DeleteVolumeAsync", "deletes a platform volume and its backups"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("PlatformClient.DeleteVolumeAsync", "deletes a platform volume and its backups"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("AuditedPlatformClient.DeleteVolumeAsync", "deletes a platform volume and its backups"));

    [Fact]
    public Task A_line_on_the_class_also_reports_calls_made_through_the_interface_it_implements() => Verify.VerifyAnalyzerAsync(
        PlatformClient + """

        class C
        {
            async Task M(Ops.Platform.IPlatformClient api)
            {
                await {|#0:api.DeleteVolumeAsync("vol-1")|};
                await api.GetVolumeAsync("vol-1");
            }
        }
        """,
        new[] { (Catalogue, "M:Ops.Platform.PlatformClient.DeleteVolumeAsync(*)\n") },
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IPlatformClient.DeleteVolumeAsync", "is listed in AgentSafety.DestructiveApis.txt"));

    [Fact]
    public Task An_exact_documentation_id_reports_only_that_overload() => Verify.VerifyAnalyzerAsync(
        PlatformClient + """

        class C
        {
            void M(Ops.Platform.PlatformClient client)
            {
                client.Purge("vol-1");
                {|#0:client.Purge("vol-1", true)|};
            }
        }
        """,
        new[] { (Catalogue, "M:Ops.Platform.PlatformClient.Purge(System.String,System.Boolean);purges a volume and its backups\n") },
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("PlatformClient.Purge", "purges a volume and its backups"));

    [Fact]
    public Task Type_and_namespace_lines_report_every_method_but_those_of_object() => Verify.VerifyAnalyzerAsync(
        PlatformClient + """

        class C
        {
            void M(Ops.Platform.PlatformClient client)
            {
                {|#0:client.Purge("vol-1")|};
                _ = client.ToString();
                {|#1:Ops.Platform.Danger.Reset.Everything()|};
            }
        }
        """,
        new[] { (Catalogue, "T:Ops.Platform.PlatformClient;owns volumes\nN:Ops.Platform.Danger;resets the platform\n") },
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("PlatformClient.Purge", "owns volumes"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("Reset.Everything", "resets the platform"));

    [Fact]
    public Task A_removal_line_silences_a_built_in_entry_and_leaves_the_others() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using Amazon.DynamoDBv2;
        using Amazon.S3;
        class C
        {
            async Task M(IAmazonDynamoDB ddb, IAmazonS3 s3)
            {
                await ddb.DeleteTableAsync("scratch");
                await {|#0:s3.DeleteBucketAsync("logs")|};
            }
        }
        """,
        new[] { (Catalogue, "; our test harness creates and drops scratch tables all day\n!M:Amazon.DynamoDBv2.IAmazonDynamoDB.DeleteTableAsync(*)\n") },
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IAmazonS3.DeleteBucketAsync", "deletes an S3 bucket"));

    [Fact]
    public Task Lines_that_match_nothing_are_reported_at_their_file_line_and_column() => Verify.VerifyAnalyzerAsync(
        PlatformClient,
        new[]
        {
            (Catalogue, string.Join("\n",
                "; comments and blank lines are fine",
                "",
                "M:Ops.Platform.PlatformClient.DeleteVolumeAsync(*)",
                "M:Ops.Platform.PlatfromClient.DeleteVolumeAsync(*);typo in the type",
                "  M:Ops.Platform.PlatformClient.Destroy(*)",
                "M:Ops.Platform.PlatformClient.Purge",
                "T:Ops.Platform.Missing",
                "N:Ops.Nowhere",
                "!M:Amazon.S3.IAmazonS3.DropEverythingAsync(*)",
                "DeleteVolumeAsync",
                "")),
        },
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 4, 1, 4, 51).WithArguments("M:Ops.Platform.PlatfromClient.DeleteVolumeAsync(*)", "no type 'Ops.Platform.PlatfromClient' is referenced"),
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 5, 3, 5, 43).WithArguments("M:Ops.Platform.PlatformClient.Destroy(*)", "type 'Ops.Platform.PlatformClient' has no method 'Destroy'"),
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 6, 1, 6, 36).WithArguments("M:Ops.Platform.PlatformClient.Purge", "an M: ID without a parameter list names only the parameterless overload; write the parameter types, or '(*)' for every overload"),
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 7, 1, 7, 23).WithArguments("T:Ops.Platform.Missing", "no type 'Ops.Platform.Missing' is referenced"),
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 8, 1, 8, 14).WithArguments("N:Ops.Nowhere", "no namespace 'Ops.Nowhere' is referenced"),
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 9, 1, 9, 46).WithArguments("!M:Amazon.S3.IAmazonS3.DropEverythingAsync(*)", "type 'Amazon.S3.IAmazonS3' has no method 'DropEverythingAsync'"),
        Verify.Diagnostic("ASA203").WithSpan(Catalogue, 10, 1, 10, 18).WithArguments("DeleteVolumeAsync", "a line must be an M:, T: or N: documentation ID, optionally after '!' and before ';description'"));

    [Fact]
    public Task Other_text_files_are_not_read_as_catalogues() => Verify.VerifyAnalyzerAsync(
        PlatformClient,
        new[] { ("notes.txt", "M:Ops.Nowhere.Type.Method(*)\nnot a catalogue\n") });

    [Fact]
    public Task A_user_catalogue_line_with_a_guard_around_the_call_is_quiet() => Verify.VerifyAnalyzerAsync(
        PlatformClient + """

        namespace Guards
        {
            [System.AttributeUsage(System.AttributeTargets.Method)] sealed class ConfirmationGuardAttribute : System.Attribute { }
            static class Approval { [ConfirmationGuard] public static Task RunAsync(System.Func<Task> op) => op(); }
        }
        class C
        {
            Task M(Ops.Platform.IPlatformClient api) => Guards.Approval.RunAsync(() => api.DeleteVolumeAsync("vol-1"));
        }
        """,
        new[] { (Catalogue, "M:Ops.Platform.IPlatformClient.DeleteVolumeAsync(*)\n") });
}
