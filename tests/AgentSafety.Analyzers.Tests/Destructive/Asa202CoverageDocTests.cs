using System;
using System.IO;
using System.Linq;
using System.Text;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Tests.Foundation;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// docs/rules/ASA202.md lists what the rule covers, rendered from the tables the analyzer reads. A row added to a table
/// fails this test until the page is regenerated (see <see cref="GeneratedDocSection"/>).
/// </summary>
public class Asa202CoverageDocTests
{
    private const string Start = "<!-- coverage:start (generated from DestructiveCliCommands and PlatformApis by Asa202CoverageDocTests; do not edit by hand) -->";
    private const string End = "<!-- coverage:end -->";

    [Fact]
    public void The_rule_page_lists_exactly_the_tables()
    {
        var rendered = Render();
        GeneratedDocSection.AssertCurrent("ASA202.md", Start, End, rendered.Substring(Start.Length, rendered.Length - Start.Length - End.Length));
    }

    [Fact]
    public void Every_tool_in_the_tables_has_a_documentation_reference()
    {
        var referenced = DestructiveCliCommands.References.Select(r => r.Tool).ToHashSet();
        foreach (var rule in DestructiveCliCommands.Rules.Where(r => r.Verdict == CliVerdict.Destructive))
        {
            Assert.True(rule.Tools.Any(referenced.Contains) || rule.Tools.Any(t => t is "oc" or "tofu" or "podman" or "mcli" or "mariadb-admin" or "lvremove" or "vgremove" or "pvremove" or "zfs" or "zpool" or "btrfs" or "flyctl" or "neon"), string.Join("|", rule.Tools));
        }
    }

