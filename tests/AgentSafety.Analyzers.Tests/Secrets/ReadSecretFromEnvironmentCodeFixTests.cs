using System.Threading.Tasks;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

public class ReadSecretFromEnvironmentCodeFixTests
{
    private static readonly string Token = FakeToken.Make("ghp_", 36);

    [Fact]
    public Task Turns_a_const_field_into_a_static_readonly_read_from_the_environment() => Asa101.VerifyCodeFixAsync($$"""
        class C
        {
            private const string Token = [|"{{Token}}"|];
        }
        """, """
        using System;

        class C
        {
            private static readonly string Token = Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? throw new InvalidOperationException("GITHUB_TOKEN is not set");
        }
        """);

    [Fact]
    public Task Replaces_a_local_and_an_argument_named_after_the_symbol() => Asa101.VerifyCodeFixAsync("""
        using System.Net;

        class C
        {
            NetworkCredential M()
            {
                const string dbPassword = [|"Xk29-lpQ-77aa"|];
                return new NetworkCredential("app", dbPassword);
            }
        }
        """, """
        using System;
        using System.Net;

        class C
        {
            NetworkCredential M()
            {
                string dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("DB_PASSWORD is not set");
                return new NetworkCredential("app", dbPassword);
            }
        }
        """);

    [Fact]
    public Task Fix_all_moves_every_secret_of_the_document() => Asa101.VerifyCodeFixAsync($$"""
        class C
        {
            string a = [|"{{Token}}"|];
            string b = [|"{{FakeToken.Make("sk_live_", 24)}}"|];
            string c = [|"Host=db.internal;Database=app;Username=app;Password=Xk29-lpQ-77"|];
        }
        """, """
        using System;

        class C
        {
            string a = Environment.GetEnvironmentVariable("GITHUB_TOKEN") ?? throw new InvalidOperationException("GITHUB_TOKEN is not set");
            string b = Environment.GetEnvironmentVariable("STRIPE_API_KEY") ?? throw new InvalidOperationException("STRIPE_API_KEY is not set");
            string c = "Host=db.internal;Database=app;Username=app;Password=" + (Environment.GetEnvironmentVariable("DATABASE_CONNECTION_STRING") ?? throw new InvalidOperationException("DATABASE_CONNECTION_STRING is not set"));
        }
        """);

    [Fact]
    public async Task Offers_no_fix_where_a_constant_is_required()
    {
        var source = $$"""
            using System;

            [AttributeUsage(AttributeTargets.Class)]
            sealed class KeyAttribute : Attribute { public KeyAttribute(string key) { } }

            [Key([|"{{Token}}"|])]
            class C
            {
                int M(string s) => s switch { [|"{{FakeToken.Make("sk_live_", 24)}}"|] => 1, _ => 0 };
            }
            """;
        await Asa101.VerifyCodeFixAsync(source, source);
    }

    [Fact]
    public Task Moves_the_token_of_an_authorization_header_and_keeps_its_scheme() => Asa101.VerifyCodeFixAsync($$"""
        using System.Net.Http;

        class C
        {
            void M(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", [|"Bearer {{FakeToken.Make(string.Empty, 40, seed: 4)}}"|]);
        }
        """, """
        using System;
        using System.Net.Http;

        class C
        {
            void M(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", "Bearer " + (Environment.GetEnvironmentVariable("API_AUTHORIZATION_HEADER") ?? throw new InvalidOperationException("API_AUTHORIZATION_HEADER is not set")));
        }
        """);

    [Fact]
    public Task Moves_a_literal_written_straight_into_a_credential_parameter() => Asa101.VerifyCodeFixAsync("""
        using System.Net;

        class C
        {
            NetworkCredential M() => new NetworkCredential("svc", [|"Vq3-Lp8-Zk2-Rt6"|]);
        }
        """, """
        using System;
        using System.Net;

        class C
        {
            NetworkCredential M() => new NetworkCredential("svc", Environment.GetEnvironmentVariable("NETWORK_CREDENTIAL_PASSWORD") ?? throw new InvalidOperationException("NETWORK_CREDENTIAL_PASSWORD is not set"));
        }
        """);
}
