using System.Threading.Tasks;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

public class SecretAnalyzerTests
{
    private static readonly string GitHubClassic = FakeToken.Make("ghp_", 36);
    private static readonly string Railway = FakeToken.Uuid(11);

    [Fact]
    public void The_sink_name_filter_lets_every_credential_sink_through_and_turns_common_types_away()
    {
        Assert.NotEmpty(AgentSafety.Analyzers.Secrets.SecretsAnalyzer.SinkTypeNames);
        Assert.All(AgentSafety.Analyzers.Secrets.SecretsAnalyzer.SinkTypeNames, name => Assert.True(AgentSafety.Analyzers.Secrets.SecretsAnalyzer.MayBeSinkName(name), name));

        // Of the same lengths as sinks (11, 12, 17, 18, 19), other first letters: let go before any lookup.
        foreach (var name in new[] { "JsonWrapper", "JsonPosition", "JsonSerializerSettings".Substring(0, 17), "ReadOnlyCollection", "XmlDocumentWrapper1" })
        {
            Assert.False(AgentSafety.Analyzers.Secrets.SecretsAnalyzer.MayBeSinkName(name), name);
        }
    }

    [Fact]
    public Task Reports_a_github_token_in_a_field_redacted() => Asa101.Verifier.VerifyAnalyzerAsync($$"""
        class C
        {
            private const string Token = {|#0:"{{GitHubClassic}}"|};
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("GitHub", "classic personal access token", "ghp_…(40 chars)"));

    [Fact]
    public Task Reports_the_classic_token_as_over_scoped_too() => Asa102.Verifier.VerifyAnalyzerAsync($$"""
        class C
        {
            private const string Token = {|#0:"{{GitHubClassic}}"|};
        }
        """,
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(0).WithArguments(
            "a GitHub classic personal access token reaches every repository its owner can",
            "a fine-grained personal access token (github_pat_) limited to the repositories and permissions the job needs"));

    [Fact]
    public Task Reports_the_incident_railway_token_and_its_bearer_use_against_railway() => Asa102.Verifier.VerifyAnalyzerAsync($$"""
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            const string RAILWAY_API_TOKEN = {|#0:"{{Railway}}"|};
            const string Endpoint = "https://backboard.railway.app/graphql/v2";
            void M(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|#1:RAILWAY_API_TOKEN|});
        }
        """,
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(0).WithArguments("a Railway account or team token reaches every project and environment of the account", "a project token sent as Project-Access-Token, scoped to one environment of one project"),
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(1).WithArguments("a Railway account or team token reaches every project and environment of the account", "a project token sent as Project-Access-Token, scoped to one environment of one project"));

    [Fact]
    public Task Reports_a_constant_passed_to_a_credential_parameter_at_the_sink() => Asa101.Verifier.VerifyAnalyzerAsync("""
        using System.Net;
        using Amazon.Runtime;
        class C
        {
            const string Value = "Tr0ub4dor-and-3";
            const string Key = "AKIA0000EXAMPLEKEY00";
            NetworkCredential M() => new NetworkCredential("deploy", {|#0:Value|});
            AWSCredentials N() => new BasicAWSCredentials("id", {|#1:Value|});
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("password", "password", "Tr0…(15 chars)"),
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(1).WithArguments("credential", "constant passed as BasicAWSCredentials secretKey", "Tr0…(15 chars)"));

    [Fact]
    public Task Does_not_treat_a_teams_own_NetworkCredential_class_as_the_credential_sink() => Asa101.Verifier.VerifyAnalyzerAsync("""
        namespace Team.Net
        {
            public class NetworkCredential
            {
                public NetworkCredential(string userName, string password) { }
            }
        }

        class C
        {
            const string Value = "Tr0ub4dor-and-3";
            Team.Net.NetworkCredential Own() => new Team.Net.NetworkCredential("deploy", Value);
            System.Net.NetworkCredential Sdk() => new System.Net.NetworkCredential("deploy", {|#0:Value|});
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("password", "password", "Tr0…(15 chars)"));

    [Fact]
    public Task Follows_a_static_readonly_field_and_a_local_assigned_once_into_a_credential_sink() => Asa101.Verifier.VerifyAnalyzerAsync("""
        using System;
        using System.Net;
        class C
        {
            static readonly string Fallback = "kT9-mQ2-vL7-xR4";
            NetworkCredential A() => new NetworkCredential("svc", {|#0:Fallback|});
            NetworkCredential B()
            {
                var remembered = "Zx8-qW3-nB5-hJ6";
                return new NetworkCredential("svc", {|#1:remembered|});
            }
            NetworkCredential C1(bool fromConfig)
            {
                var changing = "Pq7-Lm4-Ws2-Vb9";
                if (fromConfig) changing = Environment.GetEnvironmentVariable("SVC_PASSWORD") ?? "";
                return new NetworkCredential("svc", changing);
            }
            NetworkCredential D() => new NetworkCredential("svc", Environment.GetEnvironmentVariable("SVC_PASSWORD"));
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("password", "password", "kT9…(15 chars)"),
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(1).WithArguments("password", "password", "Zx8…(15 chars)"));

    [Fact]
    public Task Reports_a_literal_written_straight_into_a_credential_parameter() => Asa101.Verifier.VerifyAnalyzerAsync("""
        using System.Net;
        using System.Net.Http.Headers;
        class C
        {
            NetworkCredential A() => new NetworkCredential("svc", {|#0:"Vq3-Lp8-Zk2-Rt6"|});
            AuthenticationHeaderValue B() => new AuthenticationHeaderValue("Bearer", {|#1:"Qm7Tz2Lx9Pv4Rn8Ks3Wd6Hy1Jb5Fc0Ge"|});
            NetworkCredential C1(string password) => new NetworkCredential("svc", password);
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("password", "password", "Vq3…(15 chars)"),
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(1).WithArguments("credential", "constant passed as AuthenticationHeaderValue parameter", "Qm7T…(32 chars)"));

    [Fact]
    public Task Reports_an_account_railway_token_read_at_run_time_and_sent_as_bearer_to_railway() => Asa102.Verifier.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient http)
            {
                var token = Environment.GetEnvironmentVariable({|#0:"RAILWAY_API_TOKEN"|});
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|#1:token|});
                http.PostAsync("https://backboard.railway.app/graphql/v2", new StringContent("{}"));
            }

            void ProjectToken(HttpClient http) => http.DefaultRequestHeaders.Add("Project-Access-Token", Environment.GetEnvironmentVariable("RAILWAY_TOKEN"));
        }
        """,
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(0).WithArguments(
            "a Railway account or team token reaches every project and environment of the account",
            "a project token sent as Project-Access-Token, scoped to one environment of one project"),
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(1).WithArguments(
            "a Railway account or team token reaches every project and environment of the account",
            "a project token sent as Project-Access-Token, scoped to one environment of one project"));

    [Fact]
    public Task A_bearer_token_read_at_run_time_for_another_api_and_the_variable_name_are_not_secrets() => Asa101.Verifier.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        class C
        {
            void M(HttpClient http)
            {
                var token = Environment.GetEnvironmentVariable("RAILWAY_API_TOKEN");
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
                http.PostAsync("https://backboard.railway.app/graphql/v2", new StringContent("{}"));
            }
        }
        """);

    [Fact]
    public Task Reports_a_password_in_a_connection_string_and_not_integrated_security() => Asa101.Verifier.VerifyAnalyzerAsync("""
        class C
        {
            string a = {|#0:"Host=db.internal;Database=app;Username=app;Password=Xk29-lpQ-77"|};
            string b = "Server=sql.internal;Database=app;Integrated Security=true";
            string c = "Host=db;Database=app;Username=app;Password={password}";
            string d = "Please enter your password";
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("database", "password in a connection string", "Xk…(11 chars)"));

    [Fact]
    public Task Reports_secrets_in_configuration_files_at_their_line_and_column() => Asa101.Verifier.VerifyAnalyzerAsync(
        "class C { }",
        new[]
        {
            ("appsettings.json", "{\n  \"Stripe\": {\n    \"ApiKey\": \"" + FakeToken.Make("sk_live_", 24) + "\"\n  },\n  \"Name\": \"not a secret at all\"\n}\n"),
            ("staging.env", "# deploy\nGITHUB_TOKEN=" + GitHubClassic + "\nLOG_LEVEL=debug\n"),
        },
        Asa101.Verifier.Diagnostic("ASA101").WithSpan("appsettings.json", 3, 16, 3, 48).WithArguments("Stripe", "secret key", "sk_l…(32 chars)"),
        Asa101.Verifier.Diagnostic("ASA101").WithSpan("staging.env", 2, 14, 2, 54).WithArguments("GitHub", "classic personal access token", "ghp_…(40 chars)"));

    [Fact]
    public Task Generated_settings_are_analyzed() => Asa101.Verifier.VerifyAnalyzerAsync($$"""
        // <auto-generated/>
        class Settings
        {
            public string Token => {|#0:"{{GitHubClassic}}"|};
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("GitHub", "classic personal access token", "ghp_…(40 chars)"));

    [Fact]
    public Task Stays_quiet_on_decoys() => Asa101.Verifier.VerifyAnalyzerAsync("""
        class C
        {
            const string AwsExample = "AKIAIOSFODNN7EXAMPLE";
            const string TokenVariable = "GITHUB_TOKEN";
            const string ApiKeyHeader = "X-Api-Key";
            const string TenantId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
            const string Placeholder = "your-api-key-here";
            const string Endpoint = "https://api.example.com/v1/items?page=2";
            const string CommitSha = "9fceb02d0ae598e95dc970b74767f19372d61af8";
            string Message = "Your password must be at least 12 characters";
        }
        """);
}
