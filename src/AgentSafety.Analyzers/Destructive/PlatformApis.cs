using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// A REST endpoint of a hosting or data platform that destroys what it names. <see cref="Host"/> is exact, or
/// <c>*.suffix</c> for per-project hosts, or <c>*</c> for self-hosted products whose path is distinctive (GitLab's
/// <c>/api/v4</c>). Path segments: a literal (case-insensitive, <c>*</c> as a glob), <c>{}</c> for one segment,
/// <c>**</c> as the last segment for one or more (a Git ref such as <c>heads/main</c>).
/// </summary>
internal sealed class PlatformEndpoint
{
    public PlatformEndpoint(string platform, string host, string method, string path, string destroys, string reference)
    {
        Platform = platform;
        Host = host;
        Method = method;
        Path = path;
        Segments = path.Trim('/').Split('/');
        Destroys = destroys;
        Reference = reference;
    }

    public string Platform { get; }

    public string Host { get; }

    public string Method { get; }

    public string Path { get; }

    public string[] Segments { get; }

    public string Destroys { get; }

    public string Reference { get; }
}

/// <summary>A GraphQL mutation field of a platform's API that destroys what it names.</summary>
internal sealed class PlatformMutation
{
    public PlatformMutation(string platform, string field, string destroys, string reference)
    {
        Platform = platform;
        Field = field;
        Destroys = destroys;
        Reference = reference;
    }

    public string Platform { get; }

    public string Field { get; }

    public string Destroys { get; }

    public string Reference { get; }
}

/// <summary>
/// The destructive REST endpoints and GraphQL mutations of the platforms agents deploy to, each row taken from the
/// platform's API reference (linked per row, and listed in docs/rules/ASA202.md, which a test keeps equal to these
/// tables). A platform is rows here and nothing else: no platform has code of its own.
/// </summary>
internal static class PlatformApis
{
    private const string Fly = "https://fly.io/docs/machines/api/";
    private const string Render = "https://api-docs.render.com/reference/";
    private const string Vercel = "https://vercel.com/docs/rest-api";
    private const string Heroku = "https://devcenter.heroku.com/articles/platform-api-reference";
    private const string DigitalOcean = "https://docs.digitalocean.com/reference/api/digitalocean/";
    private const string Netlify = "https://open-api.netlify.com/";
    private const string Supabase = "https://supabase.com/docs/reference/api/introduction";
    private const string SupabaseStorage = "https://supabase.com/docs/reference/storage";
    private const string Neon = "https://neon.com/docs/reference/api";
    private const string PlanetScale = "https://planetscale.com/docs/api/reference";
    private const string Cloudflare = "https://developers.cloudflare.com/api/";
    private const string GitHub = "https://docs.github.com/en/rest";
    private const string GitLab = "https://docs.gitlab.com/api/rest/";
    private const string Azure = "https://learn.microsoft.com/rest/api/resources/";
    private const string Railway = "https://docs.railway.com/reference/public-api";
    private const string FlyGraphQl = "https://github.com/superfly/flyctl (GraphQL schema at api.fly.io/graphql)";
    private const string GitHubGraphQl = "https://docs.github.com/en/graphql/reference/mutations";
    private const string GitLabGraphQl = "https://docs.gitlab.com/api/graphql/reference/";

