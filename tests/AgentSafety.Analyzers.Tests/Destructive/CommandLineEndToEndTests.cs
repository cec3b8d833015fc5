using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.DestructiveCommandTextAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>ASA202 through the real <c>Process</c>, <c>ProcessStartInfo</c>, <c>HttpClient</c> and StackExchange.Redis types.</summary>
public class CommandLineEndToEndTests
{
    [Fact]
    public Task Reports_sql_and_paths_hidden_by_quotes_split_flags_and_shells() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void M()
            {
                {|#0:Process.Start("psql", "-h db.internal -c \"DROP DATABASE shop\"")|};
                {|#1:Process.Start("/bin/rm", "-r -f /etc")|};
                {|#2:Process.Start("sh", "-c 'sudo rm -rf /var/lib/postgresql'")|};
                {|#3:Process.Start("bash", "-c \"docker compose down -v\"")|};
                {|#4:Process.Start("aws", "ec2 terminate-instances --instance-ids i-0abc")|};
                {|#5:Process.Start("redis-cli -h cache FLUSHALL")|};
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "psql DROP DATABASE shop", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("command", "rm -r -f /etc", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("command", "rm -rf /var/lib/postgresql", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(3).WithArguments("command", "docker compose down", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(4).WithArguments("command", "aws ec2 terminate-instances", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(5).WithArguments("command", "redis-cli FLUSHALL", "Process.Start"));

    [Fact]
    public Task Stays_quiet_on_temp_cleanup_messages_echoes_and_look_alikes() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void M(string dir)
            {
                Process.Start("git", "commit -m \"fix rm -rf detection\"");
                Process.Start("rm", "-rf /tmp/build");
                Process.Start("sh", "-c 'rm -rf ${TMPDIR:-/tmp}/x'");
                Process.Start("rm", $"-rf {dir}");
                Process.Start("echo", "rm -rf /");
                Process.Start("docker", "compose down");
                Process.Start("aws", "s3 ls s3://backups");
                Process.Start("kubectl", "get events -n prod | grep delete");
                Process.Start("terraform", "plan -destroy");
                Process.Start("psql", "-c 'SELECT 1'");
            }
        }
        """);

    [Fact]
    public Task Reads_a_start_info_built_from_an_argument_list_word_by_word() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void Drop()
            {
                var psi = new ProcessStartInfo("psql");
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add("DROP DATABASE shop");
                {|#0:Process.Start(psi)|};
            }

            void Commit()
            {
                var psi = new ProcessStartInfo("git");
                psi.ArgumentList.Add("commit");
                psi.ArgumentList.Add("-m");
                psi.ArgumentList.Add("stop kubectl delete ns prod; rm -rf /");
                Process.Start(psi);
            }

            void Created()
            {
                var psi = new ProcessStartInfo { FileName = "mysql", Arguments = "-uroot -e 'TRUNCATE TABLE orders'" };
                {|#1:Process.Start(psi)|};
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "psql DROP DATABASE shop", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("command", "mysql TRUNCATE TABLE orders", "Process.Start"));

    [Fact]
    public Task Reads_an_argument_array_word_by_word() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;
        class C
        {
            void M()
            {
                {|#0:Process.Start("psql", new[] { "-c", "DROP DATABASE shop" })|};
                {|#1:Process.Start("/usr/bin/rm", new string[] { "-r", "-f", "/var/lib/mysql" })|};
                Process.Start("git", new[] { "commit", "-m", "rm -rf / is now reported" });
                Process.Start("echo", new[] { "kubectl delete ns prod" });
                var psi = {|#2:new ProcessStartInfo("kubectl", new[] { "delete", "namespace", "staging" })|};
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("command", "psql DROP DATABASE shop", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("command", "rm -r -f /var/lib/mysql", "Process.Start"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("command", "kubectl delete", "new ProcessStartInfo"));

    [Fact]
    public Task Reports_raw_redis_shutdown_like_redis_cli() => Verify.VerifyAnalyzerAsync("""
        using StackExchange.Redis;
        class C
        {
            void M(IServer server) => {|#0:server.Execute("SHUTDOWN", "NOSAVE")|};
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("Redis command", "SHUTDOWN", "IServer.Execute"));

    [Fact]
    public Task Reports_rest_deletes_of_platform_resources_and_not_per_record_deletes() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        class C
        {
            async Task M(HttpClient http, string repo, string project)
            {
                await {|#0:http.DeleteAsync($"https://api.github.com/repos/acme/{repo}")|};
                await {|#1:http.DeleteAsync($"https://api.supabase.com/v1/projects/{project}")|};
                await {|#2:http.DeleteAsync($"https://gitlab.acme.internal/api/v4/projects/{project}")|};
                await {|#3:http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"https://console.neon.tech/api/v2/projects/{project}/branches/br-1"))|};
                await http.DeleteAsync($"https://api.github.com/repos/acme/{repo}/issues/1/labels/bug");
                await http.DeleteAsync($"https://api.vercel.com/v9/projects/{project}/env/e1");
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("REST DELETE", "api.github.com", "HttpClient.DeleteAsync"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("REST DELETE", "api.supabase.com", "HttpClient.DeleteAsync"),
        Verify.Diagnostic("ASA202").WithLocation(2).WithArguments("REST DELETE", "gitlab.acme.internal", "HttpClient.DeleteAsync"),
        Verify.Diagnostic("ASA202").WithLocation(3).WithArguments("REST DELETE", "console.neon.tech", "HttpClient.SendAsync"));

    [Fact]
    public Task Reports_a_platform_mutation_from_the_table() => Verify.VerifyAnalyzerAsync("""
        using System.Net.Http;
        using System.Threading.Tasks;
        class C
        {
            async Task M(HttpClient http)
            {
                await {|#0:http.PostAsync("https://api.fly.io/graphql", new StringContent("{\"query\":\"mutation($id: ID!) { deleteVolume(input: {volumeId: $id}) { app { name } } }\"}"))|};
                await {|#1:http.PostAsync("https://api.github.com/graphql", new StringContent("{\"query\":\"mutation { deleteRef(input: {refId: \\\"r\\\"}) { clientMutationId } }\"}"))|};
            }
        }
        """,
        Verify.Diagnostic("ASA202").WithLocation(0).WithArguments("GraphQL mutation", "deleteVolume", "HttpClient.PostAsync"),
        Verify.Diagnostic("ASA202").WithLocation(1).WithArguments("GraphQL mutation", "deleteRef", "HttpClient.PostAsync"));
}