    internal static string Render()
    {
        var md = new StringBuilder();
        md.Append(Start).Append('\n');
        md.Append("## What is covered\n\n");
        var destructive = DestructiveCliCommands.Rules.Where(r => r.Verdict == CliVerdict.Destructive).ToList();
        md.Append($"### Commands ({destructive.Count} rows over {destructive.SelectMany(r => r.Tools).Distinct().Count()} programs)\n\n");
        md.Append("Each simple command of a chain (`;`, `&&`, `||`, `|`) is judged on its own, after `sudo`, `env`, `timeout` ... and through `sh -c`, `cmd /c`, `pwsh -Command`, `ssh host '…'`, `kubectl exec … --` and `docker exec`. ");
        md.Append("`…` stands for command-group words (`az storage account delete`); options may be split, combined (`-rf`) or long (`--force`, `--x=y`).\n\n");
        md.Append("| Program | Command | Reported when | Destroys |\n|---|---|---|---|\n");
        foreach (var rule in destructive)
        {
            md.Append($"| {Code(string.Join(" / ", rule.Tools))} | {Code(PathText(rule))} | {Conditions(rule)} | {rule.Destroys} |\n");
        }

        md.Append("\n### Look-alikes that stay quiet\n\n| Program | Command | Why |\n|---|---|---|\n");
        foreach (var rule in DestructiveCliCommands.Rules.Where(r => r.Verdict == CliVerdict.Routine))
        {
            md.Append($"| {Code(string.Join(" / ", rule.Tools))} | {Code(PathText(rule))} | {rule.Destroys} |\n");
        }

        md.Append("\n### Text carried to a database\n\nThe text goes through the same SQL, Redis and Mongo rules as ADO.NET, `IDatabase.Execute` and the Mongo driver; text piped in (`echo '…' |`) or given as a here-document counts.\n\n");
        md.Append("| Client | Text in | Judged as |\n|---|---|---|\n");
        foreach (var carrier in DestructiveCliCommands.TextCarriers)
        {
            var where = string.Join(", ", carrier.TextOptions.Select(Code));
            if (carrier.TextAfterPositionals >= 0)
            {
                where += (where.Length > 0 ? ", " : "") + (carrier.TextAfterPositionals == 0 ? "the words after the options" : $"the words after the first {carrier.TextAfterPositionals} operand");
            }

            md.Append($"| {Code(string.Join(" / ", carrier.Tools))} | {where} | {carrier.Language} |\n");
        }

        md.Append("\nRedis verbs: ").Append("`FLUSHALL`, `FLUSHDB`, `SHUTDOWN`. Mongo shell: `dropDatabase()`, `.drop()`, `deleteMany({})`/`remove({})` with an empty filter.\n");

        md.Append("\n### Recursive deletes (`rm -r`)\n\n| Path | Covers |\n|---|---|\n");
        foreach (var (path, scope) in DestructiveCliCommands.ProtectedPaths)
        {
            var covers = scope switch
            {
                PathScope.Self => "the path and its contents",
                PathScope.Children => "the path and each entry directly in it",
                _ => "the path and everything beneath it",
            };
            md.Append($"| {Code(path)} | {covers} |\n");
        }

        md.Append($"\nHome is {string.Join(", ", DestructiveCliCommands.HomeForms.Select(Code))}. Routine and quiet: temporary directories ({string.Join(", ", DestructiveCliCommands.TempRoots.Select(Code))}, any other variable such as `${{TMPDIR:-/tmp}}`), ");
        md.Append($"caches ({string.Join(", ", DestructiveCliCommands.RoutinePaths.Select(Code))}) and relative paths inside the working directory (`build`, `./bin`).\n");
        md.Append($"\nBlock devices ({string.Join(", ", DestructiveCliCommands.BlockDevicePrefixes.Select(p => Code(p + "…")))}) written by {string.Join(", ", DestructiveCliCommands.DeviceWriters.Select(d => Code(d.Tools.Replace("|", " / ")) + (d.Require.Length > 0 ? " with " + Code(d.Require.Replace("|", " / ")) : "")))} (`dd` through `of=`).\n");

        md.Append($"\n### Platform REST endpoints ({PlatformApis.Endpoints.Length} rows)\n\n`{{}}` is one path segment; `**` the rest of the path. Reported for `HttpClient.DeleteAsync` and `SendAsync` of a `DELETE` request.\n\n");
        md.Append("| Platform | Method | Host | Path | Destroys | Reference |\n|---|---|---|---|---|---|\n");
        foreach (var endpoint in PlatformApis.Endpoints)
        {
            var host = endpoint.Host == "*" ? "any (self-hosted)" : Code(endpoint.Host);
            md.Append($"| {endpoint.Platform} | {endpoint.Method} | {host} | {Code(endpoint.Path)} | {endpoint.Destroys} | {endpoint.Reference} |\n");
        }

        md.Append($"\n### Platform GraphQL mutations ({PlatformApis.Mutations.Length} rows)\n\nAlso reported: a mutation field shaped like an infrastructure delete on any platform (`bucketDelete`, `destroyCluster`); an application's own per-record mutations (`commentDelete`) are not.\n\n");
        md.Append("| Platform | Field | Destroys | Reference |\n|---|---|---|---|\n");
        foreach (var mutation in PlatformApis.Mutations)
        {
            md.Append($"| {mutation.Platform} | {Code(mutation.Field)} | {mutation.Destroys} | {mutation.Reference} |\n");
        }

        md.Append("\n### Sources\n\n");
        foreach (var (tool, reference) in DestructiveCliCommands.References)
        {
            md.Append($"- {tool}: {reference}\n");
        }

        md.Append(End);
        return md.ToString();
    }

    private static string PathText(CliRule rule) => rule.Path.Length == 0 ? "(any arguments)" : string.Join(" ", rule.Path.Select(p => p == "**" ? "…" : p.Replace("|", " / ")));

    private static string Conditions(CliRule rule)
    {
        var parts = rule.Require.Select(r => "with " + string.Join(" or ", r.Split('|').Select(Code))).ToList();
        parts.AddRange(rule.Forbid.Select(f => "not with " + string.Join(" or ", f.Split('|').Select(Code))));
        return parts.Count == 0 ? "always" : string.Join("; ", parts);
    }

    private static string Code(string text) => "`" + text.Replace("|", "\\|") + "`";
}
