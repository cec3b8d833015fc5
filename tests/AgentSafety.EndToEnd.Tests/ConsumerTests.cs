using System;
using System.IO;
using System.Linq;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>What a user sees after <c>dotnet add package AgentSafety.Analyzers</c> in a fresh project.</summary>
[Collection(PackageCollection.Name)]
public class ConsumerTests
{
    private readonly PackageFixture _package;

    public ConsumerTests(PackageFixture package) => _package = package;

    [Fact]
    public void Fresh_project_loads_both_analyzer_assemblies_and_hands_config_files_over_once()
    {
        // The user already lists appsettings.json themselves; the package must not add it a second time.
        var consumer = _package.CreateConsumer("ItemsProbe", """
              <ItemGroup>
                <AdditionalFiles Include="appsettings.json" />
              </ItemGroup>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), "System.Console.WriteLine(typeof(AgentSafety.Guards.ConfirmationGuardAttribute).Name);\n");
        File.WriteAllText(Path.Combine(consumer, "appsettings.json"), "{}");
        File.WriteAllText(Path.Combine(consumer, "appsettings.Staging.json"), "{}");
        File.WriteAllText(Path.Combine(consumer, ".env.staging"), "A=1\n");
        File.WriteAllText(Path.Combine(consumer, "AgentSafety.DestructiveApis.txt"), "; none\n");
        File.WriteAllText(Path.Combine(consumer, "notes.json"), "{}");
        _package.AddPackage(consumer);

        // The compiler's own command line is the ground truth of what it was given.
        var build = _package.Build(consumer, "-v:n");

        Assert.True(build.ExitCode == 0, "build failed:\n" + build);
        var csc = build.Output.Split('\n').Single(l => l.Contains("/analyzer:", StringComparison.Ordinal) && l.Contains(" /out:", StringComparison.Ordinal));
        var analyzers = Arguments(csc, "/analyzer:").Select(Path.GetFileName).ToArray();
        Assert.Contains("AgentSafety.Analyzers.dll", analyzers);
        Assert.Contains("AgentSafety.Analyzers.CodeFixes.dll", analyzers);
        Assert.Contains(Arguments(csc, "/reference:"), r => Path.GetFileName(r) == "AgentSafety.Guards.dll");

        var additional = Arguments(csc, "/additionalfile:").Select(Path.GetFileName).ToArray();
        Assert.Single(additional, "appsettings.json");
        Assert.Single(additional, "appsettings.Staging.json");
        Assert.Single(additional, ".env.staging");
        Assert.Single(additional, "AgentSafety.DestructiveApis.txt");
        Assert.DoesNotContain("notes.json", additional);
    }

    private static string[] Arguments(string commandLine, string prefix) =>
        commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(a => a.StartsWith(prefix, StringComparison.Ordinal))
            .Select(a => a[prefix.Length..].Trim('"'))
            .ToArray();
}
