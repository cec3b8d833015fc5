using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Foundation;

public class DescriptorTests
{
    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Every_rule_identifier_has_exactly_one_descriptor()
    {
        var ids = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetValue(null)!)
            .OrderBy(x => x)
            .ToArray();
        var descriptorIds = AllDescriptors().Select(d => d.Id).OrderBy(x => x).ToArray();

        Assert.NotEmpty(ids);
        Assert.Equal(ids, descriptorIds);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Help_link_points_at_an_existing_rule_page(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);

        Assert.Equal($"https://github.com/AgentSafety/AgentSafety.Analyzers/blob/main/docs/rules/{id}.md", descriptor.HelpLinkUri);
        var page = Path.Combine(RepositoryFacts.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith("# " + id, text, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it catches", "## Why it matters", "## How to fix", "## How to suppress", "## Generated code" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_is_tracked_in_the_unshipped_release_file(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryFacts.Root, "src", "AgentSafety.Analyzers", "AnalyzerReleases.Unshipped.md"));

        var row = unshipped.SingleOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.NotNull(row);
        var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_is_enabled_with_a_message_and_category(string id)
    {
        var descriptor = AllDescriptors().Single(d => d.Id == id);

        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.Contains(descriptor.Category, new[] { "Security", "Reliability" });
        var expectedSeverity = id == RuleIdentifiers.UnresolvedDestructiveApiEntry ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
        Assert.Equal(expectedSeverity, descriptor.DefaultSeverity);
    }

    internal static DiagnosticDescriptor[] AllDescriptors() =>
        typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();
}
