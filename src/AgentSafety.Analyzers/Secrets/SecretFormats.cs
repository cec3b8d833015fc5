namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// Provider facts as data: every credential format the secrets rules recognise, the over-scope each one carries, the
/// environment variables that name an over-scoped credential, and the platform hosts whose Bearer tokens are
/// account-wide. Shapes follow the providers' documentation and the rules gitleaks (config/gitleaks.toml) and secretlint
/// (packages/@secretlint/secretlint-rule-*) ship, where the format is distinctive: a fixed prefix, a checksum or a
/// fixed shape. Formats only a name can tell apart from random text are <see cref="Named"/>. The table is checked by
/// SecretFormatTableTests, and docs/rules/ASA101.md lists it.
/// </summary>
internal static class SecretFormats
{
    // After the token: no further character of its alphabet, so a longer run is not cut into a match.
    private const string End = @"(?![A-Za-z0-9])";
    private const string EndDash = @"(?![A-Za-z0-9_\-])";
    private const string Start = @"(?<![A-Za-z0-9_])";
    private const string Hex32 = "[a-fA-F0-9]{32}";

    private const string GitHubClassic = "a GitHub classic personal access token reaches every repository its owner can";
    private const string RailwayAccountScope = "a Railway account or team token reaches every project and environment of the account";
    private const string RailwayNarrower = "a project token sent as Project-Access-Token, scoped to one environment of one project";

