using System.Collections.Generic;
using System.Linq;
using AgentSafety.Analyzers.Destructive;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>The platform tables: every row is reachable by a URL written the way its API reference writes it, and the nearest routine requests are not.</summary>
public class PlatformApisTests
{
    public static IEnumerable<object[]> EndpointRows() => PlatformApis.Endpoints.Select((e, i) => new object[] { i, e.Platform + " " + e.Path });

    // Two platforms name a mutation alike (Railway and GitLab both have environmentDelete): one case per field.
    public static IEnumerable<object[]> MutationRows() => PlatformApis.Mutations.Select(m => m.Field).Distinct().Select(f => new object[] { f });

    /// <summary>A URL for a row: each <c>{}</c> an id, <c>**</c> a Git ref, <c>v*</c> a version, a wildcard host a concrete one.</summary>
    private static string SampleUrl(PlatformEndpoint endpoint)
    {
        var host = endpoint.Host switch
        {
            "*" => "gitlab.example.com",
            var h when h.StartsWith("*.") => "abcd" + h.Substring(1),
            var h => h,
        };
        var path = string.Join("/", endpoint.Segments.Select((s, i) => s switch
        {
            "{}" => "id" + i,
            "**" => "heads/feature/x",
            _ => s.Replace("*", "9"),
        }));
        return $"https://{host}/{path}?force=true";
    }

    [Theory]
    [MemberData(nameof(EndpointRows))]
    public void Every_endpoint_row_matches_its_own_url(int row, string name)
    {
        var endpoint = PlatformApis.Endpoints[row];
        var url = SampleUrl(endpoint);
        Assert.Same(endpoint, PlatformApis.Match(endpoint.Method, url));
        Assert.Null(PlatformApis.Match("GET", url));
        Assert.NotNull(name);
    }

    [Theory]
    [MemberData(nameof(EndpointRows))]
    public void Every_endpoint_row_cites_its_platforms_reference(int row, string name)
    {
        var endpoint = PlatformApis.Endpoints[row];
        Assert.StartsWith("https://", endpoint.Reference);
        Assert.False(string.IsNullOrWhiteSpace(endpoint.Destroys), name);
    }

    [Theory]
    [InlineData("https://api.digitalocean.com/v2/volumes/{…}", "api.digitalocean.com")]
    [InlineData("https://api.machines.dev/v1/apps/{…}/machines/{…}", "api.machines.dev")]
    [InlineData("https://api.vercel.com/v9/projects/shop?teamId=t", "api.vercel.com")]
    [InlineData("https://console.neon.tech/api/v2/projects/p-1/branches/br-1", "console.neon.tech")]
    [InlineData("https://api.github.com/repos/acme/api/git/refs/heads/main", "api.github.com")]
    [InlineData("https://gitlab.acme.internal/api/v4/projects/42", "gitlab.acme.internal")]
    [InlineData("/api/v4/groups/7", "GitLab")]
    [InlineData("https://xyz.supabase.co/storage/v1/bucket/avatars", "xyz.supabase.co")]
    [InlineData("https://management.azure.com/subscriptions/s/resourcegroups/prod-rg?api-version=2021-04-01", "management.azure.com")]
    public void A_delete_of_a_destructive_endpoint_names_its_host(string url, string expected) => Assert.Equal(expected, PlatformApis.DeleteTarget(url));

    [Theory]
    // Sub-resources that are configuration or one record, not the resource itself.
    [InlineData("https://api.vercel.com/v9/projects/shop/env/env_1")]
    [InlineData("https://api.github.com/repos/acme/api/issues/1/labels/bug")]
    [InlineData("https://api.github.com/repos/acme/api/issues/comments/1")]
    [InlineData("https://api.cloudflare.com/client/v4/zones/z/dns_records/r")]
    [InlineData("https://api.heroku.com/apps/shop/config-vars")]
    [InlineData("https://api.render.com/v1/services/srv-1/custom-domains/d")]
    // Another host with the same path, and a path the source does not show.
    [InlineData("https://shop.example.com/v1/services/srv-1")]
    [InlineData("https://api.digitalocean.com/v2/{…}/{…}")]
    [InlineData("https://api.supabase.com.evil.example/v1/projects/p")]
    [InlineData("v1/services/srv-1")]
    public void Routine_deletes_and_unknown_hosts_are_not(string url) => Assert.Null(PlatformApis.DeleteTarget(url));

    [Theory]
    [MemberData(nameof(MutationRows))]
    public void Every_mutation_row_is_found_in_a_mutation_and_not_in_a_query(string field)
    {
        Assert.Equal(field, PlatformApis.DestructiveMutationField($"mutation Op($id: String!) {{ {field}(id: $id) {{ id }} }}"));
        Assert.Equal(field, PlatformApis.DestructiveMutationField($"{{\"query\":\"mutation {{\\n  {field} (input: {{id: \\\"x\\\"}})\\n}}\"}}"));
        Assert.Null(PlatformApis.DestructiveMutationField($"query {{ {field} {{ id }} }}"));
        Assert.Null(PlatformApis.DestructiveMutationField($"mutation {{ {field}Status {{ id }} }}"));
    }

    [Theory]
    [InlineData("mutation { commentDelete(id: 1) }")]
    [InlineData("mutation { cartItemRemove(id: 1) { id } }")]
    [InlineData("mutation { updateProject(id: 1, name: \"delete me\") { id } }")]
    [InlineData("mutation { deleteMe: userUpdate(id: 1) { id } }")]
    public void An_applications_own_mutations_are_not(string text) => Assert.Null(PlatformApis.DestructiveMutationField(text));

    [Theory]
    [InlineData("mutation { bucketDelete(name: \"b\") }", "bucketDelete")]
    [InlineData("mutation { destroyCluster(id: 1) }", "destroyCluster")]
    public void An_infrastructure_delete_of_another_platform_is_found_by_its_shape(string text, string field) =>
        Assert.Equal(field, PlatformApis.DestructiveMutationField(text));

    [Fact]
    public void The_tables_cover_the_platforms_the_issue_names()
    {
        var platforms = PlatformApis.Endpoints.Select(e => e.Platform).Concat(PlatformApis.Mutations.Select(m => m.Platform)).ToHashSet();
        foreach (var platform in new[] { "Railway", "Fly.io", "Render", "Vercel", "Heroku", "DigitalOcean", "Netlify", "Supabase", "Neon", "PlanetScale", "Cloudflare", "GitHub", "GitLab" })
        {
            Assert.Contains(platform, platforms);
        }
    }
}
