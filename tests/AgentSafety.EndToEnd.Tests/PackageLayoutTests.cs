using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

[Collection(PackageCollection.Name)]
public class PackageLayoutTests
{
    private readonly PackageFixture _package;

    public PackageLayoutTests(PackageFixture package) => _package = package;

    [Fact]
    public void Analyzer_package_holds_both_analyzer_assemblies_under_analyzers_dotnet_cs()
    {
        var entries = Entries(_package.AnalyzersPackage);

        Assert.Contains("analyzers/dotnet/cs/AgentSafety.Analyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/AgentSafety.Analyzers.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/AgentSafety.Analyzers.props", entries);
    }

    [Fact]
    public void Analyzer_package_has_no_lib_assets_and_does_not_ship_roslyn()
    {
        var entries = Entries(_package.AnalyzersPackage);

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyzer_package_depends_on_the_guards_package_of_the_same_version_and_is_not_a_development_dependency()
    {
        var nuspec = Nuspec(_package.AnalyzersPackage);
        XNamespace ns = nuspec.Root!.Name.Namespace;

        var dependencies = nuspec.Descendants(ns + "dependency").ToArray();
        var guards = Assert.Single(dependencies, d => (string?)d.Attribute("id") == "AgentSafety.Guards");
        Assert.Equal(_package.Version, (string?)guards.Attribute("version"));
        // A development dependency would hide AgentSafety.Guards' compile assets, and the code the fixes insert would not compile.
        Assert.NotEqual("true", (string?)nuspec.Descendants(ns + "developmentDependency").FirstOrDefault());
    }

    [Fact]
    public void Guards_package_ships_a_library_for_netstandard_and_current_dotnet()
    {
        var entries = Entries(_package.GuardsPackage);

        Assert.Contains("lib/netstandard2.0/AgentSafety.Guards.dll", entries);
        Assert.Contains("lib/net8.0/AgentSafety.Guards.dll", entries);
    }

    private static string[] Entries(string package)
    {
        Assert.True(File.Exists(package), package + " was not produced");
        using var zip = ZipFile.OpenRead(package);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    private static XDocument Nuspec(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }
}
