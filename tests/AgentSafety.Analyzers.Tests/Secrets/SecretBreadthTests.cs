using System;
using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Secrets;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>Placeholders, passwords, configuration secrets and over-scope beyond the provider table (issue 13).</summary>
public class SecretBreadthTests
{
    private const string RailwayScope = "a Railway account or team token reaches every project and environment of the account";
    private const string RailwayNarrower = "a project token sent as Project-Access-Token, scoped to one environment of one project";

    [Theory]
    [InlineData("slack token with counting runs", "xoxb-12345-abcd234")]
    [InlineData("slack bot token with a counting id", "xoxb-1234567890123-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx")]
    [InlineData("gcp key of the alphabet", "AIzaSyabcdefghijklmnopqrstuvwxyz1234567")]
    [InlineData("aws key of x", "AKIAXXXXXXXXXXXXXXXX")]
    [InlineData("aws documentation key", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws id in a sentence", "TODAYINASIAASACKOFRICEFELLOVER")]
    [InlineData("github token of zeros", "ghp_000000000000000000000000000000000000")]
    [InlineData("stripe key of one letter", "sk_live_aaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("shopify example", "shpat_EXAMPLE0123456789abcdef0123456789")]
    public void Placeholder_looking_tokens_stay_quiet(string label, string value)
    {
        Assert.False(SecretScanner.Scan(value, null).Any(f => f.IsSecret), label);
    }

    [Fact]
    public void An_anthropic_key_written_as_abc123_stays_quiet_and_a_random_one_is_found()
    {
        var placeholder = "sk-ant-api03-abc123xyz" + FakeToken.Make(string.Empty, 80, FakeToken.Alnum + "_-") + "AA";
        var real = FakeToken.Make("sk-ant-api03-", 93, FakeToken.Alnum + "_-", seed: 2) + "AA";

        Assert.Empty(SecretScanner.Scan(placeholder, null));
        Assert.Contains(SecretScanner.Scan(real, null), f => f.Provider == "Anthropic");
    }

    [Theory]
    [InlineData("Server=db.internal;Database=app;User Id=app;Password=wteGSDU%ztdF#Y4LP7Vt", true)]
    [InlineData("Server=db.internal;Database=app;User Id=app;Password=Tr!ck-y#Pass%1", true)]
    [InlineData("Server=db.internal;Database=app;User Id=app;Password=%DB_PASSWORD%", false)]
    [InlineData("Server=db.internal;Database=app;User Id=app;Password={0}", false)]
    [InlineData("Server=db.internal;Database=app;User Id=app;Password={dbPassword}", false)]
    [InlineData("Server=db.internal;Database=app;User Id=app;Password=${DB_PASSWORD}", false)]
    public void A_password_with_percent_hash_or_bang_is_a_password_and_a_template_hole_is_not(string connectionString, bool reported)
    {
        var found = SecretScanner.Scan(connectionString, null).Any(f => f.IsSecret);

        Assert.Equal(reported, found);
    }

    [Fact]
    public void The_password_of_a_stack_exchange_redis_configuration_is_found()
    {
        var password = FakeToken.Make("Rd", 30);
        var text = "acme.redis.cache.windows.net:6380,password=" + password + ",ssl=True,abortConnect=False";

        var finding = Assert.Single(SecretScanner.Scan(text, "Redis"), f => f.IsSecret);

        Assert.Equal(password, text.Substring(finding.Start, finding.Length));
        Assert.Empty(SecretScanner.Scan("localhost:6379,abortConnect=False,connectTimeout=5000", "Redis"));
    }

    [Theory]
    [InlineData("Jwt", "Key", "ThisIsMySuperSecretKeyForJwtTokens123!", true)]
    [InlineData("JwtSettings", "SecretKey", "ThisIsMySuperSecretKeyForJwtTokens123!", true)]
    [InlineData(null, "SigningKey", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true)]
    [InlineData("Jwt", "Issuer", "https://auth.example.com", false)]
    [InlineData("Jwt", "KeyId", "ThisIsMyKeyIdentifier2024", false)]
    [InlineData(null, "JwtCookieKey", "X-Access-Token-Cookie", false)]
    [InlineData(null, "SigningKeyAlgorithm", "HmacSha256Signature", false)]
    public void A_jwt_signing_key_is_found_by_its_name_however_it_is_written(string? scope, string name, string value, bool reported)
    {
        var found = SecretScanner.Scan(value, name, scope).Any(f => f.IsSecret);

        Assert.Equal(reported, found);
    }

    [Theory]
    [InlineData("Host=localhost;Database=catalogdb;Username=postgres;Password=pass@word1", false)]
    [InlineData("Server=127.0.0.1;Database=app;User Id=sa;Password=Your_password123", false)]
    [InlineData("postgres://postgres:Xk29lpQ77v@localhost:5432/app", false)]
    [InlineData("Host=db.prod.acme.net;Database=orders;Username=postgres;Password=Xk29-lpQ-77", true)]
    [InlineData("postgres://postgres:Xk29lpQ77v@db.acme.net:5432/app", true)]
    public void A_superuser_login_is_over_scoped_only_outside_development(string connectionString, bool overScoped)
    {
        var found = SecretScanner.Scan(connectionString, null).Any(f => f.Kind == "superuser login");

        Assert.Equal(overScoped, found);
        Assert.DoesNotContain(SecretScanner.Scan(connectionString, null, developmentFile: true), f => f.Kind == "superuser login");
    }

    [Fact]
    public void A_pypi_token_is_over_scoped_only_when_its_macaroon_grants_the_whole_account()
    {
        var account = SecretFormatTableTests.PyPiToken("{\"version\": 1, \"permissions\": \"user\"}");
        var project = SecretFormatTableTests.PyPiToken("{\"version\": 1, \"permissions\": {\"projects\": [\"acme\"]}}");

        Assert.Contains(SecretScanner.Scan(account, null), f => f.Provider == "PyPI" && f.OverScope is not null);
        Assert.Contains(SecretScanner.Scan(project, null), f => f.Provider == "PyPI" && f.IsSecret);
        Assert.DoesNotContain(SecretScanner.Scan(project, null), f => f.OverScope is not null);
    }

    [Fact]
    public void A_heroku_key_is_an_account_key_where_its_name_says_so()
    {
        var token = FakeToken.Make("HRKU-AA", 58, FakeToken.Alnum + "_-");

        Assert.Contains(SecretScanner.Scan(token, "HEROKU_API_KEY"), f => f.OverScope is not null && f.Narrower!.Contains("authorizations:create", StringComparison.Ordinal));
        Assert.DoesNotContain(SecretScanner.Scan(token, "HerokuOAuthToken"), f => f.OverScope is not null);
        Assert.Contains(SecretScanner.Scan(token, null), f => f.Provider == "Heroku" && f.IsSecret);
    }

    [Fact]
    public Task Reports_a_shopify_admin_token_as_over_scoped() => Asa102.Verifier.VerifyAnalyzerAsync($$"""
        class C
        {
            const string Shop = {|#0:"{{FakeToken.Make("shpat_", 32, FakeToken.Hex)}}"|};
            const string Secret = "{{FakeToken.Make("shpss_", 32, FakeToken.Hex)}}";
        }
        """,
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(0).WithArguments(
            "a Shopify Admin API access token acts on the whole store with every access scope its app was granted",
            "a Storefront API token for storefront reads, or an app whose access scopes are only those the job needs"));

    [Fact]
    public Task Reports_every_way_a_bearer_header_to_railway_is_built() => Asa102.Verifier.VerifyAnalyzerAsync("""
        using System;
        using System.Net.Http;
        class C
        {
            const string Endpoint = "https://backboard.railway.com/graphql/v2";

            void Concatenated(HttpClient http, string token) => http.DefaultRequestHeaders.Add("Authorization", "Bearer " + {|#0:token|});

            void Interpolated(HttpClient http) => http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Bearer {{|#1:Environment.GetEnvironmentVariable("TOKEN")|}}");

            void Formatted(HttpRequestMessage request, string token) => request.Headers.Add("Authorization", string.Format("Bearer {0}", {|#2:token|}));

            void OnTheRequest(string token)
            {
                var request = new HttpRequestMessage(HttpMethod.Post, Endpoint);
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + {|#3:token|});
            }

            void ProjectToken(HttpClient http, string token) => http.DefaultRequestHeaders.Add("Project-Access-Token", token);
        }
        """,
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(0).WithArguments(RailwayScope, RailwayNarrower),
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(1).WithArguments(RailwayScope, RailwayNarrower),
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(2).WithArguments(RailwayScope, RailwayNarrower),
        Asa102.Verifier.Diagnostic("ASA102").WithLocation(3).WithArguments(RailwayScope, RailwayNarrower));

    [Fact]
    public Task A_bearer_header_to_another_api_is_not_over_scoped() => Asa102.Verifier.VerifyAnalyzerAsync("""
        using System.Net.Http;
        class C
        {
            const string Endpoint = "https://api.github.com/graphql";
            void M(HttpClient http, string token) => http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
        }
        """);

    [Fact]
    public Task Reports_a_constant_token_concatenated_into_a_bearer_header() => Asa101.Verifier.VerifyAnalyzerAsync("""
        using System.Net.Http;
        class C
        {
            static readonly string Fallback = "Qm7Tz2Lx9Pv4Rn8Ks3Wd6Hy1Jb5Fc0Ge";
            void M(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", "Bearer " + {|#0:Fallback|});
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("credential", "constant passed as AuthenticationHeaderValue parameter", "Qm7T…(32 chars)"));

    [Fact]
    public Task A_postgres_superuser_on_localhost_in_development_settings_is_quiet() => Asa102.Verifier.VerifyAnalyzerAsync(
        "class C { }",
        new[]
        {
            // dotnet/eShop's appsettings.Development.json shape.
            ("src/Catalog.API/appsettings.Development.json", "{\n  \"ConnectionStrings\": {\n    \"CatalogDB\": \"Host=localhost;Database=CatalogDB;Username=postgres;Password=pass@word1\"\n  }\n}\n"),
            (".env.development", "DATABASE_URL=postgres://postgres:Xk29lpQ77v@db.acme.net:5432/app\n"),
            ("appsettings.json", "{\n  \"ConnectionStrings\": {\n    \"Orders\": \"Host=db.acme.net;Database=orders;Username=postgres;Password=Xk29-lpQ-77\"\n  }\n}\n"),
        },
        Asa102.Verifier.Diagnostic("ASA102").WithSpan("appsettings.json", 3, 58, 3, 66).WithArguments(
            "the connection logs in as the database superuser 'postgres', which can drop every database on the server",
            "a role that owns only the application's schema, with no CREATEDB/DROP rights"));

    [Fact]
    public Task Reports_a_jwt_key_written_as_words_in_appsettings() => Asa101.Verifier.VerifyAnalyzerAsync(
        "class C { }",
        new[]
        {
            ("appsettings.json", "{\n  \"Jwt\": {\n    \"Key\": \"ThisIsMySuperSecretKeyForJwtTokens123!\",\n    \"Issuer\": \"https://auth.acme.net\"\n  }\n}\n"),
        },
        Asa101.Verifier.Diagnostic("ASA101").WithSpan("appsettings.json", 3, 13, 3, 51).WithArguments("JWT", "signing key", "This…(38 chars)"));

    [Fact]
    public Task A_finding_behind_json_escapes_is_reported_at_its_raw_text() => Asa101.Verifier.VerifyAnalyzerAsync(
        "class C { }",
        new[]
        {
            // "\u0067hp_…" is "ghp_…": the span covers the six raw characters of the escape, not one.
            ("appsettings.json", "{\n  \"Note\": \"\\u00e9\\u00e9\", \"Token\": \"x \\u0067hp_" + FakeToken.Make(string.Empty, 36) + " y\"\n}\n"),
        },
        Asa101.Verifier.Diagnostic("ASA101").WithSpan("appsettings.json", 2, 39, 2, 84).WithArguments("GitHub", "classic personal access token", "ghp_…(40 chars)"));

    [Fact]
    public Task Reports_the_password_of_a_redis_configuration_string_in_code() => Asa101.Verifier.VerifyAnalyzerAsync("""
        class C
        {
            const string Redis = {|#0:"acme.redis.cache.windows.net:6380,password=Zq8vL2mN4pR6tX1wY3aB5cD7eF9gH0jK,ssl=True,abortConnect=False"|};
        }
        """,
        Asa101.Verifier.Diagnostic("ASA101").WithLocation(0).WithArguments("database", "password in a connection string", "Zq8v…(32 chars)"));
}
