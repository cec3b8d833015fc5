using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>
/// A newcomer follows the README on a fresh folder, running its commands verbatim: the packs of
/// <see cref="PackageFixture"/>, then a nuget.config with the local feed, the package, a build with warnings, a CI build
/// that fails, the approver's tool as a local dotnet tool, a key in a folder that does not exist yet, the approval the
/// refusal asked for, one run, and a second run of the same token in a new process refused by the PostgreSQL ledger.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadmeWalkthroughTests
{
    private const string Job = """
        using System;
        using System.IO;
        using System.Net.Http;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using AgentSafety.Guards;
        using AgentSafety.Guards.PostgreSql;

        internal static class Program
        {
            private const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";

            private static async Task<int> Main(string[] args)
            {
                var connectionString = Environment.GetEnvironmentVariable("AGENTSAFETY_LEDGER_POSTGRES")!;
                var table = Environment.GetEnvironmentVariable("LEDGER_TABLE")!;
                if (args.Length > 0 && args[0] == "migrate")
                {
                    // The table's owner creates the ledger once; the job only ever inserts into it.
                    using var owner = new PostgreSqlApprovalLedger(connectionString, table);
                    await owner.EnsureCreatedAsync();
                    return 0;
                }

                Destructive.Configure(o => o.UsePostgreSqlLedger(connectionString, table));
                try
                {
                    await Destructive.RunAsync("railway:volumeDelete", "vol-123", ct => File.AppendAllTextAsync("deleted.txt", "vol-123\n", ct));
                    Console.WriteLine("deleted vol-123");
                    return 0;
                }
                catch (DestructiveOperationDeniedException denied)
                {
                    Console.Error.WriteLine(denied.Message);
                    return 3;
                }
            }

            // Left unguarded on purpose: the build must report it, and a CI build must fail on it.
            private static Task Unguarded(HttpClient http, string volumeId) =>
                http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = VolumeDeleteMutation, variables = new { volumeId } });
        }
        """;

    private readonly PackageFixture _package;

    public ReadmeWalkthroughTests(PackageFixture package) => _package = package;

    [Fact]
    public void Every_packed_package_carries_a_readme_and_packing_warns_of_no_missing_one()
    {
        Assert.DoesNotContain("missing a readme", _package.PackOutput, StringComparison.OrdinalIgnoreCase);
        foreach (var id in PackageFixture.PackageIds)
        {
            using var zip = ZipFile.OpenRead(Path.Combine(_package.Feed, $"{id}.{_package.Version}.nupkg"));
            Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        }
    }

    [Fact]
    public void A_newcomer_following_the_readme_gets_warnings_a_failing_ci_build_and_an_approval_that_runs_once_across_processes()
    {
        var postgres = Environment.GetEnvironmentVariable("AGENTSAFETY_TEST_POSTGRES");
        Assert.False(string.IsNullOrWhiteSpace(postgres),
            "AGENTSAFETY_TEST_POSTGRES is not set: this test needs a real PostgreSQL server for the shared ledger. Run it through " +
            "`bash .ci/postgres.sh dotnet test tests/AgentSafety.EndToEnd.Tests -c Release` or `bash .ci/run`.");

        var project = Path.Combine(_package.Root, "MyJob");
        var approverHome = Path.Combine(_package.Root, "approver-home");
        Directory.CreateDirectory(project);
        File.WriteAllText(Path.Combine(project, "MyJob.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), Job);
        var shell = new Dictionary<string, string>
        {
            ["AGENTSAFETY_FEED"] = _package.Feed,
            ["AGENTSAFETY_VERSION"] = _package.Version,
            ["NUGET_PACKAGES"] = _package.PackagesFolder,

            // The dotnet CLI's own state (the local-tool cache among it) stays in the test's folder, whatever HOME says.
            ["DOTNET_CLI_HOME"] = Path.Combine(_package.Root, "dotnet-cli-home"),
        };

        // Install: the feed, the packages, a build that shows the warnings, a CI build that fails.
        Ok(Sh(project, shell, Readme.Exact("dotnet new nugetconfig")));
        Ok(Sh(project, shell, Readme.Line("dotnet nuget add source ")));
        Ok(Sh(project, shell, Readme.Line("dotnet add package AgentSafety.Analyzers ")));
        Ok(Sh(project, shell, Readme.Line("dotnet add package AgentSafety.Guards.PostgreSql ")));
        var build = Ok(Sh(project, shell, Readme.Exact("dotnet build")));
        Assert.Contains("warning ASA202", build.Output, StringComparison.Ordinal);
        var ci = Sh(project, shell, Readme.Exact("dotnet build --no-incremental -warnaserror"));
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("error ASA202", ci.Output, StringComparison.Ordinal);

        // The approver's tool, and a key in a folder that does not exist yet.
        Ok(Sh(project, shell, Readme.Exact("dotnet new tool-manifest")));
        Ok(Sh(project, shell, Readme.Line("dotnet tool install AgentSafety.Cli ")));
        Assert.False(Directory.Exists(approverHome));
        // The approver's home does not exist yet: keygen must create ~/.agentsafety in it.
        var approver = new Dictionary<string, string>(shell) { ["HOME"] = approverHome };
        var keygen = Ok(Sh(project, approver, Readme.Line("dotnet agentsafety keygen ")));
        var publicKey = keygen.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("{\"kty\":\"EC\"", StringComparison.Ordinal));
        var keyFile = Path.Combine(approverHome, ".agentsafety", "approver.key");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }

        // The job, run as the README says, with the public key and the shared ledger.
        var ledgerTable = "readme_" + Guid.NewGuid().ToString("N")[..12];
        var job = new Dictionary<string, string>(shell)
        {
            ["DOTNET_ENVIRONMENT"] = "Staging",
            ["AGENTSAFETY_APPROVER_KEYS"] = publicKey,
            ["AGENTSAFETY_APPROVAL"] = string.Empty,
            ["AGENTSAFETY_LEDGER_POSTGRES"] = postgres!,
            ["LEDGER_TABLE"] = ledgerTable,
        };
        var migrate = Sh(project, job, "dotnet run -- migrate");
        Assert.True(migrate.ExitCode == 0, "cannot create the ledger table on the PostgreSQL server in AGENTSAFETY_TEST_POSTGRES:\n" + migrate);

        var refused = Sh(project, job, "dotnet run");
        Assert.Equal(3, refused.ExitCode);
        var printed = refused.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("agentsafety approve ", StringComparison.Ordinal));
        var approveLine = Readme.Line("dotnet agentsafety approve ");
        Assert.StartsWith("dotnet " + printed + " ", approveLine, StringComparison.Ordinal);

        var approve = Ok(Sh(project, approver, approveLine));
        var token = approve.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("eyJ", StringComparison.Ordinal));
        var inspect = Ok(Sh(project, approver, "dotnet agentsafety inspect \"$AGENTSAFETY_APPROVAL\"", token));
        Assert.Contains("resource:  vol-123", inspect.Output, StringComparison.Ordinal);

        job["AGENTSAFETY_APPROVAL"] = token;
        var first = Sh(project, job, "dotnet run");
        var second = Sh(project, job, "dotnet run");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("deleted vol-123", first.Output, StringComparison.Ordinal);
        Assert.Equal(3, second.ExitCode);
        Assert.Contains("(AlreadyUsed)", second.Output, StringComparison.Ordinal);
        Assert.Contains("already spent in the PostgreSQL approval ledger " + ledgerTable, second.Output, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(project, "deleted.txt")));
        Assert.DoesNotContain(token, refused.Output + first.Output + second.Output + inspect.Output, StringComparison.Ordinal);
    }

    private static DotNet.Result Sh(string directory, IReadOnlyDictionary<string, string> environment, string command, string? approval = null)
    {
        var env = approval is null ? environment : new Dictionary<string, string>(environment) { ["AGENTSAFETY_APPROVAL"] = approval };
        return DotNet.Bash(directory, env, command);
    }

    private static DotNet.Result Ok(DotNet.Result result)
    {
        Assert.True(result.ExitCode == 0, result.ToString());
        return result;
    }
}
