// PocketOps maintenance tool after the AgentSafety fixes. Compare with samples/PocketOps.Incident.
using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using AgentSafety.Guards;
using Npgsql;

namespace PocketOps.Fixed;

internal static class Program
{
    private const string DefaultRailwayGraphQl = "https://backboard.railway.app/graphql/v2";

    private const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";

    // Only the staging database ships with the staging tool; the password comes from PGPASSWORD.
    private const string StagingDatabase = "Host=staging-db.pocketops.internal;Database=pocketops_staging;Username=maintenance";

    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: pocketops <volume-id> [--check-db]");
            return 2;
        }

        var volumeId = args[0];

        if (Array.IndexOf(args, "--check-db") >= 0)
        {
            // Throws EnvironmentMismatchException when this process is not running in staging.
            await using var connection = new NpgsqlConnection(EnvironmentGuard.Connection(StagingDatabase));
            await connection.OpenAsync();
            Console.WriteLine($"Checked that volume {volumeId} is unattached in {connection.Database}.");
        }

        // A project token (scoped to the staging project), from the environment, never from source.
        var projectToken = Environment.GetEnvironmentVariable("RAILWAY_PROJECT_TOKEN")
            ?? throw new InvalidOperationException("RAILWAY_PROJECT_TOKEN is not set");
        var endpoint = Environment.GetEnvironmentVariable("POCKETOPS_RAILWAY_ENDPOINT") ?? DefaultRailwayGraphQl;

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("Project-Access-Token", projectToken);

        try
        {
            // Runs only after a person approved exactly this action on exactly this volume.
            var status = await Destructive.RunAsync("railway:volumeDelete", volumeId, async ct =>
            {
                var response = await http.PostAsJsonAsync(endpoint, new { query = VolumeDeleteMutation, variables = new { volumeId } }, ct);
                return (int)response.StatusCode;
            });
            Console.WriteLine($"volumeDelete: {status}");
            return status is >= 200 and < 300 ? 0 : 1;
        }
        catch (DestructiveOperationDeniedException denied)
        {
            Console.Error.WriteLine(denied.Message);
            return 3;
        }
    }
}