    /// <summary>Formats recognised in any string, whatever it is bound to.</summary>
    public static readonly SecretFormat[] Bare =
    {
        // GitHub: https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/
        new("github-pat", "GitHub", "classic personal access token", "GITHUB_TOKEN", new[] { "ghp_" }, Start + "ghp_[A-Za-z0-9]{36}" + End, GitHubClassic, "a fine-grained personal access token (github_pat_) limited to the repositories and permissions the job needs"),
        new("github-fine-grained-pat", "GitHub", "fine-grained personal access token", "GITHUB_TOKEN", new[] { "github_pat_" }, Start + "github_pat_[A-Za-z0-9_]{60,255}" + End),
        new("github-app-token", "GitHub", "OAuth/app token", "GITHUB_TOKEN", new[] { "gho_", "ghu_", "ghs_", "ghr_" }, Start + "gh[ousr]_[A-Za-z0-9]{36,251}" + End),

        // GitLab: https://docs.gitlab.com/ee/security/token_overview.html#token-prefixes
        new("gitlab-token", "GitLab", "token", "GITLAB_TOKEN", new[] { "glpat-", "gldt-", "glrt-", "glcbt-", "glagent-", "gloas-", "glsoat-", "glptt-", "glft-", "glimt-", "glffct-" }, Start + @"gl(?:pat|dt|rt|cbt|agent|oas|soat|ptt|ft|imt|ffct)-[A-Za-z0-9_\-]{20,300}(?:\.[0-9a-z]{9})?" + EndDash),
        new("gitlab-rrt", "GitLab", "runner registration token", "GITLAB_RUNNER_TOKEN", new[] { "GR1348941" }, Start + @"GR1348941[A-Za-z0-9_\-]{20}" + EndDash),
        new("gitlab-session-cookie", "GitLab", "session cookie", "GITLAB_SESSION", new[] { "_gitlab_session=" }, "_gitlab_session=(?<t>[0-9a-z]{32})" + End),

        // AWS: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
        new("aws-access-token", "AWS", "access key ID", "AWS_ACCESS_KEY_ID", new[] { "AKIA", "ASIA", "ABIA", "ACCA", "A3T" }, @"(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}" + End),
        new("aws-amazon-bedrock-api-key-long-lived", "AWS", "Bedrock API key", "AWS_BEARER_TOKEN_BEDROCK", new[] { "ABSK" }, Start + "ABSK[A-Za-z0-9+/]{109,269}={0,2}" + End),

        // Azure: a Cosmos DB connection string carries its key as AccountKey= too, in the same shape as a storage key; the
        // AccountEndpoint= that only Cosmos DB strings have tells the two apart.
        new("azure-storage-account-key", "Azure Storage", "account key", "AZURE_STORAGE_CONNECTION_STRING", new[] { "AccountKey=" }, "AccountKey=[A-Za-z0-9+/]{86}==", "a storage account key grants full control of every container, queue, table and file share of the account", "a user-delegation SAS or a service SAS with only the permissions needed and a short expiry, or Entra ID (DefaultAzureCredential)", ignoreCase: true, notWith: "AccountEndpoint="),
        new("azure-cosmos-account-key", "Azure Cosmos DB", "account key", "COSMOS_CONNECTION_STRING", new[] { "AccountKey=" }, "AccountKey=[A-Za-z0-9+/]{86}==", "a Cosmos DB account key (primary or secondary) grants read, write and delete on every database and container of the account", "Entra ID with a data-plane role on the one database (DefaultAzureCredential), or resource tokens scoped to one container", ignoreCase: true, onlyWith: "AccountEndpoint="),
        new("azure-shared-access-key", "Azure", "shared access key", "AZURE_SERVICEBUS_CONNECTION_STRING", new[] { "SharedAccessKey=" }, "SharedAccessKey=[A-Za-z0-9+/]{42,44}=?", ignoreCase: true),
        new("azure-sas-token", "Azure", "SAS token", "AZURE_STORAGE_SAS", new[] { "sig=" }, "[?&]sig=[A-Za-z0-9%+/=]{30,}", ignoreCase: true),
        new("azure-ad-client-secret", "Azure AD", "client secret", "AZURE_CLIENT_SECRET", new[] { "Q~" }, @"(?<![A-Za-z0-9_~.\-])[A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\-]{31,34}(?![A-Za-z0-9_~.\-])", minClasses: 3),

        // Google Cloud: https://cloud.google.com/docs/authentication/api-keys
        new("gcp-api-key", "GCP", "API key", "GOOGLE_API_KEY", new[] { "AIza" }, Start + @"AIza[A-Za-z0-9_\-]{35}" + EndDash),

        // Stripe: https://docs.stripe.com/keys
        new("stripe-secret-key", "Stripe", "secret key", "STRIPE_API_KEY", new[] { "sk_live_", "sk_test_", "sk_prod_" }, Start + "sk_(?:live|test|prod)_[A-Za-z0-9]{10,99}" + End, "a Stripe secret key (sk_) has full access to every API resource of the account", "a restricted key (rk_) with only the permissions the job needs"),
        new("stripe-restricted-key", "Stripe", "restricted key", "STRIPE_API_KEY", new[] { "rk_live_", "rk_test_", "rk_prod_" }, Start + "rk_(?:live|test|prod)_[A-Za-z0-9]{10,99}" + End),

        // Slack: https://api.slack.com/concepts/token-types, shapes as gitleaks' slack-* rules.
        new("slack-bot-token", "Slack", "bot token", "SLACK_BOT_TOKEN", new[] { "xoxb-" }, @"xoxb-[0-9]{8,14}-(?:[0-9]{10,13}-?[A-Za-z0-9\-]*|[A-Za-z0-9]{18,26})" + EndDash),
        new("slack-user-token", "Slack", "user token", "SLACK_USER_TOKEN", new[] { "xoxp-", "xoxe-" }, @"xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9\-]{28,34}" + EndDash),
        new("slack-legacy-token", "Slack", "legacy token", "SLACK_TOKEN", new[] { "xoxo-", "xoxs-", "xoxa-", "xoxr-" }, @"xox[os]-[0-9]+-[0-9]+-[0-9]+-[a-fA-F0-9]+|xox[ar]-(?:[0-9]-)?[0-9a-zA-Z]{8,48}" + End),
        new("slack-app-token", "Slack", "app-level token", "SLACK_APP_TOKEN", new[] { "xapp-" }, @"xapp-[0-9]-[A-Z0-9]+-[0-9]+-[a-z0-9]+" + End, ignoreCase: true),
        new("slack-config-token", "Slack", "configuration token", "SLACK_CONFIG_TOKEN", new[] { "xoxe.xox", "xoxe-" }, @"xoxe\.xox[bp]-[0-9]-[A-Z0-9]{163,166}|xoxe-[0-9]-[A-Z0-9]{146}" + End, ignoreCase: true),
        new("slack-webhook-url", "Slack", "webhook URL", "SLACK_WEBHOOK_URL", new[] { "hooks.slack.com/" }, @"hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/_\-]{20,}"),

        // Package registries.
        new("npm-access-token", "npm", "access token", "NPM_TOKEN", new[] { "npm_" }, Start + "npm_[A-Za-z0-9]{36}" + End, ignoreCase: true),
        new("nuget-api-key", "NuGet", "API key", "NUGET_API_KEY", new[] { "oy2" }, Start + "oy2[a-z0-9]{43}" + End),
        new("pypi-upload-token", "PyPI", "API token", "PYPI_API_TOKEN", new[] { "pypi-AgEI" }, Start + @"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,1000}" + EndDash, "a PyPI API token scoped to the whole account can upload to every project its owner maintains", "a token scoped to the one project it publishes, or trusted publishing (OIDC) from CI", payloadAfter: "pypi-", overScopeWhenPayloadHas: "\"permissions\": \"user\""),
        new("rubygems-api-token", "RubyGems", "API key", "GEM_HOST_API_KEY", new[] { "rubygems_" }, Start + "rubygems_[a-f0-9]{48}" + End),
        new("clojars-api-token", "Clojars", "deploy token", "CLOJARS_TOKEN", new[] { "CLOJARS_" }, Start + "CLOJARS_[a-z0-9]{60}" + End, ignoreCase: true),
        new("docker-pat", "Docker", "personal access token", "DOCKER_TOKEN", new[] { "dckr_pat_" }, Start + @"dckr_pat_[A-Za-z0-9_\-]{27}" + EndDash),
        new("artifactory-api-key", "JFrog", "Artifactory API key", "JFROG_API_KEY", new[] { "AKCp" }, Start + "AKCp[A-Za-z0-9]{69}" + End),
        new("artifactory-reference-token", "JFrog", "reference token", "JFROG_ACCESS_TOKEN", new[] { "cmVmd" }, Start + "cmVmd[A-Za-z0-9]{59}" + End),

        // AI providers.
        new("openai-api-key", "OpenAI", "API key", "OPENAI_API_KEY", new[] { "sk-" }, @"\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{20,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b|\bsk-[A-Za-z0-9]{48}\b"),
        new("anthropic-api-key", "Anthropic", "API key", "ANTHROPIC_API_KEY", new[] { "sk-ant-" }, @"\bsk-ant-(?:api|admin)0[0-9]-[A-Za-z0-9_\-]{80,}"),
        new("huggingface-access-token", "Hugging Face", "access token", "HF_TOKEN", new[] { "hf_" }, Start + "hf_[A-Za-z0-9]{34}" + End),
        new("huggingface-organization-api-token", "Hugging Face", "organization API token", "HF_TOKEN", new[] { "api_org_" }, Start + "api_org_[A-Za-z]{34}" + End),
        new("perplexity-api-key", "Perplexity", "API key", "PERPLEXITY_API_KEY", new[] { "pplx-" }, Start + "pplx-[A-Za-z0-9]{48}" + End),
        new("groq-api-key", "Groq", "API key", "GROQ_API_KEY", new[] { "gsk_" }, Start + "gsk_[A-Za-z0-9]{52}" + End),

        // Platforms and infrastructure.
        new("digitalocean-token", "DigitalOcean", "token", "DIGITALOCEAN_TOKEN", new[] { "_v1_" }, Start + "do[por]_v1_[a-f0-9]{64}" + End),
        new("flyio-access-token", "Fly.io", "token", "FLY_API_TOKEN", new[] { "fo1_", "fm1", "fm2" }, Start + @"(?:fo1_[A-Za-z0-9_\-]{43}|fm[12][ar]?_[A-Za-z0-9+/=]{60,})"),
        new("planetscale-token", "PlanetScale", "token", "PLANETSCALE_TOKEN", new[] { "pscale_" }, Start + @"pscale_(?:tkn|oauth|pw)_[A-Za-z0-9_=.\-]{32,64}"),
        new("doppler-token", "Doppler", "token", "DOPPLER_TOKEN", new[] { "dp." }, Start + @"dp\.(?:pt|st|sa|ct|scim|audit)\.(?:[a-z0-9_\-]{2,35}\.)?[A-Za-z0-9]{40,44}" + End),
        new("vault-token", "Vault", "token", "VAULT_TOKEN", new[] { "hvs.", "hvb.", "hvr." }, Start + @"hv[sbr]\.[A-Za-z0-9_\-]{24,300}" + EndDash),
        new("vault-legacy-service-token", "Vault", "legacy service token", "VAULT_TOKEN", new[] { "s." }, @"(?<![A-Za-z0-9_.\-/])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9_.\-])", minClasses: 3),
        new("hashicorp-tf-api-token", "Terraform Cloud", "API token", "TFE_TOKEN", new[] { ".atlasv1." }, @"\b[a-zA-Z0-9]{14}\.atlasv1\.[a-zA-Z0-9\-_=]{60,70}"),
        new("pulumi-api-token", "Pulumi", "access token", "PULUMI_ACCESS_TOKEN", new[] { "pul-" }, Start + "pul-[a-f0-9]{40}" + End),
        new("databricks-api-token", "Databricks", "token", "DATABRICKS_TOKEN", new[] { "dapi" }, Start + "dapi[a-fA-F0-9]{32}(?:-[0-9])?" + End),
        new("supabase-pat", "Supabase", "management token", "SUPABASE_ACCESS_TOKEN", new[] { "sbp_" }, Start + "sbp_[a-f0-9]{40}" + End, "a Supabase personal access token manages every project of the account", "a project API key, or a service role key only on the server that needs it"),
        new("vercel-token", "Vercel", "token", "VERCEL_TOKEN", new[] { "vcp_", "vci_", "vca_", "vcr_", "vck_" }, Start + "(?:vcp|vci|vca|vcr|vck)_[A-Za-z0-9]{20,60}" + End),
        new("cloudflare-api-token", "Cloudflare", "API token", "CLOUDFLARE_API_TOKEN", new[] { "cfk_", "cfut_", "cfat_" }, Start + "(?:cfk|cfut|cfat)_[A-Za-z0-9]{40}[0-9a-f]{8}" + End),
        new("cloudflare-origin-ca-key", "Cloudflare", "Origin CA key", "CLOUDFLARE_ORIGIN_CA_KEY", new[] { "v1.0-" }, Start + @"v1\.0-[a-f0-9]{24}-[a-f0-9]{146}" + End),
        new("heroku-api-key-v2", "Heroku", "API key", "HEROKU_API_KEY", new[] { "HRKU-" }, Start + @"HRKU-AA[0-9a-zA-Z_\-]{58}" + EndDash, "a Heroku account API key acts as the user on every app and team the account can reach", "an OAuth authorization with only the scope the job needs (heroku authorizations:create --scope read or write)", overScopeNameAny: new[] { "api_key", "apikey", "api-key" }),
        new("openshift-user-token", "OpenShift", "user token", "OPENSHIFT_TOKEN", new[] { "sha256~" }, @"sha256~[A-Za-z0-9_\-]{43}" + EndDash),
        new("scalingo-api-token", "Scalingo", "API token", "SCALINGO_API_TOKEN", new[] { "tk-us-" }, Start + @"tk-us-[A-Za-z0-9_\-]{48}" + EndDash),
        new("tailscale-key", "Tailscale", "key", "TS_AUTHKEY", new[] { "tskey-" }, Start + "tskey-[a-z]{2,20}-[0-9A-Za-z_]{8,40}-[0-9A-Za-z_]{16,60}" + End),
        new("infracost-api-token", "Infracost", "API key", "INFRACOST_API_KEY", new[] { "ico-" }, Start + "ico-[A-Za-z0-9]{32}" + End),
        new("harness-api-key", "Harness", "API key", "HARNESS_API_KEY", new[] { "pat.", "sat." }, Start + @"(?:pat|sat)\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}" + End),
        new("octopus-deploy-api-key", "Octopus Deploy", "API key", "OCTOPUS_API_KEY", new[] { "API-" }, Start + "API-[A-Z0-9]{26}" + End, minClasses: 2),
        new("dynatrace-api-token", "Dynatrace", "API token", "DT_API_TOKEN", new[] { "dt0c01." }, @"dt0c01\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{64}" + End),
        new("clickhouse-cloud-api-secret-key", "ClickHouse Cloud", "API secret key", "CLICKHOUSE_API_SECRET", new[] { "4b1d" }, Start + "4b1d[A-Za-z0-9]{38}" + End, minClasses: 3),
        new("alibaba-access-key-id", "Alibaba Cloud", "access key ID", "ALIBABA_CLOUD_ACCESS_KEY_ID", new[] { "LTAI" }, Start + "LTAI[A-Za-z0-9]{20}" + End),
        new("age-secret-key", "age", "secret key", "AGE_SECRET_KEY", new[] { "AGE-SECRET-KEY-1" }, "AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),

        // Observability and developer tools.
        new("grafana-service-account-token", "Grafana", "service account token", "GRAFANA_TOKEN", new[] { "glsa_" }, Start + "glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}" + End),
        new("grafana-cloud-api-token", "Grafana", "Cloud access policy token", "GRAFANA_CLOUD_TOKEN", new[] { "glc_" }, Start + "glc_[A-Za-z0-9+/]{32,400}={0,3}" + @"(?![A-Za-z0-9+/=])"),
        new("grafana-api-key", "Grafana", "API key", "GRAFANA_API_KEY", new[] { "eyJrIjoi" }, Start + "eyJrIjoi[A-Za-z0-9]{70,400}={0,3}" + End),
        new("sentry-user-token", "Sentry", "user auth token", "SENTRY_AUTH_TOKEN", new[] { "sntryu_" }, Start + "sntryu_[a-f0-9]{64}" + End),
        new("sentry-org-token", "Sentry", "organization auth token", "SENTRY_AUTH_TOKEN", new[] { "sntrys_" }, Start + "sntrys_eyJpYXQiO[A-Za-z0-9+/]{10,200}(?:LCJyZWdpb25fdXJs|InJlZ2lvbl91cmwi|cmVnaW9uX3VybCI6)[A-Za-z0-9+/]{10,200}={0,2}_[A-Za-z0-9+/]{43}" + @"(?![A-Za-z0-9+/])"),
        new("new-relic-user-api-key", "New Relic", "user API key", "NEW_RELIC_API_KEY", new[] { "NRAK-" }, Start + "NRAK-[A-Za-z0-9]{27}" + End),
        new("new-relic-insert-key", "New Relic", "insert key", "NEW_RELIC_INSERT_KEY", new[] { "NRII-" }, Start + @"NRII-[A-Za-z0-9\-]{32}" + EndDash),
        new("linear-api-key", "Linear", "API key", "LINEAR_API_KEY", new[] { "lin_api_" }, Start + "lin_api_[A-Za-z0-9_]{32,128}" + @"(?![A-Za-z0-9_])"),
        new("atlassian-api-token", "Atlassian", "API token", "ATLASSIAN_API_TOKEN", new[] { "ATATT" }, Start + @"ATATT3[A-Za-z0-9_\-=]{186}" + @"(?![A-Za-z0-9_\-=])"),
        new("1password-service-account-token", "1Password", "service account token", "OP_SERVICE_ACCOUNT_TOKEN", new[] { "ops_eyJ" }, Start + "ops_eyJ[A-Za-z0-9+/]{100,1280}={0,3}" + @"(?![A-Za-z0-9+/=])"),
        new("1password-secret-key", "1Password", "account secret key", "OP_SECRET_KEY", new[] { "A3-" }, @"\bA3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}\b"),
        new("postman-api-token", "Postman", "API key", "POSTMAN_API_KEY", new[] { "PMAK-" }, Start + "PMAK-[a-fA-F0-9]{24}-[a-fA-F0-9]{34}" + End),
        new("figma-pat", "Figma", "personal access token", "FIGMA_TOKEN", new[] { "figd_" }, Start + @"figd_[A-Za-z0-9_\-]{40,200}" + EndDash),
        new("notion-api-token", "Notion", "integration token", "NOTION_TOKEN", new[] { "ntn_" }, Start + "ntn_[0-9]{11}[A-Za-z0-9]{35}" + End),
        new("sourcegraph-access-token", "Sourcegraph", "access token", "SRC_ACCESS_TOKEN", new[] { "sgp_" }, Start + "sgp_(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}" + End),
        new("prefect-api-token", "Prefect", "API key", "PREFECT_API_KEY", new[] { "pnu_" }, Start + "pnu_[A-Za-z0-9]{36}" + End),
        new("readme-api-token", "ReadMe", "API key", "README_API_KEY", new[] { "rdme_" }, Start + "rdme_[a-z0-9]{70}" + End),
        new("frameio-api-token", "Frame.io", "API token", "FRAMEIO_TOKEN", new[] { "fio-u-" }, Start + @"fio-u-[A-Za-z0-9_=\-]{64}" + EndDash),
        new("typeform-api-token", "Typeform", "personal access token", "TYPEFORM_TOKEN", new[] { "tfp_" }, Start + @"tfp_[A-Za-z0-9_.=\-]{59}" + EndDash),
        new("settlemint-token", "SettleMint", "access token", "SETTLEMINT_TOKEN", new[] { "sm_aat_", "sm_pat_", "sm_sat_" }, Start + "sm_(?:aat|pat|sat)_[A-Za-z0-9]{16}" + End),
        new("maxmind-license-key", "MaxMind", "license key", "MAXMIND_LICENSE_KEY", new[] { "_mmk" }, Start + "[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk" + End),
        new("intra42-client-secret", "42", "client secret", "INTRA42_CLIENT_SECRET", new[] { "s-s4t2" }, Start + "s-s4t2(?:ud|af)-[a-fA-F0-9]{64}" + End),
        new("adobe-client-secret", "Adobe", "client secret", "ADOBE_CLIENT_SECRET", new[] { "p8e-" }, Start + "p8e-[A-Za-z0-9]{32}" + End, minClasses: 2),
        new("airtable-personal-access-token", "Airtable", "personal access token", "AIRTABLE_TOKEN", new[] { "pat" }, Start + @"pat[A-Za-z0-9]{14}\.[a-f0-9]{64}" + End),

        // Messaging, mail and payments.
        new("twilio-api-key", "Twilio", "API key", "TWILIO_API_KEY", new[] { "SK" }, @"\bSK[0-9a-fA-F]{32}\b"),
        new("sendgrid-api-token", "SendGrid", "API key", "SENDGRID_API_KEY", new[] { "SG." }, Start + @"SG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}" + EndDash),
        new("sendinblue-api-token", "Brevo (Sendinblue)", "API key", "BREVO_API_KEY", new[] { "xkeysib-" }, Start + "xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16}" + End),
        new("mailgun-private-api-token", "Mailgun", "private API key", "MAILGUN_API_KEY", new[] { "key-" }, @"(?<![A-Za-z0-9_.:/\-])key-[a-f0-9]{32}" + End),
        new("mailchimp-api-key", "Mailchimp", "API key", "MAILCHIMP_API_KEY", new[] { "-us" }, @"(?<![A-Za-z0-9])[a-f0-9]{32}-us[0-9]{1,2}" + End),
        new("microsoft-teams-webhook", "Microsoft Teams", "incoming webhook URL", "TEAMS_WEBHOOK_URL", new[] { ".webhook.office.com/" }, @"https://[a-z0-9]+\.webhook\.office\.com/webhookb2/[a-z0-9\-]{36}@[a-z0-9\-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9\-]{36}"),
        new("telegram-bot-api-token", "Telegram", "bot token", "TELEGRAM_BOT_TOKEN", new[] { ":A" }, @"(?<![A-Za-z0-9_:])[0-9]{8,10}:A[A-Za-z0-9_\-]{34}" + EndDash),
        new("facebook-page-access-token", "Facebook", "page access token", "FACEBOOK_ACCESS_TOKEN", new[] { "EAAM", "EAAC" }, Start + "EAA[MC][A-Za-z0-9]{100,}" + End),
        new("square-access-token", "Square", "access token", "SQUARE_ACCESS_TOKEN", new[] { "EAAA", "sq0atp-" }, Start + @"(?:EAAA|sq0atp-)[A-Za-z0-9_\-]{22,60}" + EndDash),
        new("shippo-api-token", "Shippo", "API token", "SHIPPO_API_TOKEN", new[] { "shippo_" }, Start + "shippo_(?:live|test)_[a-fA-F0-9]{40}" + End),
        new("duffel-api-token", "Duffel", "API token", "DUFFEL_ACCESS_TOKEN", new[] { "duffel_" }, Start + @"duffel_(?:test|live)_[A-Za-z0-9_=\-]{43}" + EndDash),
        new("easypost-api-token", "EasyPost", "API key", "EASYPOST_API_KEY", new[] { "EZAK", "EZTK" }, Start + "EZ[AT]K[A-Za-z0-9]{54}" + End),
        new("flutterwave-secret-key", "Flutterwave", "secret key", "FLW_SECRET_KEY", new[] { "FLWSECK" }, @"FLWSECK(?:_TEST)?-[a-hA-H0-9]{32}-X|FLWSECK_TEST[a-hA-H0-9]{12}"),
        new("plaid-api-token", "Plaid", "access token", "PLAID_ACCESS_TOKEN", new[] { "access-sandbox-", "access-development-", "access-production-" }, "access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),

        // Commerce: https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens
        new("shopify-access-token", "Shopify", "Admin API access token", "SHOPIFY_ACCESS_TOKEN", new[] { "shpat_" }, Start + "shpat_[A-Za-z0-9]{32,64}" + End, "a Shopify Admin API access token acts on the whole store with every access scope its app was granted", "a Storefront API token for storefront reads, or an app whose access scopes are only those the job needs"),
        new("shopify-custom-access-token", "Shopify", "custom app access token", "SHOPIFY_ACCESS_TOKEN", new[] { "shpca_" }, Start + "shpca_[A-Za-z0-9]{32,64}" + End),
        new("shopify-private-app-access-token", "Shopify", "private app access token", "SHOPIFY_ACCESS_TOKEN", new[] { "shppa_" }, Start + "shppa_[A-Za-z0-9]{32,64}" + End),
        new("shopify-shared-secret", "Shopify", "shared secret", "SHOPIFY_API_SECRET", new[] { "shpss_" }, Start + "shpss_[A-Za-z0-9]{32,64}" + End),

        new("private-key", "private key", "PEM private key", "PRIVATE_KEY", new[] { "PRIVATE KEY" }, "-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
    };

    /// <summary>
    /// Formats that only the name they are bound to tells apart from an ID, a hash or random text. The pattern covers the
    /// whole value; the first row whose name condition holds and whose pattern matches wins, so narrower rows come first.
    /// </summary>
    public static readonly SecretFormat[] Named =
    {
        // Railway tokens are bare UUIDs: https://docs.railway.com/guides/public-api#creating-a-token
        new("railway-project-token", "Railway", "project token", "RAILWAY_TOKEN", new string[0], Uuid, nameAll: new[] { "railway" }, nameAny: new[] { "project" }),
        new("railway-project-token-variable", "Railway", "project token", "RAILWAY_TOKEN", new string[0], Uuid, nameExact: "railway_token"),
        new("railway-api-token", "Railway", "API token", "RAILWAY_API_TOKEN", new string[0], Uuid, RailwayAccountScope, RailwayNarrower, nameAll: new[] { "railway" }),
        new("cloudflare-global-api-key", "Cloudflare", "Global API Key", "CLOUDFLARE_API_KEY", new string[0], "^[a-f0-9]{37}$", "a Cloudflare Global API Key has every permission of the user on every zone and account", "a scoped API token with only the zone and permissions the job needs", nameAll: new[] { "cloudflare" }),
        new("cloudflare-api-key", "Cloudflare", "API token", "CLOUDFLARE_API_TOKEN", new string[0], @"^[A-Za-z0-9_\-]{40}$", nameAll: new[] { "cloudflare" }, minClasses: 3),
        new("aws-secret-access-key", "AWS", "secret access key", "AWS_SECRET_ACCESS_KEY", new string[0], "^[A-Za-z0-9/+=]{40}$", nameAll: new[] { "aws", "secret" }, minClasses: 2),
        new("heroku-api-key", "Heroku", "API key", "HEROKU_API_KEY", new string[0], Uuid, "a Heroku account API key acts as the user on every app and team the account can reach", "an OAuth authorization with only the scope the job needs (heroku authorizations:create --scope read or write)", nameAll: new[] { "heroku" }, overScopeNameAny: new[] { "api_key", "apikey", "api-key" }),
        new("okta-access-token", "Okta", "API token", "OKTA_API_TOKEN", new string[0], @"^00[A-Za-z0-9_=\-]{40}$", nameAll: new[] { "okta" }, minClasses: 3),
        new("atlassian-api-token-legacy", "Atlassian", "API token", "ATLASSIAN_API_TOKEN", new string[0], "^[a-z0-9]{20}[a-f0-9]{4}$", nameAny: new[] { "atlassian", "jira", "confluence" }, minClasses: 2),
        new("sentry-access-token", "Sentry", "auth token", "SENTRY_AUTH_TOKEN", new string[0], "^[a-f0-9]{64}$", nameAll: new[] { "sentry" }),
        new("jfrog-api-key", "JFrog", "API key or identity token", "JFROG_ACCESS_TOKEN", new string[0], "^(?:[A-Za-z0-9]{73}|[A-Za-z0-9]{64})$", nameAny: new[] { "jfrog", "artifactory", "xray" }, minClasses: 2),
        new("netlify-access-token", "Netlify", "access token", "NETLIFY_AUTH_TOKEN", new string[0], @"^[A-Za-z0-9_=\-]{40,46}$", nameAll: new[] { "netlify" }, minClasses: 2),
        new("mailgun-signing-key", "Mailgun", "signing key", "MAILGUN_SIGNING_KEY", new string[0], "^[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}$", nameAll: new[] { "mailgun" }),
        new("cohere-api-key", "Cohere", "API key", "CO_API_KEY", new string[0], "^[A-Za-z0-9]{40}$", nameAny: new[] { "cohere", "co_api_key" }, minClasses: 3),
        // A JWT signing key is often written as words ("ThisIsMySuperSecretKey…", the tutorial pattern Sonar's S6781
        // targets) or as hex: neither has a format, only the name (Jwt:Key, IssuerSigningKey) says what it is.
        new("jwt-signing-key", "JWT", "signing key", "JWT_SIGNING_KEY", new string[0], SigningKeyShape, nameAll: new[] { "jwt" }, nameAny: new[] { "key", "secret" }),
        new("signing-key", "JWT", "signing key", "JWT_SIGNING_KEY", new string[0], SigningKeyShape, nameAny: new[] { "signingkey", "signing_key", "signing-key" }),
        new("datadog-api-key", "Datadog", "API or application key", "DD_API_KEY", new string[0], "^(?:[a-f0-9]{32}|[a-f0-9]{40})$", nameAny: new[] { "datadog", "dd_api", "dd_app" }),
    };

    /// <summary>Built-in superuser logins of SQL Server, PostgreSQL and MySQL: each can drop every database on its server.</summary>
    public static readonly string[] SuperUsers = { "sa", "postgres", "root" };

    // Hex of 128 bits or more, or 16+ characters that mix lower case, upper case and digits: a key, where a cookie or
    // header name ("X-Access-Token-Cookie") mixes no digits.
    private const string SigningKeyShape = @"^(?:[a-fA-F0-9]{32,512}|(?=[^\s]*[a-z])(?=[^\s]*[A-Z])(?=[^\s]*[0-9])\S{16,512})$";

    private const string Uuid = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    /// <summary>
    /// Environment variables whose name says the credential they hold is over-scoped: reading one is an ASA102 finding at
    /// the name, whatever value it holds at run time. Not a secret.
    /// </summary>
    public static readonly OverScopedVariable[] Variables =
    {
        // Railway's name for account and team tokens; RAILWAY_TOKEN is a project token.
        new("RAILWAY_API_TOKEN", "Railway", "RAILWAY_TOKEN", RailwayAccountScope, RailwayNarrower),
    };

    /// <summary>
    /// Platform APIs whose Bearer tokens are account-wide: a Bearer header sent to one of these hosts is over-scoped
    /// whatever the token's value, where the platform offers a narrower credential sent another way.
    /// </summary>
    public static readonly PlatformHost[] Platforms =
    {
        // Railway's public GraphQL API takes account and team tokens as Bearer; project tokens go in Project-Access-Token.
        new("backboard.railway.", "Railway", "RAILWAY_API_TOKEN", RailwayAccountScope, RailwayNarrower),
    };
}

/// <summary>An environment variable whose conventional content is an over-scoped credential.</summary>
internal sealed class OverScopedVariable
{
    public OverScopedVariable(string name, string provider, string narrowerVariable, string overScope, string narrower)
    {
        Name = name;
        Provider = provider;
        NarrowerVariable = narrowerVariable;
        OverScope = overScope;
        Narrower = narrower;
    }

    public string Name { get; }

    public string Provider { get; }

    /// <summary>The variable that holds the narrower credential: what the code should read instead.</summary>
    public string NarrowerVariable { get; }

    public string OverScope { get; }

    public string Narrower { get; }
}

/// <summary>A platform API host that takes account-wide tokens as Bearer.</summary>
internal sealed class PlatformHost
{
    public PlatformHost(string hostFragment, string provider, string accountTokenName, string overScope, string narrower)
    {
        HostFragment = hostFragment;
        Provider = provider;
        AccountTokenName = accountTokenName;
        OverScope = overScope;
        Narrower = narrower;
    }

    /// <summary>Text of the host that appears in a URL to the API (<c>backboard.railway.</c> for .app and .com).</summary>
    public string HostFragment { get; }

    public string Provider { get; }

    /// <summary>The name the platform gives its account token: a constant sent there is read as bound to it.</summary>
    public string AccountTokenName { get; }

    public string OverScope { get; }

    public string Narrower { get; }
}
