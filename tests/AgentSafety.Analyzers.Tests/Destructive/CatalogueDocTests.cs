using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Tests.Foundation;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>
/// docs/rules/ASA201.md lists what the built-in catalogue covers, generated from DestructiveApis.txt, so the page cannot
/// drift from the data. Run with ASA_UPDATE_DOCS=1 to rewrite the generated part after changing the catalogue.
/// </summary>
public class CatalogueDocTests
{
    private const string Begin = "<!-- generated from DestructiveApis.txt by CatalogueDocTests: begin -->";
    private const string End = "<!-- generated from DestructiveApis.txt by CatalogueDocTests: end -->";

    [Fact]
    public void The_asa201_page_lists_exactly_the_built_in_catalogue()
    {
        var catalogue = File.ReadAllText(Path.Combine(RepositoryFacts.Root, "src", "AgentSafety.Analyzers", "Destructive", "DestructiveApis.txt"));
        GeneratedDocSection.AssertCurrent("ASA201.md", Begin, End, Render(catalogue));
    }

    [Fact]
    public void The_rendered_list_names_every_catalogue_line()
    {
        var catalogue = File.ReadAllText(Path.Combine(RepositoryFacts.Root, "src", "AgentSafety.Analyzers", "Destructive", "DestructiveApis.txt"));
        var rendered = Render(catalogue);
        foreach (var entry in DestructiveApiCatalog.Parse(catalogue))
        {
            Assert.Contains("`" + Display(TypeOf(entry)) + "`", rendered, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// One Markdown list per catalogue section (a block opened by a comment line after a blank line): each type with its
    /// methods, X and XAsync shown once as X[Async]; the Resource Manager exemptions ('!' lines) in a list of their own.
    /// </summary>
    internal static string Render(string catalogue)
    {
        var sections = new List<(string Title, List<DestructiveApiEntry> Entries)>();
        string? title = null;
        var previousBlank = true;
        var block = new StringBuilder();
        foreach (var raw in catalogue.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                previousBlank = true;
                continue;
            }

            if (line.StartsWith(";", StringComparison.Ordinal))
            {
                if (previousBlank)
                {
                    title = Title(line.TrimStart(';').Trim());
                    sections.Add((title, new List<DestructiveApiEntry>()));
                }

                previousBlank = false;
                continue;
            }

            previousBlank = false;
            if (sections.Count > 0)
            {
                sections[sections.Count - 1].Entries.AddRange(DestructiveApiCatalog.Parse(line));
            }
        }

        var text = new StringBuilder("\n");
        foreach (var (sectionTitle, entries) in sections.Where(s => s.Entries.Count > 0))
        {
            text.Append("\n**").Append(sectionTitle).Append("**\n\n");
            AppendTypes(text, entries.Where(e => !e.IsRemoval));
            var exempt = entries.Where(e => e.IsRemoval).ToList();
            if (exempt.Count > 0)
            {
                text.Append("\nLeft alone by the Resource Manager shape rule (they hold nothing of value):\n\n");
                foreach (var group in exempt.GroupBy(e => e.TypeMetadataName))
                {
                    text.Append("- `").Append(Display(group.Key)).Append("`: ").Append(group.First().Description).Append('\n');
                }
            }
        }

        return text.Append('\n').ToString();
    }

    private static void AppendTypes(StringBuilder text, IEnumerable<DestructiveApiEntry> entries)
    {
        foreach (var group in entries.GroupBy(TypeOf))
        {
            var names = group.Select(MethodOf).ToList();
            var shown = new List<string>();
            foreach (var name in names)
            {
                if (name.EndsWith("Async", StringComparison.Ordinal) && names.Contains(name.Substring(0, name.Length - 5)))
                {
                    continue;
                }

                shown.Add(names.Contains(name + "Async") ? name + "[Async]" : name);
            }

            text.Append("- `").Append(Display(group.Key)).Append("`: ").Append(string.Join(", ", shown)).Append('\n');
        }
    }

    /// <summary>Metadata names as C# shows them: <c>GridFSBucket`1</c> as <c>GridFSBucket&lt;T&gt;</c>, nested types with a dot.</summary>
    private static string Display(string metadataName) =>
        System.Text.RegularExpressions.Regex.Replace(metadataName, "`[0-9]+", "<T>").Replace('+', '.');

    private static string TypeOf(DestructiveApiEntry entry)
    {
        if (entry.Kind == CatalogueEntryKind.EveryOverload)
        {
            return entry.TypeMetadataName;
        }

        var name = entry.Id.Substring(2, entry.Id.IndexOf('(') - 2);
        return name.Substring(0, name.LastIndexOf('.'));
    }

    private static string MethodOf(DestructiveApiEntry entry)
    {
        if (entry.Kind == CatalogueEntryKind.EveryOverload)
        {
            return entry.MethodName;
        }

        var open = entry.Id.IndexOf('(');
        var name = entry.Id.Substring(2, open - 2);
        return name.Substring(name.LastIndexOf('.') + 1) + " (only " + entry.Id.Substring(open).Replace("{", "<").Replace("}", ">") + ")";
    }

    private static string Title(string comment)
    {
        var cut = comment.Length;
        foreach (var marker in new[] { " (", ". " })
        {
            var at = comment.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0 && at < cut)
            {
                cut = at;
            }
        }

        return comment.Substring(0, cut).TrimEnd('.', ':', ';', ',');
    }
}
