using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>
/// Packs every package once per run, from a copy of the sources, with the README's own two commands (a version no
/// earlier pack used, a local folder feed); consumers restore into their own packages folder, so no stale package
/// from an earlier run or from the developer's cache can make a test pass.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "agentsafety-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        PackagesFolder = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Root);

        var sources = Path.Combine(Root, "sources");
        CopySources(sources);

        // The README's Install commands, verbatim, in the copy: a newcomer's clone.
        var pack = DotNet.Bash(sources, null, string.Join("\n",
            Readme.Line("export AGENTSAFETY_FEED="),
            Readme.Line("for p in "),
            "printf '%s\\n%s\\n' \"$AGENTSAFETY_FEED\" \"$AGENTSAFETY_VERSION\""),
            TimeSpan.FromMinutes(5 * 8)); // five packs, each allowed what one dotnet command is

        var lines = pack.Output.TrimEnd().Split('\n');
        Assert.True(pack.ExitCode == 0 && lines.Length >= 2, "the README's pack commands failed:\n" + pack);
        Feed = lines[^2].Trim();
        Version = lines[^1].Trim();
        PackOutput = pack.Output;
        foreach (var id in PackageIds)
        {
            Assert.True(File.Exists(Path.Combine(Feed, $"{id}.{Version}.nupkg")), $"the README's pack commands did not produce {id}:\n{pack}");
        }

        AnalyzersPackage = Path.Combine(Feed, $"AgentSafety.Analyzers.{Version}.nupkg");
        GuardsPackage = Path.Combine(Feed, $"AgentSafety.Guards.{Version}.nupkg");
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackagesFolder { get; }

    public string Version { get; }

    /// <summary>Every package the README packs.</summary>
    public static string[] PackageIds { get; } = { "AgentSafety.Guards", "AgentSafety.Guards.Extensions", "AgentSafety.Guards.PostgreSql", "AgentSafety.Analyzers", "AgentSafety.Cli" };

    /// <summary>What the README's pack commands printed.</summary>
    public string PackOutput { get; }

    public string AnalyzersPackage { get; }

    public string GuardsPackage { get; }

    public IReadOnlyDictionary<string, string> ConsumerEnvironment => new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder };

    /// <summary>A fresh consumer project in its own folder, with a nuget.config that points at the local feed.</summary>
    public string CreateConsumer(string name, string projectBody = "")
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            {projectBody}
            </Project>
            """);
        return dir;
    }

    public DotNet.Result AddPackage(string consumer)
    {
        var result = DotNet.Run(consumer, ConsumerEnvironment, "add", "package", "AgentSafety.Analyzers", "--version", Version);
        Assert.True(result.ExitCode == 0, "dotnet add package failed:\n" + result);
        return result;
    }

    public DotNet.Result Build(string consumer, params string[] extra) =>
        DotNet.Run(consumer, ConsumerEnvironment, new[] { "build", "-nologo" }.Concat(extra).ToArray());

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is not worth failing a green run over.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    internal static void CopySources(string destination)
    {
        var root = DotNet.RepositoryRoot;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "README.md", ".editorconfig" })
        {
            Directory.CreateDirectory(destination);
            File.Copy(Path.Combine(root, file), Path.Combine(destination, file));
        }

        CopyDirectory(Path.Combine(root, "src"), Path.Combine(destination, "src"));
    }

    private static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(dir);
            if (name is "bin" or "obj")
            {
                continue;
            }

            CopyDirectory(dir, Path.Combine(destination, name));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "Packed nupkg";
}
