using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>One secret, or one over-scoped credential, found in a piece of text.</summary>
internal readonly struct SecretFinding
{
    public SecretFinding(string provider, string kind, int start, int length, string envName, string? overScope = null, string? narrower = null, bool isSecret = true)
    {
        Provider = provider;
        Kind = kind;
        Start = start;
        Length = length;
        EnvironmentVariable = envName;
        OverScope = overScope;
        Narrower = narrower;
        IsSecret = isSecret;
    }

    public string Provider { get; }

    public string Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The environment variable the code fix reads it from.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>What is over-scoped about it (ASA102), or null.</summary>
    public string? OverScope { get; }

    /// <summary>The narrower credential to use instead.</summary>
    public string? Narrower { get; }

    /// <summary>False for an over-scope signal that is not itself a secret (a superuser login name, an IAM policy).</summary>
    public bool IsSecret { get; }
}

/// <summary>
/// Finds secrets in a string value, given the name it is bound to when there is one (a field, a JSON key, a
/// parameter). Provider formats first (prefix and structure), then credentials inside connection strings and URLs,
/// then high-entropy values bound to secret-named symbols. Every pattern is compiled once with a timeout, and a
/// cheap check rejects most strings before any pattern runs.
/// </summary>
internal static class SecretScanner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private const int MaxValueLength = 256 * 1024;

    private sealed class Rule
    {
        public Rule(
            string[] anchors,
            string provider,
            string kind,
            string envName,
            string pattern,
            string? overScope = null,
            string? narrower = null,
            RegexOptions options = RegexOptions.None,
            string? onlyWith = null,
            string? notWith = null)
        {
            Anchors = anchors;
            OnlyWith = onlyWith;
            NotWith = notWith;
            AnchorComparison = (options & RegexOptions.IgnoreCase) != 0 ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            Provider = provider;
            Kind = kind;
            EnvName = envName;
            Pattern = new Regex(pattern, options | RegexOptions.CultureInvariant, Timeout);
            OverScope = overScope;
            Narrower = narrower;
        }

        public string Provider { get; }

        public string Kind { get; }

        public string EnvName { get; }

        public Regex Pattern { get; }

        /// <summary>Substrings of which every match holds at least one: the regex runs only on text that holds one.</summary>
        public string[] Anchors { get; }

        public StringComparison AnchorComparison { get; }

        /// <summary>
        /// Text the whole value must hold (or must not hold) for the rule to apply: two providers can share one token
        /// shape, and only the rest of the string tells them apart.
        /// </summary>
        public string? OnlyWith { get; }

        public string? NotWith { get; }

        public bool MayMatch(string value)
        {
            if ((OnlyWith is not null && value.IndexOf(OnlyWith, StringComparison.OrdinalIgnoreCase) < 0)
                || (NotWith is not null && value.IndexOf(NotWith, StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return false;
            }

            foreach (var anchor in Anchors)
            {
                if (value.IndexOf(anchor, AnchorComparison) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        public string? OverScope { get; }

        public string? Narrower { get; }
    }

    private static readonly Rule[] ProviderRules =
    {
        new(new[] { "ghp_" }, "GitHub", "classic personal access token", "GITHUB_TOKEN", @"\bghp_[A-Za-z0-9]{36}\b", "a GitHub classic personal access token reaches every repository its owner can", "a fine-grained personal access token (github_pat_) limited to the repositories and permissions the job needs"),
        new(new[] { "github_pat_" }, "GitHub", "fine-grained personal access token", "GITHUB_TOKEN", @"\bgithub_pat_[A-Za-z0-9_]{60,255}\b"),
        new(new[] { "gho_", "ghu_", "ghs_", "ghr_" }, "GitHub", "OAuth/app token", "GITHUB_TOKEN", @"\bgh[ousr]_[A-Za-z0-9]{36,251}\b"),
        new(new[] { "glpat-", "gldt-", "glrt-", "glcbt-", "glagent-", "gloas-", "glsoat-", "glptt-", "glft-", "glimt-" }, "GitLab", "token", "GITLAB_TOKEN", @"\bgl(pat|dt|rt|cbt|agent|oas|soat|ptt|ft|imt)-[A-Za-z0-9_\-]{20,300}"),
        new(new[] { "AKIA", "ASIA", "ABIA", "ACCA", "A3T" }, "AWS", "access key ID", "AWS_ACCESS_KEY_ID", @"\b(AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}\b"),
        // A Cosmos DB connection string carries its key as AccountKey= too, in the same shape as a storage key; the
        // AccountEndpoint= that only Cosmos DB strings have tells the two apart.
        new(new[] { "AccountKey=" }, "Azure Storage", "account key", "AZURE_STORAGE_CONNECTION_STRING", @"AccountKey=[A-Za-z0-9+/]{86}==", "a storage account key grants full control of every container, queue, table and file share of the account", "a user-delegation SAS or a service SAS with only the permissions needed and a short expiry, or Entra ID (DefaultAzureCredential)", RegexOptions.IgnoreCase, notWith: "AccountEndpoint="),
        new(new[] { "AccountKey=" }, "Azure Cosmos DB", "account key", "COSMOS_CONNECTION_STRING", @"AccountKey=[A-Za-z0-9+/]{86}==", "a Cosmos DB account key (primary or secondary) grants read, write and delete on every database and container of the account", "Entra ID with a data-plane role on the one database (DefaultAzureCredential), or resource tokens scoped to one container", RegexOptions.IgnoreCase, onlyWith: "AccountEndpoint="),
        new(new[] { "SharedAccessKey=" }, "Azure", "shared access key", "AZURE_SERVICEBUS_CONNECTION_STRING", @"SharedAccessKey=[A-Za-z0-9+/]{42,44}=?", null, null, RegexOptions.IgnoreCase),
        new(new[] { "sig=" }, "Azure", "SAS token", "AZURE_STORAGE_SAS", @"[?&]sig=[A-Za-z0-9%+/=]{30,}", null, null, RegexOptions.IgnoreCase),
        new(new[] { "AIza" }, "GCP", "API key", "GOOGLE_API_KEY", @"\bAIza[0-9A-Za-z_\-]{35}\b"),
        new(new[] { "sk_live_", "sk_test_", "sk_prod_" }, "Stripe", "secret key", "STRIPE_API_KEY", @"\bsk_(live|test|prod)_[A-Za-z0-9]{10,99}\b", "a Stripe secret key (sk_) has full access to every API resource of the account", "a restricted key (rk_) with only the permissions the job needs"),
        new(new[] { "rk_live_", "rk_test_", "rk_prod_" }, "Stripe", "restricted key", "STRIPE_API_KEY", @"\brk_(live|test|prod)_[A-Za-z0-9]{10,99}\b"),
        new(new[] { "xox" }, "Slack", "token", "SLACK_TOKEN", @"\bxox[baprse]-[0-9A-Za-z\-]{10,250}"),
        new(new[] { "hooks.slack.com/" }, "Slack", "webhook URL", "SLACK_WEBHOOK_URL", @"https://hooks\.slack\.com/(services|workflows|triggers)/[A-Za-z0-9/_\-]{20,}"),
        new(new[] { "npm_" }, "npm", "access token", "NPM_TOKEN", @"\bnpm_[A-Za-z0-9]{36}\b"),
        new(new[] { "oy2" }, "NuGet", "API key", "NUGET_API_KEY", @"\boy2[a-z0-9]{43}\b"),
        new(new[] { "sk-" }, "OpenAI", "API key", "OPENAI_API_KEY", @"\bsk-(proj|svcacct|admin)-[A-Za-z0-9_\-]{20,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b|\bsk-[A-Za-z0-9]{48}\b"),
        new(new[] { "hf_" }, "Hugging Face", "access token", "HF_TOKEN", @"\bhf_[A-Za-z0-9]{34}\b"),
        new(new[] { "sk-ant-" }, "Anthropic", "API key", "ANTHROPIC_API_KEY", @"\bsk-ant-(api|admin)0\d-[A-Za-z0-9_\-]{80,}"),
        new(new[] { "_v1_" }, "DigitalOcean", "token", "DIGITALOCEAN_TOKEN", @"\bdo[por]_v1_[a-f0-9]{64}\b"),
        new(new[] { "fo1_", "fm1", "fm2" }, "Fly.io", "token", "FLY_API_TOKEN", @"\b(fo1_[\w\-]{43}|fm[12][ar]?_[A-Za-z0-9+/=]{60,})"),
        new(new[] { "pscale_" }, "PlanetScale", "token", "PLANETSCALE_TOKEN", @"\bpscale_(tkn|oauth|pw)_[\w=.\-]{32,64}"),
        new(new[] { "dp." }, "Doppler", "token", "DOPPLER_TOKEN", @"\bdp\.(pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}"),
        new(new[] { "hvs.", "hvb.", "hvr." }, "Vault", "token", "VAULT_TOKEN", @"\bhv[sbr]\.[\w\-]{24,300}"),
        new(new[] { ".atlasv1." }, "Terraform Cloud", "API token", "TFE_TOKEN", @"\b[a-zA-Z0-9]{14}\.atlasv1\.[a-zA-Z0-9\-_=]{60,70}"),
        new(new[] { "pul-" }, "Pulumi", "access token", "PULUMI_ACCESS_TOKEN", @"\bpul-[a-f0-9]{40}\b"),
        new(new[] { "dapi" }, "Databricks", "token", "DATABRICKS_TOKEN", @"\bdapi[a-f0-9]{32}(-\d)?\b"),
        new(new[] { "SK" }, "Twilio", "API key", "TWILIO_API_KEY", @"\bSK[0-9a-f]{32}\b"),
        new(new[] { "SG." }, "SendGrid", "API key", "SENDGRID_API_KEY", @"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"),
        new(new[] { "sbp_" }, "Supabase", "management token", "SUPABASE_ACCESS_TOKEN", @"\bsbp_[a-f0-9]{40}\b", "a Supabase personal access token manages every project of the account", "a project API key, or a service role key only on the server that needs it"),
        new(new[] { "vcp_", "vci_", "vca_", "vcr_", "vck_" }, "Vercel", "token", "VERCEL_TOKEN", @"\b(vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}\b"),
        new(new[] { "cfk_", "cfut_", "cfat_" }, "Cloudflare", "API token", "CLOUDFLARE_API_TOKEN", @"\b(cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8}\b"),
        new(new[] { "PRIVATE KEY" }, "private key", "PEM private key", "PRIVATE_KEY", @"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
    };

    /// <summary>For each pair of ASCII characters, the provider rules one of whose anchors starts with that pair.</summary>
    private static readonly ulong[] RulesByFirstPair = BuildRulesByFirstPair();

    private static ulong[] BuildRulesByFirstPair()
    {
        var table = new ulong[128 * 128];
        for (var i = 0; i < ProviderRules.Length && i < 64; i++)
        {
            var rule = ProviderRules[i];
            foreach (var anchor in rule.Anchors)
            {
                var ignoreCase = rule.AnchorComparison == StringComparison.OrdinalIgnoreCase;
                foreach (var first in Variants(anchor[0], ignoreCase))
                {
                    foreach (var second in Variants(anchor[1], ignoreCase))
                    {
                        table[(first * 128) + second] |= 1UL << i;
                    }
                }
            }
        }

        return table;
    }

    private static char[] Variants(char c, bool ignoreCase) =>
        ignoreCase && char.ToUpperInvariant(c) != char.ToLowerInvariant(c) ? new[] { char.ToUpperInvariant(c), char.ToLowerInvariant(c) } : new[] { c };

    private static readonly Regex Jwt = new(@"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Uuid = new(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex KeyValuePassword = new(@"(?:^|;)\s*(password|pwd)\s*=\s*(?<v>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex UrlCredentials = new(@"\b[a-z][a-z0-9+.\-]*://(?<u>[^:/?#@\s]+):(?<p>[^@/?#\s]+)@[^\s/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex SuperUser = new(@"(?:^|;)\s*(user id|userid|uid|user|username)\s*=\s*(?<u>sa|postgres|root)\s*(;|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex RootManage = new(@"SharedAccessKeyName=RootManageSharedAccessKey", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex IamStar = new(@"""Action""\s*:\s*(""\*""|\[\s*""\*""\s*\])[\s\S]{0,200}?""Resource""\s*:\s*(""\*""|\[\s*""\*""\s*\])|""Resource""\s*:\s*(""\*""|\[\s*""\*""\s*\])[\s\S]{0,200}?""Action""\s*:\s*(""\*""|\[\s*""\*""\s*\])", RegexOptions.CultureInvariant, Timeout);

    /// <summary>
    /// Keys their vendors publish in documentation and tooling, so that they appear in countless samples and tests and
    /// grant nothing: the only token-shaped literals in the shipped code, kept here on purpose so they stay quiet.
    /// </summary>
    private static readonly HashSet<string> VendorExamples = new(StringComparer.Ordinal)
    {
        // AWS documentation's example access key ID and secret access key.
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",

        // Stripe documentation's example test-mode secret key.
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",

        // The fixed account key of the Azure Storage emulator (Azurite, devstoreaccount1).
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",

        // The fixed account key of the Azure Cosmos DB emulator.
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
    };

    private static readonly string[] SecretWords = { "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "accesskey", "access_key", "privatekey", "private_key", "credential", "authkey", "auth_key", "clientsecret", "client_secret", "connectionstring" };
    private static readonly string[] NotSecretWords = { "public", "publishable", "id", "name", "url", "uri", "path", "file", "format", "header", "question", "hint", "label", "prompt", "length", "policy", "type", "endpoint", "expir", "count", "regex", "pattern", "field", "param", "placeholder", "example", "sample", "hash", "checksum" };
    private static readonly string[] Placeholders = { "your", "example", "placeholder", "changeme", "change-me", "change_me", "redacted", "xxxx", "****", "dummy", "sample", "replace", "insert", "todo", "<", ">", "${", "{{", "%", "$(", "{0", "fake", "notreal", "secret-here", "here" };

    public static List<SecretFinding> Scan(string? value, string? bindingName)
    {
        var findings = new List<SecretFinding>();
        if (value is null || value.Length < 8 || value.Length > MaxValueLength)
        {
            return findings;
        }

        try
        {
            ScanCore(value, bindingName, findings);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological literal: better one miss than a hung IDE.
        }

        return findings;
    }

    private static void ScanCore(string value, string? bindingName, List<SecretFinding> findings)
    {
        // One pass over the text: which characters it mixes, and which provider rules could match at all, from the
        // pairs of characters their prefixes start with. Most literals then run no provider pattern.
        var hasDigit = false;
        var hasSpecial = false;
        ulong candidates = 0;
        var previous = '\0';
        foreach (var c in value)
        {
            if (c >= '0' && c <= '9')
            {
                hasDigit = true;
            }
            else if (c is '_' or '-' or '=' or '.' or '+' or '/' or ':' or '@' or ';')
            {
                hasSpecial = true;
            }

            if (c < 128 && previous < 128)
            {
                candidates |= RulesByFirstPair[(previous * 128) + c];
            }

            previous = c;
        }

        // Words, sentences and identifiers carry no token: tokens mix digits or punctuation into long runs.
        if (hasDigit || hasSpecial)
        {
            for (var i = 0; candidates != 0 && i < ProviderRules.Length; i++)
            {
                var bit = 1UL << i;
                if ((candidates & bit) == 0)
                {
                    continue;
                }

                candidates &= ~bit;
                var rule = ProviderRules[i];
                if (!rule.MayMatch(value))
                {
                    continue;
                }

                var match = rule.Pattern.Match(value);
                if (match.Success && !IsVendorExample(match.Value) && !IsMasked(match.Value))
                {
                    findings.Add(new SecretFinding(rule.Provider, rule.Kind, match.Index, match.Length, rule.EnvName, rule.OverScope, rule.Narrower));
                }
            }

            // Environment.GetEnvironmentVariable("RAILWAY_API_TOKEN"): Railway's name for account and team tokens, where
            // RAILWAY_TOKEN is a project token. The name is not a secret; the scope it asks for is too wide.
            if (value == "RAILWAY_API_TOKEN")
            {
                findings.Add(new SecretFinding("Railway", "API token variable", 0, value.Length, "RAILWAY_TOKEN", RailwayAccountScope, RailwayNarrower, isSecret: false));
            }

            ScanJwt(value, findings);
            ScanConnectionString(value, findings);
        }

        if (findings.Count == 0 && bindingName is { Length: > 0 })
        {
            ScanBound(value, bindingName!, findings);
        }
    }

    private static void ScanJwt(string value, List<SecretFinding> findings)
    {
        if (value.IndexOf("eyJ", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var match = Jwt.Match(value);
        if (!match.Success)
        {
            return;
        }

        var payload = DecodeSegment(match.Value.Split('.')[1]);
        if (payload.IndexOf("\"role\":\"anon\"", StringComparison.Ordinal) >= 0 || payload.IndexOf("\"role\": \"anon\"", StringComparison.Ordinal) >= 0)
        {
            return; // Supabase's anon key is meant to be published.
        }

        var serviceRole = payload.IndexOf("service_role", StringComparison.Ordinal) >= 0;
        findings.Add(new SecretFinding(
            serviceRole ? "Supabase" : "JWT",
            serviceRole ? "service_role key" : "signed token",
            match.Index,
            match.Length,
            serviceRole ? "SUPABASE_SERVICE_ROLE_KEY" : "JWT_TOKEN",
            serviceRole ? "a Supabase service_role key bypasses row-level security on every table" : null,
            serviceRole ? "the anon key with row-level security, or a service_role key only on the server that needs it" : null));
    }

    private static void ScanConnectionString(string value, List<SecretFinding> findings)
    {
        if (value.IndexOf('=') >= 0)
        {
            // Each pattern runs only on text holding the word it needs: most '=' strings are formats and queries.
            if (value.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                foreach (Match m in KeyValuePassword.Matches(value))
                {
                    var password = m.Groups["v"];
                    var text = password.Value.Trim();
                    if (text.Length >= 4 && !IsPlaceholder(text) && !text.StartsWith("{", StringComparison.Ordinal))
                    {
                        findings.Add(new SecretFinding("database", "password in a connection string", password.Index, password.Length, "DATABASE_CONNECTION_STRING"));
                    }
                }
            }

            var superUser = (value.IndexOf("user", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("uid", StringComparison.OrdinalIgnoreCase) >= 0) ? SuperUser.Match(value) : Match.Empty;
            if (superUser.Success && LooksLikeConnectionString(value))
            {
                var user = superUser.Groups["u"];
                findings.Add(new SecretFinding("database", "superuser login", user.Index, user.Length, "DATABASE_CONNECTION_STRING",
                    $"the connection logs in as the database superuser '{user.Value}', which can drop every database on the server",
                    "a role that owns only the application's schema, with no CREATEDB/DROP rights", isSecret: false));
            }

            var root = value.IndexOf("RootManage", StringComparison.OrdinalIgnoreCase) >= 0 ? RootManage.Match(value) : Match.Empty;
            if (root.Success)
            {
                findings.Add(new SecretFinding("Azure Service Bus", "namespace-wide policy", root.Index, root.Length, "AZURE_SERVICEBUS_CONNECTION_STRING",
                    "RootManageSharedAccessKey manages, sends and listens on every queue and topic of the namespace",
                    "a shared access policy on the one queue or topic, with only Send or Listen", isSecret: false));
            }

            if (value.IndexOf("sig=", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                ScanSas(value, findings);
            }
        }

        if (value.IndexOf("://", StringComparison.Ordinal) > 0 && value.IndexOf('@') > 0)
        {
            var url = UrlCredentials.Match(value);
            if (url.Success)
            {
                var password = url.Groups["p"];
                var user = url.Groups["u"].Value;
                if (password.Value.Length >= 4 && !IsPlaceholder(password.Value) && password.Value != user)
                {
                    findings.Add(new SecretFinding("URL", "password in a URL", password.Index, password.Length, "DATABASE_URL"));
                }

                if (user is "sa" or "postgres" or "root")
                {
                    var u = url.Groups["u"];
                    findings.Add(new SecretFinding("database", "superuser login", u.Index, u.Length, "DATABASE_URL",
                        $"the connection logs in as the database superuser '{user}', which can drop every database on the server",
                        "a role that owns only the application's schema, with no CREATEDB/DROP rights", isSecret: false));
                }
            }
        }

        if (value.IndexOf("\"Action\"", StringComparison.Ordinal) >= 0)
        {
            var iam = IamStar.Match(value);
            if (iam.Success)
            {
                findings.Add(new SecretFinding("AWS IAM", "policy", iam.Index, iam.Length, "AWS_POLICY",
                    "an IAM policy that allows every action on every resource", "a policy that names the actions and resources the job needs", isSecret: false));
            }
        }
    }

    private static void ScanSas(string value, List<SecretFinding> findings)
    {
        var query = value.Substring(Math.Max(0, value.IndexOf('?') + 1));
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', ';'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0)
            {
                fields[pair.Substring(0, eq).Trim()] = pair.Substring(eq + 1);
            }
        }

        if (!fields.ContainsKey("sig") || !fields.ContainsKey("sv"))
        {
            return;
        }

        var account = fields.ContainsKey("srt") || fields.ContainsKey("ss");
        var delete = fields.TryGetValue("sp", out var sp) && sp.IndexOf('d') >= 0;
        var longLived = fields.TryGetValue("st", out var st) && fields.TryGetValue("se", out var se)
            && DateTimeOffset.TryParse(Uri.UnescapeDataString(st), out var start) && DateTimeOffset.TryParse(Uri.UnescapeDataString(se), out var end)
            && end - start > TimeSpan.FromDays(7);
        if ((account && (delete || fields.TryGetValue("srt", out var srt) && srt.Length >= 3)) || longLived)
        {
            var at = value.IndexOf("sig=", StringComparison.OrdinalIgnoreCase);
            findings.Add(new SecretFinding("Azure Storage", "SAS token", at, value.Length - at, "AZURE_STORAGE_SAS",
                string.Join(" and ", new[]
                {
                    account ? "an account SAS across services and resource types" + (delete ? ", with delete rights" : string.Empty) : null,
                    longLived ? "valid for more than 7 days" : null,
                }.Where(p => p is not null)),
                "a user-delegation or service SAS on one container with only the permissions needed, valid for hours", isSecret: false));
        }
    }

    /// <summary>Values whose only sign of being a secret is the name they are bound to.</summary>
    private static void ScanBound(string value, string name, List<SecretFinding> findings)
    {
        // headers.Add("Authorization", "Bearer <token>"): the credential is what follows the scheme.
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var space = value.IndexOf(' ');
            var credential = space > 0 ? value.Substring(space + 1).Trim() : value;
            if (credential.Length >= 16 && credential.IndexOf(' ') < 0 && !IsPlaceholder(credential) && Entropy(credential) >= 3.0)
            {
                // The fix reads the whole header value, scheme included, so the variable is named for the header, not the token.
                findings.Add(new SecretFinding("HTTP", "Authorization header credential", space + 1, credential.Length, "API_AUTHORIZATION_HEADER"));
            }

            return;
        }

        if (value.IndexOf(' ') >= 0 || value.IndexOf("://", StringComparison.Ordinal) >= 0 || IsPlaceholder(value))
        {
            return;
        }

        var lower = name.ToLowerInvariant();

        // Railway tokens are bare UUIDs: only the name tells them apart from an ID.
        if (lower.Contains("railway") && Uuid.IsMatch(value) && !ContainsNotSecretWord(name))
        {
            var account = !(lower.Contains("project") || lower == "railway_token");
            findings.Add(new SecretFinding("Railway", account ? "API token" : "project token", 0, value.Length, account ? "RAILWAY_API_TOKEN" : "RAILWAY_TOKEN",
                account ? RailwayAccountScope : null,
                account ? RailwayNarrower : null));
            return;
        }

        if (lower.Contains("cloudflare") && value.Length == 37 && IsHex(value))
        {
            findings.Add(new SecretFinding("Cloudflare", "Global API Key", 0, value.Length, "CLOUDFLARE_API_KEY",
                "a Cloudflare Global API Key has every permission of the user on every zone and account",
                "a scoped API token with only the zone and permissions the job needs"));
            return;
        }

        if (!ContainsAny(lower, SecretWords) || ContainsNotSecretWord(name))
        {
            return;
        }

        // key=value text is a connection string or a setting, which the connection-string rules read.
        var equals = value.IndexOf('=');
        if (equals > 0 && equals < value.TrimEnd('=').Length)
        {
            return;
        }

        if (Uuid.IsMatch(value) && !lower.Contains("token") && !lower.Contains("key") && !lower.Contains("secret"))
        {
            return;
        }

        var envName = ToEnvironmentName(name);
        if (lower.Contains("aws") && lower.Contains("secret") && value.Length == 40 && !VendorExamples.Contains(value))
        {
            findings.Add(new SecretFinding("AWS", "secret access key", 0, value.Length, "AWS_SECRET_ACCESS_KEY"));
            return;
        }

        if (lower.Contains("password") || lower.Contains("passwd") || lower.EndsWith("pwd", StringComparison.Ordinal))
        {
            if (value.Length >= 6 && CharacterClasses(value) >= 3 && !IsNaturalWord(value))
            {
                findings.Add(new SecretFinding("password", "password", 0, value.Length, envName));
            }

            return;
        }

        // Hex is a hash when the name says so (filtered above) and a token when the name says that: a random 32-hex-digit
        // auth token often falls just under the entropy bar, which is tuned for mixed alphabets.
        if (value.Length >= 32 && IsHex(value))
        {
            findings.Add(new SecretFinding("generic", "hex token", 0, value.Length, envName));
            return;
        }

        if (value.Length >= 16 && Entropy(value) >= 3.5 && CharacterClasses(value) >= 2 && value.IndexOf('.') != 0)
        {
            findings.Add(new SecretFinding("generic", "high-entropy secret", 0, value.Length, envName));
        }
    }

    private const string RailwayAccountScope = "a Railway account or team token reaches every project and environment of the account";
    private const string RailwayNarrower = "a project token sent as Project-Access-Token, scoped to one environment of one project";

    /// <summary>An account or team Railway token in use, whatever its value: an over-scope signal, never itself a secret.</summary>
    public static SecretFinding RailwayAccountTokenInUse() =>
        new("Railway", "API token in use", 0, 0, "RAILWAY_TOKEN", RailwayAccountScope, RailwayNarrower, isSecret: false);

    public static string Redact(string value)
    {
        var shown = Math.Min(4, value.Length / 4);
        return value.Substring(0, shown) + "…(" + value.Length + " chars)";
    }

    public static string ToEnvironmentName(string name)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c))
            {
                if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))) && sb.Length > 0 && sb[sb.Length - 1] != '_')
                {
                    sb.Append('_');
                }

                sb.Append(char.ToUpperInvariant(c));
            }
            else if (sb.Length > 0 && sb[sb.Length - 1] != '_')
            {
                sb.Append('_');
            }
        }

        var result = sb.ToString().Trim('_');
        return result.Length == 0 || char.IsDigit(result[0]) ? "APP_SECRET" : result;
    }

    /// <summary>A published example key, alone or inside what the pattern matched (<c>AccountKey=&lt;emulator key&gt;</c>).</summary>
    private static bool IsVendorExample(string matched)
    {
        foreach (var example in VendorExamples)
        {
            if (matched.IndexOf(example, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMasked(string value) => value.IndexOf("xxxx", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("****", StringComparison.Ordinal) >= 0 || value.IndexOf("0000000000", StringComparison.Ordinal) >= 0;

    private static bool IsPlaceholder(string value)
    {
        var lower = value.ToLowerInvariant();
        return ContainsAny(lower, Placeholders) || IsRepeated(value) || lower is "password" or "secret" or "root" or "admin" or "pass" or "user";
    }

    private static bool IsRepeated(string value)
    {
        foreach (var c in value)
        {
            if (c != value[0])
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsNotSecretWord(string name)
    {
        foreach (var word in Words(name))
        {
            foreach (var banned in NotSecretWords)
            {
                if (word == banned || (banned.Length > 3 && word.StartsWith(banned, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The lower-case words of an identifier or key: camel case, snake case, kebab case and dotted paths.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = !char.IsLetterOrDigit(c)
                || (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
            if (boundary && sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    private static int CharacterClasses(string value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (char.IsLower(c)) lower = true;
            else if (char.IsUpper(c)) upper = true;
            else if (char.IsDigit(c)) digit = true;
            else other = true;
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static bool IsNaturalWord(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    private static bool LooksLikeConnectionString(string value) =>
        value.IndexOf("host=", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("server=", StringComparison.OrdinalIgnoreCase) >= 0
        || value.IndexOf("data source=", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("address=", StringComparison.OrdinalIgnoreCase) >= 0;

    private static string DecodeSegment(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
