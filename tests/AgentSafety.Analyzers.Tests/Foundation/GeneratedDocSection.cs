using System;
using System.IO;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Foundation;

/// <summary>
/// The generated part of a rule page: the text between two markers must be what the rule's data renders, so a page
/// cannot drift from the tables the analyzers read. After changing the data on purpose, run the tests with
/// <c>ASA_UPDATE_DOCS=1</c> to rewrite that part in place.
/// </summary>
internal static class GeneratedDocSection
{
    public const string UpdateVariable = "ASA_UPDATE_DOCS";

    public static void AssertCurrent(string rulePage, string begin, string end, string expected)
    {
        var path = Path.Combine(RepositoryFacts.Root, "docs", "rules", rulePage);
        var text = File.ReadAllText(path).Replace("\r\n", "\n");
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = from < 0 ? -1 : text.IndexOf(end, from + begin.Length, StringComparison.Ordinal);
        Assert.True(from >= 0 && to >= 0, $"docs/rules/{rulePage} has no generated section between '{begin}' and '{end}'; insert the two markers, then run the tests with {UpdateVariable}=1");

        var actual = text.Substring(from + begin.Length, to - from - begin.Length);
        if (actual != expected && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, text.Substring(0, from + begin.Length) + expected + text.Substring(to));
            return;
        }

        Assert.True(actual == expected, $"docs/rules/{rulePage}'s generated section is stale; run the tests with {UpdateVariable}=1 to regenerate it");
    }
}
