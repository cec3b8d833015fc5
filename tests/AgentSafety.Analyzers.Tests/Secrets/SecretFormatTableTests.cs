using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AgentSafety.Analyzers.Secrets;
using AgentSafety.Analyzers.Tests.Foundation;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>
/// The provider table is validated here, not by a static initialiser: every row compiles, is reachable through the pair
/// index, and recognises a token of its own shape written as a bare literal, with no name to help.
/// </summary>
public class SecretFormatTableTests
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Base32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private const string Url = FakeToken.Alnum + "_-";
    private const string LowerAlnum = "abcdefghijklmnopqrstuvwxyz0123456789";
    private const string UpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private static string M(string prefix, int length, string alphabet = FakeToken.Alnum, int seed = 1) => FakeToken.Make(prefix, length, alphabet, seed);

    /// <summary>One token of each bare row's shape, built at run time (see <see cref="FakeToken"/>).</summary>
    internal static readonly Dictionary<string, Func<string>> Samples = new()
    {
        ["github-pat"] = () => M("ghp_", 36),
        ["github-fine-grained-pat"] = () => M("github_pat_", 82, FakeToken.Alnum + "_"),
        ["github-app-token"] = () => M("ghs_", 36),
        ["gitlab-token"] = () => M("glpat-", 20, Url),
        ["gitlab-rrt"] = () => M("GR1348941", 20, Url),
        ["gitlab-session-cookie"] = () => M("_gitlab_session=", 32, LowerAlnum),
        ["aws-access-token"] = () => M("ASIA", 16, Base32),
        ["aws-amazon-bedrock-api-key-long-lived"] = () => M("ABSK", 120, FakeToken.Alnum + "+/"),
        ["azure-storage-account-key"] = () => "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=" + M(string.Empty, 86, FakeToken.Alnum + "+/") + "==",
        ["azure-cosmos-account-key"] = () => "AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey=" + M(string.Empty, 86, FakeToken.Alnum + "+/") + "==",
        ["azure-shared-access-key"] = () => "Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Send;SharedAccessKey=" + M(string.Empty, 43, FakeToken.Alnum + "+/") + "=",
        ["azure-sas-token"] = () => "https://acme.blob.core.windows.net/c?sv=2022-11-02&sr=c&sp=r&sig=" + M(string.Empty, 44, FakeToken.Alnum + "%"),
        ["azure-ad-client-secret"] = () => M(string.Empty, 3, FakeToken.Alnum) + "8Q~" + M(string.Empty, 34, FakeToken.Alnum + "_~.", seed: 2),
        ["gcp-api-key"] = () => M("AIza", 35, Url),
        ["stripe-secret-key"] = () => M("sk_live_", 24),
        ["stripe-restricted-key"] = () => M("rk_live_", 24),
        ["slack-bot-token"] = () => "xoxb-" + M(string.Empty, 12, "0123456789") + "-" + M(string.Empty, 13, "0123456789", seed: 2) + "-" + M(string.Empty, 24),
        ["slack-user-token"] = () => "xoxp-" + M(string.Empty, 12, "0123456789") + "-" + M(string.Empty, 12, "0123456789", seed: 2) + "-" + M(string.Empty, 12, "0123456789", seed: 3) + "-" + M(string.Empty, 32, FakeToken.Hex),
        ["slack-legacy-token"] = () => "xoxs-" + M(string.Empty, 10, "0123456789") + "-" + M(string.Empty, 10, "0123456789", seed: 2) + "-" + M(string.Empty, 11, "0123456789", seed: 3) + "-" + M(string.Empty, 64, FakeToken.Hex),
        ["slack-app-token"] = () => "xapp-1-" + M(string.Empty, 11, UpperAlnum) + "-" + M(string.Empty, 13, "0123456789") + "-" + M(string.Empty, 64, FakeToken.Hex),
        ["slack-config-token"] = () => "xoxe-1-" + M(string.Empty, 146, UpperAlnum),
        ["slack-webhook-url"] = () => "https://hooks.slack.com/services/T" + M(string.Empty, 8, UpperAlnum) + "/B" + M(string.Empty, 8, UpperAlnum, 2) + "/" + M(string.Empty, 24),
        ["npm-access-token"] = () => M("npm_", 36),
        ["nuget-api-key"] = () => M("oy2", 43, FakeToken.Lower),
        ["pypi-upload-token"] = () => PyPiToken("{\"version\": 1, \"permissions\": {\"projects\": [\"acme\"]}}"),
        ["rubygems-api-token"] = () => M("rubygems_", 48, FakeToken.Hex),
        ["clojars-api-token"] = () => M("CLOJARS_", 60, LowerAlnum),
        ["docker-pat"] = () => M("dckr_pat_", 27, Url),
        ["artifactory-api-key"] = () => M("AKCp", 69),
        ["artifactory-reference-token"] = () => M("cmVmd", 59),
        ["openai-api-key"] = () => M("sk-proj-", 48, Url),
        ["anthropic-api-key"] = () => M("sk-ant-api03-", 93, Url) + "AA",
        ["huggingface-access-token"] = () => M("hf_", 34),
        ["huggingface-organization-api-token"] = () => M("api_org_", 34, Upper + "abcdefghijklmnopqrstuvwxyz"),
        ["perplexity-api-key"] = () => M("pplx-", 48),
        ["groq-api-key"] = () => M("gsk_", 52),
        ["digitalocean-token"] = () => M("dop_v1_", 64, FakeToken.Hex),
        ["flyio-access-token"] = () => M("fo1_", 43, Url),
        ["planetscale-token"] = () => M("pscale_tkn_", 43),
        ["doppler-token"] = () => "dp.st.prd." + M(string.Empty, 43),
        ["vault-token"] = () => M("hvs.", 90, Url),
        ["vault-legacy-service-token"] = () => "s." + M(string.Empty, 24, seed: 4),
        ["hashicorp-tf-api-token"] = () => M(string.Empty, 14, FakeToken.Lower) + ".atlasv1." + M(string.Empty, 64, FakeToken.Lower),
        ["pulumi-api-token"] = () => M("pul-", 40, FakeToken.Hex),
        ["databricks-api-token"] = () => M("dapi", 32, FakeToken.Hex),
        ["supabase-pat"] = () => M("sbp_", 40, FakeToken.Hex),
        ["vercel-token"] = () => M("vcp_", 40),
        ["cloudflare-api-token"] = () => M("cfat_", 40) + M(string.Empty, 8, FakeToken.Hex),
        ["cloudflare-origin-ca-key"] = () => "v1.0-" + M(string.Empty, 24, FakeToken.Hex) + "-" + M(string.Empty, 146, FakeToken.Hex, 2),
        ["heroku-api-key-v2"] = () => M("HRKU-AA", 58, Url),
        ["openshift-user-token"] = () => M("sha256~", 43, Url),
        ["scalingo-api-token"] = () => M("tk-us-", 48, Url),
        ["tailscale-key"] = () => "tskey-auth-" + M(string.Empty, 12) + "-" + M(string.Empty, 32, FakeToken.Alnum, 2),
        ["infracost-api-token"] = () => M("ico-", 32),
        ["harness-api-key"] = () => "pat." + M(string.Empty, 22, Url) + "." + M(string.Empty, 24, FakeToken.Alnum, 2) + "." + M(string.Empty, 20, FakeToken.Alnum, 3),
        ["octopus-deploy-api-key"] = () => M("API-", 26, UpperAlnum),
        ["dynatrace-api-token"] = () => "dt0c01." + M(string.Empty, 24, UpperAlnum) + "." + M(string.Empty, 64, UpperAlnum, 2),
        ["clickhouse-cloud-api-secret-key"] = () => M("4b1d", 38),
        ["alibaba-access-key-id"] = () => M("LTAI", 20),
        ["age-secret-key"] = () => M("AGE-SECRET-KEY-1", 58, "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L"),
        ["grafana-service-account-token"] = () => M("glsa_", 32) + "_" + M(string.Empty, 8, FakeToken.Hex),
        ["grafana-cloud-api-token"] = () => M("glc_", 60, FakeToken.Alnum + "+/"),
        ["grafana-api-key"] = () => M("eyJrIjoi", 80),
        ["sentry-user-token"] = () => M("sntryu_", 64, FakeToken.Hex),
        ["sentry-org-token"] = () => "sntrys_eyJpYXQiO" + M(string.Empty, 40) + "LCJyZWdpb25fdXJs" + M(string.Empty, 40, FakeToken.Alnum, 2) + "_" + M(string.Empty, 43, FakeToken.Alnum, 3),
        ["new-relic-user-api-key"] = () => M("NRAK-", 27, UpperAlnum),
        ["new-relic-insert-key"] = () => M("NRII-", 32, FakeToken.Alnum + "-"),
        ["linear-api-key"] = () => M("lin_api_", 40),
        ["atlassian-api-token"] = () => M("ATATT3", 186, Url),
        ["1password-service-account-token"] = () => M("ops_eyJ", 300, FakeToken.Alnum + "+/"),
        ["1password-secret-key"] = () => "A3-" + M(string.Empty, 6, UpperAlnum) + "-" + M(string.Empty, 11, UpperAlnum, 2) + "-" + M(string.Empty, 5, UpperAlnum, 3) + "-" + M(string.Empty, 5, UpperAlnum, 4) + "-" + M(string.Empty, 5, UpperAlnum, 5),
        ["postman-api-token"] = () => "PMAK-" + M(string.Empty, 24, FakeToken.Hex) + "-" + M(string.Empty, 34, FakeToken.Hex, 2),
        ["figma-pat"] = () => M("figd_", 40, Url),
        ["notion-api-token"] = () => "ntn_" + M(string.Empty, 11, "0123456789") + M(string.Empty, 35),
        ["sourcegraph-access-token"] = () => M("sgp_", 40, FakeToken.Hex),
        ["prefect-api-token"] = () => M("pnu_", 36),
        ["readme-api-token"] = () => M("rdme_", 70, LowerAlnum),
        ["frameio-api-token"] = () => M("fio-u-", 64, Url),
        ["typeform-api-token"] = () => M("tfp_", 59, Url),
        ["settlemint-token"] = () => M("sm_pat_", 16),
        ["maxmind-license-key"] = () => M(string.Empty, 6) + "_" + M(string.Empty, 29, FakeToken.Alnum, 2) + "_mmk",
        ["intra42-client-secret"] = () => M("s-s4t2ud-", 64, FakeToken.Hex),
        ["adobe-client-secret"] = () => M("p8e-", 32),
        ["airtable-personal-access-token"] = () => M("pat", 14) + "." + M(string.Empty, 64, FakeToken.Hex),
        ["twilio-api-key"] = () => M("SK", 32, FakeToken.Hex),
        ["sendgrid-api-token"] = () => M("SG.", 22, Url) + "." + M(string.Empty, 43, Url, 2),
        ["sendinblue-api-token"] = () => "xkeysib-" + M(string.Empty, 64, FakeToken.Hex) + "-" + M(string.Empty, 16),
        ["mailgun-private-api-token"] = () => M("key-", 32, FakeToken.Hex),
        ["mailchimp-api-key"] = () => M(string.Empty, 32, FakeToken.Hex) + "-us14",
        ["microsoft-teams-webhook"] = () => "https://acme.webhook.office.com/webhookb2/" + FakeToken.Uuid(1) + "@" + FakeToken.Uuid(2) + "/IncomingWebhook/" + M(string.Empty, 32, FakeToken.Hex) + "/" + FakeToken.Uuid(3),
        ["telegram-bot-api-token"] = () => M(string.Empty, 10, "0123456789") + ":AA" + M(string.Empty, 33, Url),
        ["facebook-page-access-token"] = () => M("EAAC", 120),
        ["square-access-token"] = () => M("sq0atp-", 22, Url),
        ["shippo-api-token"] = () => M("shippo_live_", 40, FakeToken.Hex),
        ["duffel-api-token"] = () => M("duffel_live_", 43, Url),
        ["easypost-api-token"] = () => M("EZAK", 54),
        ["flutterwave-secret-key"] = () => M("FLWSECK_TEST-", 32, FakeToken.Hex) + "-X",
        ["plaid-api-token"] = () => "access-production-" + FakeToken.Uuid(4),
        ["shopify-access-token"] = () => M("shpat_", 32, FakeToken.Hex),
        ["shopify-custom-access-token"] = () => M("shpca_", 32, FakeToken.Hex),
        ["shopify-private-app-access-token"] = () => M("shppa_", 32, FakeToken.Hex),
        ["shopify-shared-secret"] = () => M("shpss_", 32, FakeToken.Hex),
        ["private-key"] = () => "-----BEGIN OPENSSH PRIVATE KEY-----\n" + M(string.Empty, 64) + "\n-----END OPENSSH PRIVATE KEY-----",
    };

    /// <summary>One (binding name, token) of each named row's shape.</summary>
    internal static readonly Dictionary<string, (string Name, Func<string> Value)> NamedSamples = new()
    {
        ["railway-project-token"] = ("RailwayProjectToken", () => FakeToken.Uuid(21)),
        ["railway-project-token-variable"] = ("RAILWAY_TOKEN", () => FakeToken.Uuid(22)),
        ["railway-api-token"] = ("RailwayToken", () => FakeToken.Uuid(23)),
        ["cloudflare-global-api-key"] = ("CloudflareApiKey", () => M(string.Empty, 37, FakeToken.Hex)),
        ["cloudflare-api-key"] = ("CLOUDFLARE_API_TOKEN", () => M(string.Empty, 40, Url)),
        ["aws-secret-access-key"] = ("AwsSecretAccessKey", () => M(string.Empty, 40, FakeToken.Alnum + "/+")),
        ["heroku-api-key"] = ("HEROKU_API_KEY", () => FakeToken.Uuid(24)),
        ["okta-access-token"] = ("OktaApiToken", () => M("00", 40, Url)),
        ["atlassian-api-token-legacy"] = ("JiraApiToken", () => M(string.Empty, 20, LowerAlnum) + M(string.Empty, 4, FakeToken.Hex, 2)),
        ["sentry-access-token"] = ("SentryAuthToken", () => M(string.Empty, 64, FakeToken.Hex)),
        ["jfrog-api-key"] = ("ArtifactoryApiKey", () => M(string.Empty, 73)),
        ["netlify-access-token"] = ("NetlifyAuthToken", () => M(string.Empty, 43, Url)),
        ["mailgun-signing-key"] = ("MailgunSigningKey", () => M(string.Empty, 32, "abcdefgh0123456789") + "-" + M(string.Empty, 8, "abcdefgh0123456789", 2) + "-" + M(string.Empty, 8, "abcdefgh0123456789", 3)),
        ["cohere-api-key"] = ("CohereApiKey", () => M(string.Empty, 40)),
        ["jwt-signing-key"] = ("Jwt:Key", () => "ThisIsMySuperSecretKeyForJwtTokens123!"),
        ["signing-key"] = ("SigningKey", () => M(string.Empty, 64, FakeToken.Hex)),
        ["datadog-api-key"] = ("DatadogApiKey", () => M(string.Empty, 32, FakeToken.Hex)),
    };

    /// <summary>A PyPI-shaped macaroon: the real location header (pypi.org), random identifier bytes and the given caveat.</summary>
    internal static string PyPiToken(string caveat)
    {
        var bytes = new List<byte> { 0x02, 0x01, 0x08 };
        bytes.AddRange(Encoding.ASCII.GetBytes("pypi.org"));
        bytes.Add(0x02);
        bytes.Add(0x20);
        bytes.AddRange(Encoding.ASCII.GetBytes(M(string.Empty, 32)));
        bytes.AddRange(new byte[] { 0x00, 0x02, 0x30 });
        bytes.AddRange(Encoding.ASCII.GetBytes(caveat));
        bytes.AddRange(Encoding.ASCII.GetBytes(M(string.Empty, 40, FakeToken.Alnum, 9)));
        return "pypi-" + Convert.ToBase64String(bytes.ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static TheoryData<string> BareIds() => new(SecretFormats.Bare.Select(f => f.Id));

    public static TheoryData<string> NamedIds() => new(SecretFormats.Named.Select(f => f.Id));

    [Fact]
    public void Every_row_is_well_formed()
    {
        var all = SecretFormats.Bare.Concat(SecretFormats.Named).ToList();

        Assert.Equal(all.Count, all.Select(f => f.Id).Distinct().Count());
        Assert.All(all, f => Assert.True(f.Pattern is not null, f.Id + ": the pattern does not compile"));
        Assert.All(SecretFormats.Bare, f => Assert.True(f.Anchors.Length > 0 && f.Anchors.All(a => a.Length >= 2), f.Id + ": a bare row needs anchors of two or more characters"));
        Assert.All(SecretFormats.Named, f => Assert.True(f.NameAll is not null || f.NameAny is not null || f.NameExact is not null, f.Id + ": a named row needs a name condition"));
        Assert.All(SecretFormats.Named, f => Assert.True(f.Source.StartsWith("^", StringComparison.Ordinal) && f.Source.EndsWith("$", StringComparison.Ordinal), f.Id + ": a named row matches the whole value"));
        Assert.All(all, f => Assert.True((f.OverScope is null) == (f.Narrower is null), f.Id + ": an over-scope names the narrower credential"));
        Assert.True(SecretFormats.Bare.Length > 64, "the table outgrew the 64 rules the old bit mask could hold, and rows after the 64th must still be found");
    }

    [Fact]
    public void The_pair_index_holds_every_row_and_takes_a_one_character_anchor_without_throwing()
    {
        var formats = Enumerable.Range(0, 70)
            .Select(i => new SecretFormat("row" + i, "P", "k", "E", new[] { i == 69 ? "Z" : "q" + (char)('A' + (i % 26)) + i }, "x"))
            .ToArray();

        var index = SecretScanner.FormatIndex.Build(formats, SecretFormats.Variables);

        Assert.Equal(2, index.Words);
        Assert.Equal(new[] { 69 }, index.Always);
        Assert.Contains(68, index.ByPair[('q' * 128) + 'A' + (68 % 26)]!);
        Assert.Contains(index.AnchorsByPair[('q' * 128) + 'A' + (68 % 26)]!, a => a.Format == 68 && a.Text == "q" + (char)('A' + (68 % 26)) + 68);
        Assert.True(index.AnchorsByPair[('q' * 128) + 'A' + (68 % 26)]!.Single(a => a.Format == 68).IsAt("xx q" + (char)('A' + (68 % 26)) + "68", 3));
        Assert.False(index.AnchorsByPair[('q' * 128) + 'A' + (68 % 26)]!.Single(a => a.Format == 68).IsAt("xx q" + (char)('A' + (68 % 26)) + "6", 3));
        Assert.Equal(Enumerable.Range(0, 69).Count(i => i % 26 == 0), index.ByPair[('q' * 128) + 'A']!.Length);
    }

    [Fact]
    public void The_anchor_index_finds_every_anchor_whole_in_each_case_it_is_compared_in_and_at_the_end_of_the_text()
    {
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        for (var i = 0; i < SecretFormats.Bare.Length; i++)
        {
            var format = SecretFormats.Bare[i];
            foreach (var anchor in format.Anchors.Where(a => a.All(c => c < 128)))
            {
                var spellings = format.AnchorComparison == StringComparison.OrdinalIgnoreCase
                    ? new[] { anchor, anchor.ToUpperInvariant(), anchor.ToLowerInvariant(), new string(anchor.Select((c, n) => n % 2 == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)).ToArray()) }
                    : new[] { anchor };
                foreach (var text in spellings.SelectMany(s => new[] { "x " + s + " y", "x " + s, s + "0", s }))
                {
                    var found = index.FoundAnchors(text);
                    Assert.True(found is not null && (found[i >> 6] & (1UL << (i & 63))) != 0, $"{format.Id}: anchor '{text}' not found");
                }
            }
        }

        // The second table must turn text away: set for every pair and character, it would cost a read and save none.
        var set = index.TripleBits.Sum(word => Enumerable.Range(0, 64).Count(b => (word & (1UL << b)) != 0));
        Assert.InRange(set, 1, SecretScanner.FormatIndex.TripleTableBits / 8);
    }

    [Fact]
    public void A_row_whose_match_opens_with_its_anchor_after_no_letter_or_digit_is_not_tried_on_an_anchor_inside_a_word()
    {
        var opening = SecretFormats.Bare.Where(f => f.AnchorOpensMatch).Select(f => f.Id).ToList();

        // The rows the index now passes over inside words (Vault's "s." in "bytes.", Airtable's "pat" in "path"), and two
        // whose anchor sits inside the match or after a letter (Azure AD's "Q~", Mailchimp's "-us"), which it must not.
        Assert.Contains("vault-legacy-service-token", opening);
        Assert.Contains("airtable-personal-access-token", opening);
        Assert.Contains("github-pat", opening);
        Assert.DoesNotContain("azure-ad-client-secret", opening);
        Assert.DoesNotContain("mailchimp-api-key", opening);
        Assert.DoesNotContain("openai-api-key", opening);

        // What the pattern says, checked against the pattern itself: its own sample after a letter or a digit never
        // matches, after a space it does. A row read wrongly from its pattern would lose findings; this fails first.
        foreach (var format in SecretFormats.Bare.Where(f => f.AnchorOpensMatch))
        {
            var token = Samples[format.Id]();
            Assert.True(format.Pattern!.IsMatch("key " + token), format.Id + ": sample after a space");
            Assert.False(format.Pattern.IsMatch("x" + token), format.Id + ": sample after a letter");
            Assert.False(format.Pattern.IsMatch("7" + token), format.Id + ": sample after a digit");
        }

        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        var vault = Array.FindIndex(SecretFormats.Bare, f => f.Id == "vault-legacy-service-token");
        bool Finds(string text) => index.FoundAnchors(text) is { } found && (found[vault >> 6] & (1UL << (vault & 63))) != 0;
        Assert.False(Finds("Error reading bytes. Unexpected token: {0}."));
        Assert.True(Finds("token: s.0123456789abcdefABCDEFGH"));
        Assert.True(Finds("s.0123456789abcdefABCDEFGH"));
    }

    [Fact]
    public void The_variable_name_lengths_the_scan_compares_include_every_name_and_share_one_bit_from_63_characters()
    {
        var variables = new[]
        {
            new OverScopedVariable("RAILWAY_API_TOKEN", "Railway", "RAILWAY_TOKEN", "scope", "narrower"),
            new OverScopedVariable(new string('A', 70), "P", "N", "scope", "narrower"),
        };

        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, variables);

        Assert.Equal((1UL << "RAILWAY_API_TOKEN".Length) | (1UL << 63), index.VariableLengths);
        Assert.Contains(SecretScanner.Scan("RAILWAY_API_TOKEN", null), f => f.Provider == "Railway" && !f.IsSecret);
    }

    [Theory]
    [MemberData(nameof(BareIds))]
    public void Each_bare_format_is_found_as_a_bare_literal(string id)
    {
        Assert.True(Samples.TryGetValue(id, out var sample), "no sample for " + id + ": add one to SecretFormatTableTests.Samples");
        var format = SecretFormats.Bare.Single(f => f.Id == id);
        var token = sample!();

        var findings = SecretScanner.Scan(token, null).Where(f => f.IsSecret).ToList();
        var inText = SecretScanner.Scan("prefix " + token + " suffix", null).Where(f => f.IsSecret).ToList();

        // Text outside ASCII takes the scanner's other path (every format whose first two characters are seen).
        var inAccentedText = SecretScanner.Scan("clé : " + token + " — fin", null).Where(f => f.IsSecret).ToList();

        Assert.Contains(findings, f => f.Provider == format.Provider && f.Kind == format.Kind);
        Assert.Contains(inText, f => f.Provider == format.Provider);
        Assert.Contains(inAccentedText, f => f.Provider == format.Provider);
    }

    [Theory]
    [MemberData(nameof(NamedIds))]
    public void Each_named_format_is_found_under_its_name_and_not_without_it(string id)
    {
        Assert.True(NamedSamples.TryGetValue(id, out var sample), "no sample for " + id + ": add one to SecretFormatTableTests.NamedSamples");
        var format = SecretFormats.Named.Single(f => f.Id == id);
        var value = sample.Value();
        var colon = sample.Name.LastIndexOf(':');
        var (scope, name) = colon < 0 ? (null, sample.Name) : (sample.Name.Substring(0, colon), sample.Name.Substring(colon + 1));

        var named = SecretScanner.Scan(value, name, scope);
        var unnamed = SecretScanner.Scan(value, "Value");

        Assert.Contains(named, f => f.Provider == format.Provider && f.Kind == format.Kind && f.IsSecret);
        Assert.DoesNotContain(unnamed, f => f.Provider == format.Provider);
    }

    [Fact]
    public void Samples_name_only_rows_that_exist()
    {
        Assert.Empty(Samples.Keys.Except(SecretFormats.Bare.Select(f => f.Id)));
        Assert.Empty(NamedSamples.Keys.Except(SecretFormats.Named.Select(f => f.Id)));
    }

    [Fact]
    public void The_rule_pages_list_every_row_of_the_table()
    {
        AssertGenerated("ASA101.md", "formats", SecretFormatDocs.FormatTable());
        AssertGenerated("ASA102.md", "over-scope", SecretFormatDocs.OverScopeTable());
    }

    private static void AssertGenerated(string page, string marker, string expected) =>
        GeneratedDocSection.AssertCurrent(page, "<!-- " + marker + ":begin (generated from SecretFormats; SecretFormatTableTests checks it) -->\n", "<!-- " + marker + ":end -->", expected);
}
