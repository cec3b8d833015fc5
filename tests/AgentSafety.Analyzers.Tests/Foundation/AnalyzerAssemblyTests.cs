using System;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Foundation;

public class AnalyzerAssemblyTests
{
    [Theory]
    [InlineData(typeof(RuleIdentifiers))]
    [InlineData(typeof(AgentSafety.Analyzers.CodeFixes.Common.SymbolReferences))]
    public void References_no_compiler_newer_than_4_8_so_it_loads_in_the_dotnet_8_sdk_and_vs_2022(Type typeInAssembly)
    {
        var references = ReadReferences(typeInAssembly.Assembly.Location);

        var roslyn = references.Where(r => r.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(roslyn);
        Assert.All(roslyn, r => Assert.True(r.Version <= new Version(4, 8, 0, 0), $"{r.Name} {r.Version} is newer than 4.8"));
    }

    [Fact]
    public void Analyzer_assembly_does_not_reference_workspaces()
    {
        // RS1038: an assembly that holds DiagnosticAnalyzers must load where Workspaces is absent (the command-line compiler).
        var references = ReadReferences(typeof(RuleIdentifiers).Assembly.Location);

        Assert.DoesNotContain(references, r => r.Name.StartsWith("Microsoft.CodeAnalysis.Workspaces", StringComparison.Ordinal)
            || r.Name.StartsWith("Microsoft.CodeAnalysis.CSharp.Workspaces", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzer_assembly_targets_netstandard_2_0()
    {
        var references = ReadReferences(typeof(RuleIdentifiers).Assembly.Location);

        Assert.Contains(references, r => r.Name == "netstandard" && r.Version == new Version(2, 0, 0, 0));
    }

    private static (string Name, Version Version)[] ReadReferences(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(h => reader.GetAssemblyReference(h))
            .Select(r => (reader.GetString(r.Name), r.Version))
            .ToArray();
    }
}
