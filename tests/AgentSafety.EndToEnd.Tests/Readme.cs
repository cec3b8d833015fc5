using System;
using System.IO;
using System.Linq;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>The repository's README: the tests run its commands verbatim, so the README cannot drift from what works.</summary>
public static class Readme
{
    public static string Text { get; } = File.ReadAllText(Path.Combine(DotNet.RepositoryRoot, "README.md"));

    /// <summary>The one README line that starts with <paramref name="prefix"/>, as written there.</summary>
    public static string Line(string prefix)
    {
        var lines = Text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.StartsWith(prefix, StringComparison.Ordinal)).Distinct().ToArray();
        Assert.True(lines.Length == 1, $"expected one README line starting with '{prefix}', found {lines.Length}");
        return lines[0];
    }

    /// <summary><paramref name="line"/>, after checking that the README holds it as a line of its own.</summary>
    public static string Exact(string line)
    {
        Assert.True(Text.Split('\n').Any(l => l.TrimEnd('\r') == line), $"the README has no line '{line}'");
        return line;
    }
}