    public static readonly PlatformEndpoint[] Endpoints =
    {
        new("Fly.io", "api.machines.dev", "DELETE", "/v1/apps/{}", "an app with its machines and volumes", Fly),
        new("Fly.io", "api.machines.dev", "DELETE", "/v1/apps/{}/machines/{}", "a machine", Fly),
        new("Fly.io", "api.machines.dev", "DELETE", "/v1/apps/{}/volumes/{}", "a volume and its data", Fly),
        new("Render", "api.render.com", "DELETE", "/v1/services/{}", "a service", Render),
        new("Render", "api.render.com", "DELETE", "/v1/postgres/{}", "a Postgres database", Render),
        new("Render", "api.render.com", "DELETE", "/v1/redis/{}", "a Redis instance", Render),
        new("Render", "api.render.com", "DELETE", "/v1/key-value/{}", "a Key Value instance", Render),
        new("Render", "api.render.com", "DELETE", "/v1/disks/{}", "a persistent disk", Render),
        new("Vercel", "api.vercel.com", "DELETE", "/v*/projects/{}", "a project with its deployments and domains", Vercel),
        new("Vercel", "api.vercel.com", "DELETE", "/v*/deployments/{}", "a deployment", Vercel),
        new("Vercel", "api.vercel.com", "DELETE", "/v*/domains/{}", "a domain", Vercel),
        new("Vercel", "api.vercel.com", "DELETE", "/v*/edge-config/{}", "an Edge Config store", Vercel),
        new("Heroku", "api.heroku.com", "DELETE", "/apps/{}", "an app", Heroku),
        new("Heroku", "api.heroku.com", "DELETE", "/apps/{}/addons/{}", "an add-on (a Heroku Postgres database ...)", Heroku),
        new("Heroku", "api.heroku.com", "DELETE", "/pipelines/{}", "a pipeline", Heroku),
        new("Heroku", "api.heroku.com", "DELETE", "/spaces/{}", "a private space", Heroku),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/droplets/{}", "a droplet", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/droplets", "every droplet with a tag", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/volumes/{}", "a block storage volume and its data", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/volumes", "a volume named in the query", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/databases/{}", "a database cluster", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/databases/{}/dbs/{}", "a database", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/databases/{}/replicas/{}", "a read replica", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/apps/{}", "an App Platform app", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/kubernetes/clusters/{}", "a Kubernetes cluster", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/kubernetes/clusters/{}/destroy_with_associated_resources/dangerous", "a cluster with its volumes and load balancers", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/snapshots/{}", "a snapshot", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/images/{}", "an image", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/registry", "the container registry", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/domains/{}", "a domain and its records", DigitalOcean),
        new("DigitalOcean", "api.digitalocean.com", "DELETE", "/v2/projects/{}", "a project", DigitalOcean),
        new("Netlify", "api.netlify.com", "DELETE", "/api/v1/sites/{}", "a site", Netlify),
        new("Supabase", "api.supabase.com", "DELETE", "/v1/projects/{}", "a project and its database", Supabase),
        new("Supabase", "api.supabase.com", "DELETE", "/v1/projects/{}/functions/{}", "an Edge Function", Supabase),
        new("Supabase", "api.supabase.com", "DELETE", "/v1/projects/{}/branches", "every preview branch", Supabase),
        new("Supabase", "api.supabase.com", "DELETE", "/v1/branches/{}", "a preview branch", Supabase),
        new("Supabase", "*.supabase.co", "DELETE", "/storage/v1/bucket/{}", "a storage bucket", SupabaseStorage),
        new("Supabase", "*.supabase.co", "DELETE", "/storage/v1/object/{}", "the objects listed in the body", SupabaseStorage),
        new("Neon", "console.neon.tech", "DELETE", "/api/v2/projects/{}", "a project with its branches and databases", Neon),
        new("Neon", "console.neon.tech", "DELETE", "/api/v2/projects/{}/branches/{}", "a branch", Neon),
        new("Neon", "console.neon.tech", "DELETE", "/api/v2/projects/{}/branches/{}/databases/{}", "a database", Neon),
        new("PlanetScale", "api.planetscale.com", "DELETE", "/v1/organizations/{}/databases/{}", "a database", PlanetScale),
        new("PlanetScale", "api.planetscale.com", "DELETE", "/v1/organizations/{}/databases/{}/branches/{}", "a branch", PlanetScale),
        new("PlanetScale", "api.planetscale.com", "DELETE", "/v1/organizations/{}/databases/{}/branches/{}/backups/{}", "a backup", PlanetScale),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/zones/{}", "a zone", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/workers/scripts/{}", "a Worker", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/r2/buckets/{}", "an R2 bucket", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/d1/database/{}", "a D1 database", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/storage/kv/namespaces/{}", "a KV namespace", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/storage/kv/namespaces/{}/bulk", "many KV keys", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/pages/projects/{}", "a Pages project", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/queues/{}", "a queue", Cloudflare),
        new("Cloudflare", "api.cloudflare.com", "DELETE", "/client/v4/accounts/{}/vectorize/v2/indexes/{}", "a Vectorize index", Cloudflare),
        new("GitHub", "api.github.com", "DELETE", "/repos/{}/{}", "a repository", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/orgs/{}", "an organization", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/repos/{}/{}/git/refs/**", "a branch or tag", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/repos/{}/{}/releases/{}", "a release", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/repos/{}/{}/environments/{}", "a deployment environment", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/user/packages/{}/{}", "a package", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/orgs/{}/packages/{}/{}", "a package", GitHub),
        new("GitHub", "api.github.com", "DELETE", "/gists/{}", "a gist", GitHub),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}", "a project", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/groups/{}", "a group with its projects", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/repository/branches/{}", "a branch", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/repository/merged_branches", "every merged branch", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/repository/tags/{}", "a tag", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/releases/{}", "a release", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/registry/repositories/{}", "a container repository", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/packages/{}", "a package", GitLab),
        new("GitLab", "*", "DELETE", "/api/v4/projects/{}/environments/{}", "an environment", GitLab),
        new("Azure Resource Manager", "management.azure.com", "DELETE", "/subscriptions/{}/resourceGroups/{}", "a resource group and every resource in it", Azure),
        new("Azure Resource Manager", "management.azure.com", "DELETE", "/subscriptions/{}/resourceGroups/{}/providers/**", "a resource", Azure),
    };

    public static readonly PlatformMutation[] Mutations =
    {
        new("Railway", "volumeDelete", "a volume and its data", Railway),
        new("Railway", "serviceDelete", "a service", Railway),
        new("Railway", "environmentDelete", "an environment", Railway),
        new("Railway", "projectDelete", "a project", Railway),
        new("Railway", "projectScheduleDelete", "a project (scheduled)", Railway),
        new("Railway", "volumeInstanceBackupDelete", "a volume backup", Railway),
        new("Railway", "volumeInstanceBackupBatchDelete", "volume backups", Railway),
        new("Railway", "volumeInstanceBackupRestore", "a volume's current data (overwritten by the backup)", Railway),
        new("Railway", "deploymentRemove", "a deployment", Railway),
        new("Railway", "variableDelete", "a variable", Railway),
        new("Railway", "volumeDetach", "a volume's attachment", Railway),
        new("Railway", "customDomainDelete", "a custom domain", Railway),
        new("Railway", "serviceDomainDelete", "a service domain", Railway),
        new("Railway", "tcpProxyDelete", "a TCP proxy", Railway),
        new("Railway", "pluginDelete", "a plugin (legacy database)", Railway),
        new("Fly.io", "deleteApp", "an app", FlyGraphQl),
        new("Fly.io", "deleteVolume", "a volume and its data", FlyGraphQl),
        new("GitHub", "deleteRef", "a branch or tag", GitHubGraphQl),
        new("GitHub", "deleteProjectV2", "a project", GitHubGraphQl),
        new("GitHub", "deleteEnvironment", "a deployment environment", GitHubGraphQl),
        new("GitHub", "deletePackageVersion", "a package version", GitHubGraphQl),
        new("GitLab", "destroyPackage", "a package", GitLabGraphQl),
        new("GitLab", "destroyContainerRepository", "a container repository", GitLabGraphQl),
        new("GitLab", "environmentDelete", "an environment", GitLabGraphQl),
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);

    // Mutation fields named for deleting infrastructure, for platforms without a row (an application's own per-record
    // mutations, commentDelete and the like, do not have this shape). Applied to one identifier at a time, anchored.
    private static readonly Regex InfrastructureField = new(
        @"^((volume|service|environment|project|database|db|cluster|bucket|backup|snapshot|namespace|app|machine|instance|deployment|server|storage)\w{0,40}(Delete|Destroy|Remove|Purge|Drop)|(delete|destroy|remove|purge|drop)(Volume|Service|Environment|Project|Database|Cluster|Bucket|Backup|Snapshot|Namespace|App|Machine|Instance|Deployment|Server)\w{0,40})$",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly Dictionary<string, PlatformMutation> MutationsByField = CreateIndex();

    private static Dictionary<string, PlatformMutation> CreateIndex()
    {
        var index = new Dictionary<string, PlatformMutation>(StringComparer.Ordinal);
        foreach (var mutation in Mutations)
        {
            index[mutation.Field] = mutation;
        }

        return index;
    }

    /// <summary>The first field called in a GraphQL mutation document that a row names or that has the shape of an infrastructure delete.</summary>
    public static string? DestructiveMutationField(string text)
    {
        var at = text.IndexOf("mutation", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        // Every identifier followed by '(' after the keyword: the operation's name and its fields.
        for (var i = at + 8; i < text.Length; i++)
        {
            if (!IsIdentifierStart(text[i]) || IsIdentifierPart(text[i - 1]))
            {
                continue;
            }

            var start = i;
            while (i < text.Length && IsIdentifierPart(text[i]))
            {
                i++;
            }

            var next = i;
            while (next < text.Length && text[next] is ' ' or '\t' or '\r' or '\n')
            {
                next++;
            }

            if (next >= text.Length || text[next] != '(')
            {
                continue;
            }

            var field = text.Substring(start, i - start);
            if (MutationsByField.ContainsKey(field) || IsInfrastructureField(field))
            {
                return field;
            }
        }

        return null;
    }

    private static bool IsInfrastructureField(string field)
    {
        try
        {
            return field.Length <= 80 && InfrastructureField.IsMatch(field);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || (c >= '0' && c <= '9');

    /// <summary>The host (or, for a relative URL, the platform) a <c>DELETE</c> of <paramref name="text"/> destroys something on, or null.</summary>
    public static string? DeleteTarget(string text) =>
        Match("DELETE", text, out var host) is { } endpoint ? (host.Length > 0 ? host : endpoint.Platform) : null;

    /// <summary>The endpoint row a URL in <paramref name="text"/> hits with <paramref name="method"/>, or null.</summary>
    public static PlatformEndpoint? Match(string method, string text) => Match(method, text, out _);

    private static PlatformEndpoint? Match(string method, string text, out string host)
    {
        host = "";
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        string path;
        if (scheme >= 0)
        {
            var hostStart = scheme + 3;
            var hostEnd = hostStart;
            while (hostEnd < text.Length && text[hostEnd] is not ('/' or '?' or '#' or ':' or ' ' or '"' or '\''))
            {
                hostEnd++;
            }

            host = text.Substring(hostStart, hostEnd - hostStart).ToLowerInvariant();
            while (hostEnd < text.Length && text[hostEnd] != '/' && text[hostEnd] is not ('?' or '#' or ' ' or '"'))
            {
                hostEnd++;
            }

            path = PathFrom(text, hostEnd);
        }
        else if (text.StartsWith("/", StringComparison.Ordinal))
        {
            // A relative URL sent through a client whose BaseAddress the source shows elsewhere: only host-free rows apply.
            host = "";
            path = PathFrom(text, 0);
        }
        else
        {
            return null;
        }

        var segments = path.Trim('/').Split('/');
        foreach (var endpoint in Endpoints)
        {
            if (endpoint.Method == method && HostMatches(endpoint.Host, host) && PathMatches(endpoint.Segments, segments))
            {
                return endpoint;
            }
        }

        return null;
    }

    private static string PathFrom(string text, int start)
    {
        var end = start;
        while (end < text.Length && text[end] is not ('?' or '#' or ' ' or '"' or '\'' or '\n'))
        {
            end++;
        }

        return text.Substring(start, end - start);
    }

    private static bool HostMatches(string pattern, string host)
    {
        if (pattern == "*")
        {
            return true;
        }

        if (pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(pattern.Substring(1), StringComparison.Ordinal) && host.Length > pattern.Length - 1;
        }

        return host == pattern;
    }

    private static bool PathMatches(string[] template, string[] segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == "**")
            {
                return i == template.Length - 1 && segments.Length > i && segments[i].Length > 0;
            }

            if (i >= segments.Length || segments[i].Length == 0)
            {
                return false;
            }

            if (template[i] != "{}" && !CliCommandClassifier.Glob(template[i], segments[i]))
            {
                return false;
            }
        }

        return segments.Length == template.Length;
    }
}
