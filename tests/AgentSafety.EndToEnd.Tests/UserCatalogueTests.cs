using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace AgentSafety.EndToEnd.Tests;

/// <summary>
/// A team's own destructive API, listed in <c>AgentSafety.DestructiveApis.txt</c> beside the project: the package's
/// props must hand the file to the compiler, the listed call must be reported, and a typo must be reported at its line.
/// </summary>
[Collection(PackageCollection.Name)]
public class UserCatalogueTests
{
    private readonly PackageFixture _package;

    public UserCatalogueTests(PackageFixture package) => _package = package;

    [Fact]
    public void A_call_listed_in_the_projects_catalogue_is_reported_and_a_typo_is_reported_at_its_line()
    {
        var consumer = _package.CreateConsumer("TeamCatalogue");
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using System.Threading.Tasks;

            namespace Ops.Platform
            {
                public sealed class PlatformClient
                {
                    public Task DeleteVolumeAsync(string id) => Task.CompletedTask;
                    public Task<string> GetVolumeAsync(string id) => Task.FromResult(id);
                }
            }

            internal static class Program
            {
                private static async Task Main(string[] args)
                {
                    var client = new Ops.Platform.PlatformClient();
                    await client.GetVolumeAsync(args[0]);
                    await client.DeleteVolumeAsync(args[0]);
                }
            }
            """);
        File.WriteAllText(Path.Combine(consumer, "AgentSafety.DestructiveApis.txt"), string.Join("\n",
            "; the platform's own client",
            "M:Ops.Platform.PlatformClient.DeleteVolumeAsync(*);deletes a platform volume and its backups",
            "M:Ops.Platfrom.PlatformClient.DeleteVolumeAsync(*)",
            string.Empty));

        // Info by default; a team that wants typos to fail the build raises it. A diagnostic in an AdditionalFile has no
        // syntax tree for an .editorconfig section to match, so its severity comes from a global config.
        File.WriteAllText(Path.Combine(consumer, ".globalconfig"), "is_global = true\ndotnet_diagnostic.ASA203.severity = warning\n");
        _package.AddPackage(consumer);

        var build = _package.Build(consumer);

        Assert.True(build.ExitCode == 0, "a warning must not fail a default build:\n" + build);
        Assert.Matches(new Regex(@"Program\.cs\(18,\d+\): warning ASA201: 'PlatformClient\.DeleteVolumeAsync' deletes a platform volume and its backups"), build.Output);
        Assert.Matches(new Regex(@"AgentSafety\.DestructiveApis\.txt\(3,1\): warning ASA203: Entry 'M:Ops\.Platfrom\.PlatformClient\.DeleteVolumeAsync\(\*\)'"), build.Output);
        Assert.DoesNotMatch(new Regex(@"Program\.cs\(17,\d+\): warning ASA201"), build.Output);
    }
}
