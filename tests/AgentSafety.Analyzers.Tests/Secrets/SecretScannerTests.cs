using System;
using System.Collections.Generic;
using System.Linq;
using AgentSafety.Analyzers.Secrets;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

public class SecretScannerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>(label, value, binding name, expected provider or null for a decoy). Labels, never values, name the cases.</summary>
    private static IEnumerable<(string Label, string Value, string? Name, string? Provider)> Corpus()
    {
        yield return ("github classic", FakeToken.Make("ghp_", 36), null, "GitHub");
        yield return ("github fine-grained", FakeToken.Make("github_pat_", 82, FakeToken.Alnum + "_"), null, "GitHub");
        yield return ("github oauth", FakeToken.Make("gho_", 36), null, "GitHub");
        yield return ("github app user", FakeToken.Make("ghu_", 36), null, "GitHub");
        yield return ("github app server", FakeToken.Make("ghs_", 36), null, "GitHub");
        yield return ("github refresh", FakeToken.Make("ghr_", 36), null, "GitHub");
        yield return ("gitlab pat", FakeToken.Make("glpat-", 20), null, "GitLab");
        yield return ("gitlab deploy", FakeToken.Make("gldt-", 24), null, "GitLab");
        yield return ("aws key id", FakeToken.Make("AKIA", 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), null, "AWS");
        yield return ("aws secret by name", FakeToken.Make(string.Empty, 40, FakeToken.Alnum + "/+"), "AwsSecretAccessKey", "AWS");
        yield return ("azure storage", "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + FakeToken.Make(string.Empty, 86, FakeToken.Alnum + "+/") + "==;EndpointSuffix=core.windows.net", null, "Azure Storage");
        yield return ("cosmos db", "AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=" + FakeToken.Make(string.Empty, 86, FakeToken.Alnum + "+/", seed: 5) + "==;", null, "Azure Cosmos DB");
        yield return ("cosmos emulator (published key)", "AccountEndpoint=https://localhost:8081/;AccountKey=C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==", null, null);
        yield return ("service bus", "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=" + FakeToken.Make(string.Empty, 43, FakeToken.Alnum + "+/") + "=", null, "Azure");
        yield return ("sas url", "https://acme.blob.core.windows.net/c?sv=2022-11-02&sr=c&sp=r&se=2026-12-01&sig=" + FakeToken.Make(string.Empty, 44, FakeToken.Alnum + "%"), null, "Azure");
        yield return ("gcp api key", FakeToken.Make("AIza", 35, FakeToken.Alnum + "_-"), null, "GCP");
        yield return ("stripe secret", FakeToken.Make("sk_live_", 24), null, "Stripe");
        yield return ("stripe restricted", FakeToken.Make("rk_live_", 24), null, "Stripe");
        yield return ("slack bot", "xoxb-" + FakeToken.Make(string.Empty, 12, "0123456789") + "-" + FakeToken.Make(string.Empty, 24), null, "Slack");
        yield return ("npm", FakeToken.Make("npm_", 36), null, "npm");
        yield return ("nuget", FakeToken.Make("oy2", 43, FakeToken.Lower), null, "NuGet");
        yield return ("openai project", FakeToken.Make("sk-proj-", 48, FakeToken.Alnum + "_-"), null, "OpenAI");
        yield return ("anthropic", FakeToken.Make("sk-ant-api03-", 93, FakeToken.Alnum + "_-") + "AA", null, "Anthropic");
        yield return ("digitalocean", FakeToken.Make("dop_v1_", 64, FakeToken.Hex), null, "DigitalOcean");
        yield return ("fly", FakeToken.Make("fo1_", 43, FakeToken.Alnum + "_-"), null, "Fly.io");
        yield return ("planetscale", FakeToken.Make("pscale_tkn_", 43), null, "PlanetScale");
        yield return ("doppler", FakeToken.Make("dp.pt.", 43), null, "Doppler");
        yield return ("vault", FakeToken.Make("hvs.", 90, FakeToken.Alnum + "_-"), null, "Vault");
        yield return ("terraform cloud", FakeToken.Make(string.Empty, 14, FakeToken.Lower) + ".atlasv1." + FakeToken.Make(string.Empty, 64, FakeToken.Lower), null, "Terraform Cloud");
        yield return ("pulumi", FakeToken.Make("pul-", 40, FakeToken.Hex), null, "Pulumi");
        yield return ("databricks", FakeToken.Make("dapi", 32, FakeToken.Hex), null, "Databricks");
        yield return ("twilio", FakeToken.Make("SK", 32, FakeToken.Hex), null, "Twilio");
        yield return ("sendgrid", FakeToken.Make("SG.", 22) + "." + FakeToken.Make(string.Empty, 43), null, "SendGrid");
        yield return ("supabase pat", FakeToken.Make("sbp_", 40, FakeToken.Hex), null, "Supabase");
        yield return ("vercel", FakeToken.Make("vcp_", 40), null, "Vercel");
        yield return ("cloudflare token", FakeToken.Make("cfut_", 40) + FakeToken.Make(string.Empty, 8, FakeToken.Hex), null, "Cloudflare");
        yield return ("cloudflare global key", FakeToken.Make(string.Empty, 37, FakeToken.Hex), "CloudflareApiKey", "Cloudflare");
        yield return ("railway by name", FakeToken.Uuid(3), "RAILWAY_API_TOKEN", "Railway");
        yield return ("jwt", "eyJhbGciOiJIUzI1NiJ9." + "eyJzdWIiOiIxMjM0NTY3ODkwIiwicm9sZSI6InNlcnZpY2Vfcm9sZSJ9" + "." + FakeToken.Make(string.Empty, 43, FakeToken.Alnum + "_-"), null, "Supabase");
        yield return ("pem", "-----BEGIN RSA PRIVATE KEY-----\nMIIEow" + FakeToken.Make(string.Empty, 64) + "\n-----END RSA PRIVATE KEY-----", null, "private key");
        yield return ("npgsql password", "Host=db.internal;Database=app;Username=app;Password=" + FakeToken.Make("Pw", 12), null, "database");
        yield return ("sql server pwd", "Server=sql.internal;Database=app;User Id=app;Pwd=" + FakeToken.Make("Z9", 10), null, "database");
        yield return ("postgres url", "postgres://app:" + FakeToken.Make("p", 14) + "@db.internal:5432/app", null, "URL");
        yield return ("mongodb srv url", "mongodb+srv://svc:" + FakeToken.Make("m", 14) + "@cluster0.example.net/app", null, "URL");
        yield return ("redis url", "redis://default:" + FakeToken.Make("r", 20) + "@cache.internal:6379", null, "URL");
        yield return ("password field", "S3cure-" + FakeToken.Make(string.Empty, 8), "DbPassword", "password");
        yield return ("generic api key", FakeToken.Make(string.Empty, 32), "PaymentsApiKey", "generic");
        yield return ("client secret", FakeToken.Make(string.Empty, 40, FakeToken.Alnum + "~._-"), "ClientSecret", "generic");

        // Issue 13: formats gitleaks and secretlint know, as bare literals.
        yield return ("shopify admin token", FakeToken.Make("shpat_", 32, FakeToken.Hex), null, "Shopify");
        yield return ("postman", "PMAK-" + FakeToken.Make(string.Empty, 24, FakeToken.Hex) + "-" + FakeToken.Make(string.Empty, 34, FakeToken.Hex, seed: 2), null, "Postman");
        yield return ("heroku v2", FakeToken.Make("HRKU-AA", 58, FakeToken.Alnum + "_-"), null, "Heroku");
        yield return ("grafana service account", FakeToken.Make("glsa_", 32) + "_" + FakeToken.Make(string.Empty, 8, FakeToken.Hex), null, "Grafana");
        yield return ("new relic user key", FakeToken.Make("NRAK-", 27, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), null, "New Relic");
        yield return ("linear", FakeToken.Make("lin_api_", 40), null, "Linear");
        yield return ("sentry user token", FakeToken.Make("sntryu_", 64, FakeToken.Hex), null, "Sentry");
        yield return ("1password service account", FakeToken.Make("ops_eyJ", 300, FakeToken.Alnum + "+/"), null, "1Password");
        yield return ("atlassian", FakeToken.Make("ATATT3", 186, FakeToken.Alnum + "_-"), null, "Atlassian");
        yield return ("azure ad client secret", "aB3" + "8Q~" + FakeToken.Make(string.Empty, 34, FakeToken.Alnum + "_~."), null, "Azure AD");
        yield return ("vault legacy", "s." + FakeToken.Make(string.Empty, 24, seed: 4), null, "Vault");
        yield return ("doppler service token", "dp.st.prd." + FakeToken.Make(string.Empty, 43), null, "Doppler");
        yield return ("slack app token", "xapp-1-A" + FakeToken.Make(string.Empty, 10, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") + "-" + FakeToken.Make(string.Empty, 13, "0123456789") + "-" + FakeToken.Make(string.Empty, 64, FakeToken.Hex), null, "Slack");
        yield return ("hugging face org", FakeToken.Make("api_org_", 34, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"), null, "Hugging Face");
        yield return ("aws sts key id", FakeToken.Make("ASIA", 16, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), null, "AWS");
        yield return ("password with percent and hash", "Server=db.internal;Database=app;User Id=app;Password=wteGSDU%ztdF#Y4LP7Vt", null, "database");
        yield return ("redis configuration password", "cache.internal:6380,password=" + FakeToken.Make("Rd", 30) + ",ssl=True,abortConnect=False", null, "database");
        yield return ("jwt key as words", "ThisIsMySuperSecretKeyForJwtTokens123!", "JwtKey", "JWT");
        yield return ("hex signing key", FakeToken.Make(string.Empty, 64, FakeToken.Hex, seed: 12), "SigningKey", "JWT");

        // Issue 13 decoys: placeholder-looking values and template holes.
        yield return ("slack counting placeholder", "xoxb-12345-abcd234", null, null);
        yield return ("gcp alphabet placeholder", "AIzaSyabcdefghijklmnopqrstuvwxyz1234567", null, null);
        yield return ("anthropic abc123 placeholder", "sk-ant-api03-abc123xyz" + FakeToken.Make(string.Empty, 80, FakeToken.Alnum + "_-") + "AA", null, null);
        yield return ("aws x placeholder", "AKIAXXXXXXXXXXXXXXXX", null, null);
        yield return ("windows variable password", "Server=db;Database=app;User Id=app;Password=%DB_PASSWORD%", null, null);
        yield return ("format hole password", "Server=db;Database=app;User Id=app;Password={0}", null, null);
        yield return ("cookie name under jwt", "X-Access-Token-Cookie", "JwtCookieKey", null);

        // Decoys: must stay quiet.
        yield return ("hugging face", FakeToken.Make("hf_", 34), null, "Hugging Face");
        yield return ("openai legacy", FakeToken.Make("sk-", 48), "OpenAiKey", "OpenAI");
        yield return ("hex auth token by name", FakeToken.Make(string.Empty, 32, FakeToken.Hex, seed: 3), "TwilioAuthToken", "generic");
        yield return ("bearer header value", "Bearer " + FakeToken.Make(string.Empty, 40, seed: 4), "Authorization", "HTTP");
        yield return ("bearer header value at the shortest credential", "Bearer " + FakeToken.Make(string.Empty, 16, seed: 5), "Authorization", "HTTP");
        yield return ("bearer header template", "Bearer {0}", "Authorization", null);
        yield return ("bearer header placeholder", "Bearer <YOUR_TOKEN>", "Authorization", null);
        yield return ("etag", FakeToken.Make(string.Empty, 32, FakeToken.Hex, seed: 8), "ETag", null);
        yield return ("md5 by name", FakeToken.Make(string.Empty, 32, FakeToken.Hex, seed: 9), "ExpectedMd5", null);
        yield return ("token hash", FakeToken.Make(string.Empty, 64, FakeToken.Hex, seed: 10), "TokenHash", null);
        yield return ("css class with sk- prefix", "sk-button-primary-large-rounded-outline-hover-state-x", "CssClass", null);
        yield return ("aws documentation example", "AKIAIOSFODNN7EXAMPLE", null, null);
        yield return ("aws documentation secret", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "AwsSecretAccessKey", null);
        yield return ("stripe publishable", FakeToken.Make("pk_live_", 24), null, null);
        yield return ("placeholder", "your-api-key-here", "ApiKey", null);
        yield return ("angle placeholder", "<TOKEN>", "Token", null);
        yield return ("env placeholder", "${GITHUB_TOKEN}", "Token", null);
        yield return ("format template", "Bearer {0}", "AuthHeader", null);
        yield return ("changeme", "changeme", "Password", null);
        yield return ("redacted", "REDACTED", "Secret", null);
        yield return ("masked", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", null, null);
        yield return ("guid id", FakeToken.Uuid(5), "TenantId", null);
        yield return ("guid correlation", FakeToken.Uuid(6), "CorrelationId", null);
        yield return ("sha256", FakeToken.Make(string.Empty, 64, FakeToken.Hex), "ContentHash", null);
        yield return ("sri", "sha384-" + FakeToken.Make(string.Empty, 64), "Integrity", null);
        yield return ("git sha", FakeToken.Make(string.Empty, 40, FakeToken.Hex), "CommitSha", null);
        yield return ("public key", "ssh-ed25519 " + FakeToken.Make("AAAAC3Nza", 60) + " ops@example", "PublicKey", null);
        yield return ("url without credentials", "https://api.example.com/v1/users?page=2", "Endpoint", null);
        yield return ("env var name", "GITHUB_TOKEN", "TokenVariable", null);
        yield return ("header name", "X-Api-Key", "ApiKeyHeader", null);
        yield return ("integrated security", "Server=sql.internal;Database=app;Integrated Security=true", null, null);
        yield return ("emulator", "UseDevelopmentStorage=true", "StorageConnectionString", null);
        yield return ("ui text", "Please enter your password", "PasswordPrompt", null);
        yield return ("password question", "What was the name of your first pet?", "PasswordQuestion", null);
        yield return ("base64 image", "data:image/png;base64,iVBORw0KGgo" + FakeToken.Make(string.Empty, 60), "LogoImage", null);
        yield return ("connection string placeholder", "Host=db;Database=app;Username=app;Password={password}", null, null);
        yield return ("supabase anon", "eyJhbGciOiJIUzI1NiJ9." + "eyJyb2xlIjoiYW5vbiIsInJlZiI6ImFiY2RlZiJ9" + "." + FakeToken.Make(string.Empty, 43, FakeToken.Alnum + "_-"), "SupabaseAnonKey", null);
        yield return ("plain word", "configuration", "Secret", null);
        yield return ("railway id not token", FakeToken.Uuid(7), "RailwayProjectId", null);
        yield return ("camel identifier", "ThisIsAVeryLongCamelCaseIdentifierName", "TokenType", null);
        yield return ("version", "1.2.3-preview.4", "ApiVersion", null);
    }

    public static TheoryData<string> Labels()
    {
        var data = new TheoryData<string>();
        foreach (var item in Corpus())
        {
            data.Add(item.Label);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Labels))]
    public void Classifies_each_labelled_case(string label)
    {
        var (_, value, name, provider) = Corpus().Single(c => c.Label == label);

        var findings = SecretScanner.Scan(value, name).Where(f => f.IsSecret).ToList();

        if (provider is null)
        {
            Assert.Empty(findings);
        }
        else
        {
            Assert.Contains(findings, f => f.Provider == provider);
        }
    }

    [Fact]
    public void Recall_and_precision_on_the_labelled_set_are_at_least_0_95()
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var (_, value, name, provider) in Corpus())
        {
            var found = SecretScanner.Scan(value, name).Any(f => f.IsSecret);
            if (provider is not null && found) tp++;
            else if (provider is not null) fn++;
            else if (found) fp++;
        }

        var recall = (double)tp / (tp + fn);
        var precision = (double)tp / (tp + fp);
        output.WriteLine($"labelled set: recall {recall:F3}, precision {precision:F3} (tp {tp}, fp {fp}, fn {fn})");
        Assert.True(recall >= 0.95 && precision >= 0.95, $"recall {recall:F2}, precision {precision:F2} (tp {tp}, fp {fp}, fn {fn})");
    }

    [Theory]
    [InlineData("ghp_", 36, "a GitHub classic personal access token")]
    [InlineData("sk_live_", 24, "a Stripe secret key")]
    public void Over_scoped_provider_tokens_name_the_narrower_form(string prefix, int length, string expected)
    {
        var finding = SecretScanner.Scan(FakeToken.Make(prefix, length), null).Single(f => f.OverScope is not null);

        Assert.StartsWith(expected, finding.OverScope, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(finding.Narrower));
    }

    [Theory]
    [InlineData("Server=sql.internal;Database=app;User ID=sa;Password=x", "sa")]
    [InlineData("Host=db;Database=app;Username=postgres", "postgres")]
    [InlineData("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=abc", "RootManageSharedAccessKey")]
    [InlineData("{ \"Effect\": \"Allow\", \"Action\": \"*\", \"Resource\": \"*\" }", "every action on every resource")]
    [InlineData("https://acme.blob.core.windows.net/?sv=2022-11-02&ss=bfqt&srt=sco&sp=rwdlacup&st=2026-01-01&se=2027-01-01&sig=abcdefabcdefabcdefabcdefabcdefabcd", "account SAS")]
    public void Over_scope_signals_in_text_are_found(string text, string expected)
        => AssertOverScope(text, expected);

    [Fact]
    public void A_cosmos_db_key_is_named_as_cosmos_not_storage_and_is_over_scoped()
    {
        var text = "AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=" + FakeToken.Make(string.Empty, 86, FakeToken.Alnum + "+/", seed: 5) + "==;";

        var finding = Assert.Single(SecretScanner.Scan(text, null));

        Assert.Equal("Azure Cosmos DB", finding.Provider);
        Assert.StartsWith("a Cosmos DB account key", finding.OverScope, StringComparison.Ordinal);
        Assert.Equal("COSMOS_CONNECTION_STRING", finding.EnvironmentVariable);
    }

    private static void AssertOverScope(string text, string expected)
    {
        var findings = SecretScanner.Scan(text, null).Where(f => f.OverScope is not null).ToList();

        Assert.Contains(findings, f => f.OverScope!.Contains(expected, StringComparison.Ordinal) || f.Kind.Contains(expected, StringComparison.Ordinal) || text.Substring(f.Start, f.Length).Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Redaction_shows_at_most_four_characters_and_the_length()
    {
        var token = FakeToken.Make("ghp_", 36);

        var shown = SecretScanner.Redact(token);

        Assert.Equal("ghp_…(40 chars)", shown);
        Assert.DoesNotContain(token.Substring(4, 6), shown, StringComparison.Ordinal);
        Assert.Equal("ab…(8 chars)", SecretScanner.Redact("abcdefgh"));
    }

    [Fact]
    public void Huge_and_pathological_values_do_not_throw()
    {
        Assert.Empty(SecretScanner.Scan(new string('a', 1_000_000), "token"));
        SecretScanner.Scan(string.Concat(Enumerable.Repeat("Password=;", 20_000)), null);
        SecretScanner.Scan("mutation " + new string('-', 100_000), "secret");
    }

    [Fact]
    public void A_literal_scanned_with_its_name_read_on_demand_gives_what_it_gives_with_the_name_read_first()
    {
        // Every shape ScanBound's order depends on: spaced text under a secret name and under Authorization (one space,
        // two, a leading one, a short credential), a URL, a placeholder, bare values under secret and plain names, a
        // format token whose over-scope reads the name, and no name at all.
        var token = FakeToken.Make(string.Empty, 40, seed: 4);
        var values = new[]
        {
            "Bearer " + token, "Bearer  " + token + "  ", " Bearer " + token, "Bearer abc", "Bearer " + token + " x", token, " " + token,
            "hunter2 is the password", "https://user:" + token + "@example.org/", "your-api-key-here", "P@ssw0rd!2024x", FakeToken.Make("ghp_", 36),
            FakeToken.Uuid(11), FakeToken.Make(string.Empty, 32, FakeToken.Hex, seed: 5), "Data Source=db;Password=" + token,
        };
        var places = new[] { "string password = {0};", "string apiToken = {0};", "string title = {0};", "void M(System.Net.Http.HttpClient h) => h.DefaultRequestHeaders.Add(\"Authorization\", {0});", "void M() => System.Console.WriteLine({0});", "string RAILWAY_TOKEN = {0};" };
        var compared = 0;
        foreach (var place in places)
        {
            foreach (var value in values)
            {
                var source = "class C { " + string.Format(System.Globalization.CultureInfo.InvariantCulture, place, Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true)) + " }";
                var literal = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source).GetRoot().DescendantNodes()
                    .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax>().Last();
                var eager = SecretScanner.Scan(value, AgentSafety.Analyzers.Common.Bindings.BindingName(literal));
                var lazy = SecretScanner.ScanLiteral(value, literal);
                Assert.Equal(eager.Select(Describe), lazy.Select(Describe));
                compared += eager.Count;

                // The Authorization branch reads spaced text: the header credential after one space or two is found there
                // and only there; after a leading space, or with a space inside, it is not.
                var header = place.Contains("Authorization", StringComparison.Ordinal);
                var credential = value.StartsWith("Bearer ", StringComparison.Ordinal) && value.TrimEnd().Substring(7).Trim() == token;
                if (value.Contains("Bearer", StringComparison.Ordinal))
                {
                    Assert.Equal(header && credential, lazy.Any(f => f.Kind == "Authorization header credential"));
                }
            }
        }

        // The cases find something, or the comparison would hold for a scan that finds nothing.
        Assert.True(compared >= 20, $"{compared} findings compared");
    }

    [Fact]
    public void The_first_pass_reads_ascii_text_by_table_as_the_character_by_character_pass_does()
    {
        // Every ASCII character alone, after every other (the pairs the markers and classes are made of), the two runs
        // searched for afterwards whole and cut, and text outside ASCII, which takes the character-by-character pass.
        var texts = new List<string>();
        for (var a = 0; a < 128; a++)
        {
            texts.Add(((char)a).ToString());
            for (var b = 0; b < 128; b++)
            {
                texts.Add(new string(new[] { (char)a, (char)b }));
            }
        }

        texts.AddRange(new[] { "https://x", ":/", "//", "a:/ /b", ":///", "eyJhbGci", "ey J", "EYJ", "yJ", "eyj", "x@y=z;\"q\"", "token_2024-01.v1+x/y:z@w;" });
        texts.AddRange(new[] { "caf\u00e9 eyJ://", "\u0661\u0662", "\u2212=", "\u0130stanbul:/" });
        var withMarkers = 0;
        foreach (var text in texts)
        {
            var expected = SecretScanner.FirstPassWithOtherCharacters(text);
            Assert.Equal(expected, SecretScanner.FirstPass(text));
            withMarkers += expected.Markers != SecretScanner.Markers.None ? 1 : 0;
        }

        // Each marker is met, so a table that lost one would differ above.
        foreach (var marker in new[] { SecretScanner.Markers.EqualsSign, SecretScanner.Markers.At, SecretScanner.Markers.Quote, SecretScanner.Markers.SchemeSeparator, SecretScanner.Markers.JwtStart })
        {
            Assert.Contains(texts, t => (SecretScanner.FirstPassWithOtherCharacters(t).Markers & marker) != 0);
        }

        Assert.True(withMarkers > 500, $"{withMarkers} texts with markers");
    }

    private static string Describe(SecretFinding f) => $"{f.Provider}|{f.Kind}|{f.Start}|{f.Length}|{f.EnvironmentVariable}|{f.OverScope}|{f.IsSecret}";
}
