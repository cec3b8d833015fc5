using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>
/// The incident's code in a fresh project that only ran <c>dotnet add package AgentSafety.Analyzers</c>: the build
/// must name each of the three causes, and <c>-warnaserror</c> must stop it.
/// </summary>
[Collection(PackageCollection.Name)]
public class IncidentTests
{
    private const string IncidentProgram = """
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Net.Http.Json;
        using System.Threading.Tasks;
        using AgentSafety.Guards;

        internal static class Program
        {
            private const string RAILWAY_API_TOKEN = "6f1c2b7a-93de-4f5a-b8c4-2e7d90a1c3f5";
            private const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";
            private const string StagingDatabase = "Host=staging-db.pocketops.internal;Database=pocketops_staging;Username=maintenance;Password=Stg-maint-4471";
            private const string ProductionDatabase = "Host=prod-db.pocketops.internal;Database=pocketops_production;Username=postgres;Password=Pr0d-Sup3ruser-2291";

            private static async Task Main(string[] args)
            {
                var connectionString = args.Length > 1 ? ProductionDatabase : StagingDatabase;
                Console.WriteLine(connectionString.Length);

                using var http = new HttpClient();
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RAILWAY_API_TOKEN);
                await http.PostAsJsonAsync("https://backboard.railway.app/graphql/v2", new { query = VolumeDeleteMutation, variables = new { volumeId = args[0] } });

                await DropBackupsAsync(args[0]);
            }

            [DestructiveOperation("deletes every backup of a volume")]
            private static Task DropBackupsAsync(string volumeId) => Task.CompletedTask;
        }
        """;

    private readonly PackageFixture _package;

    public IncidentTests(PackageFixture package) => _package = package;

    [Fact]
    public void Building_the_incident_reports_the_token_the_unguarded_deletes_and_the_mixed_environments()
    {
        var consumer = CreateIncidentConsumer("IncidentWarnings");

        var build = _package.Build(consumer);

        Assert.True(build.ExitCode == 0, "a warning must not fail a default build:\n" + build);
        var reported = ReportedIds(build.Output, "warning");
        foreach (var id in new[] { "ASA101", "ASA102", "ASA201", "ASA202", "ASA301" })
        {
            Assert.True(reported.Contains(id), $"expected 'warning {id}' in the build output:\n{build.Output}");
        }

        // Never print a secret: the token and the passwords appear in no build output line.
        Assert.DoesNotContain("6f1c2b7a-93de-4f5a-b8c4-2e7d90a1c3f5", build.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Pr0d-Sup3ruser-2291", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnaserror_fails_the_incident_build_on_the_agentsafety_rules()
    {
        var consumer = CreateIncidentConsumer("IncidentErrors");

        var build = _package.Build(consumer, "-warnaserror");

        Assert.NotEqual(0, build.ExitCode);
        var reported = ReportedIds(build.Output, "error");
        Assert.Contains("ASA202", reported);
        Assert.Contains("ASA101", reported);
    }

    private string CreateIncidentConsumer(string name)
    {
        var consumer = _package.CreateConsumer(name);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), IncidentProgram);
        File.WriteAllText(Path.Combine(consumer, "appsettings.Production.json"), """
            { "ConnectionStrings": { "Maintenance": "Host=prod-db.pocketops.internal;Database=pocketops_production;Username=maintenance" } }
            """);
        File.WriteAllText(Path.Combine(consumer, "appsettings.Staging.json"), """
            { "ConnectionStrings": { "Maintenance": "Host=staging-db.pocketops.internal;Database=pocketops_staging;Username=maintenance" } }
            """);
        _package.AddPackage(consumer);
        return consumer;
    }

    private static string[] ReportedIds(string output, string severity) =>
        Regex.Matches(output, $@"\b{severity} (ASA\d{{3}})\b").Select(m => m.Groups[1].Value).Distinct().ToArray();
}
