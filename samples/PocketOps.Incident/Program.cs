// PocketOps maintenance tool, as it stood before the April 2026 incident.
// It was written to clean up unattached volumes in *staging*. Everything an agent needed to destroy production was in it.
using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Npgsql;

namespace PocketOps.Incident;

internal static class Program
{
    // The legacy token: account-wide, found by the agent "in an unrelated file". Fake value, same shape as the real one.
    private const string RAILWAY_API_TOKEN = "6f1c2b7a-93de-4f5a-b8c4-2e7d90a1c3f5";

    private const string RailwayGraphQl = "https://backboard.railway.app/graphql/v2";

    private const string VolumeDeleteMutation = "mutation volumeDelete($volumeId: String!) { volumeDelete(volumeId: $volumeId) }";

    // Both environments in one project: every deployment of this tool, staging included, carries the production string.
    private const string StagingDatabase = "Host=staging-db.pocketops.internal;Database=pocketops_staging;Username=maintenance;Password=Stg-maint-4471";
    private const string ProductionDatabase = "Host=prod-db.pocketops.internal;Database=pocketops_production;Username=postgres;Password=Pr0d-Sup3ruser-2291";

    private static async Task<int> Main(string[] args)
    {
        var volumeId = args.Length > 0 ? args[0] : throw new ArgumentException("usage: pocketops <volume-id> [--production]");
        var connectionString = Array.IndexOf(args, "--production") >= 0 ? ProductionDatabase : StagingDatabase;

        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            Console.WriteLine($"Checked that volume {volumeId} is unattached in {connection.Database}.");
        }

        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RAILWAY_API_TOKEN);

        // Nine seconds later the production volume, and the backups stored on it, were gone.
        var response = await http.PostAsJsonAsync(RailwayGraphQl, new { query = VolumeDeleteMutation, variables = new { volumeId } });
        Console.WriteLine($"volumeDelete: {(int)response.StatusCode}");
        return response.IsSuccessStatusCode ? 0 : 1;
    }
}
