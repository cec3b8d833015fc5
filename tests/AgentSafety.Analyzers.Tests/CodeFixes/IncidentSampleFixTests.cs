using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Destructive;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Tests.Foundation;
using AgentSafety.Analyzers.Tests.Verifiers;
using AgentSafety.Guards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace AgentSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// samples/PocketOps.Incident as it stood before the incident, fixed by the code fix rather than by hand. The fixed file
/// compiles; the statements the fix wrote, run (the sample's Main would first open its database), refuse the
/// production volume under an approval for the staging volume.
/// </summary>
[Collection(GuardConfigurationCollection.Name)]
public class IncidentSampleFixTests
{
    [Fact]
    public async Task An_approval_for_the_staging_volume_refuses_the_production_volume()
    {
        var sample = await File.ReadAllTextAsync(Path.Combine(RepositoryFacts.Root, "samples", "PocketOps.Incident", "Program.cs"));
        var fixedSample = await FixedProgram.FixAsync(sample, new WrapInConfirmationGuardCodeFix(), new DestructiveCommandTextAnalyzer());

        var compilation = CSharpCompilation.Create(
            "PocketOps.Incident.Fixed",
            new[] { CSharpSyntaxTree.ParseText(fixedSample) },
            await TestReferences.AllAsync(),
            new CSharpCompilationOptions(OutputKind.ConsoleApplication));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n" + fixedSample);

        // The statements the fix wrote around the mutation, moved as they are into a method that takes the volume.
        var main = compilation.SyntaxTrees[0].GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single(m => m.Identifier.ValueText == "Main");
        var statements = main.Body!.Statements;
        var guard = statements.Single(s => s.ToString().Contains("Destructive.RunAsync(\"railway:volumeDelete\"", StringComparison.Ordinal));
        var hoisted = statements[statements.IndexOf(guard) - 1];
        Assert.StartsWith("var body = ", hoisted.ToString(), StringComparison.Ordinal);
        var constants = string.Join("\n", compilation.SyntaxTrees[0].GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>().Select(f => f.ToString()));
        var program = $$"""
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json;
            using System.Threading.Tasks;
            using AgentSafety.Guards;

            public static class Program
            {
            {{constants}}

                public static async Task Run(string volumeId)
                {
                    using var http = new HttpClient();
                    {{hoisted}}
                    {{guard}}
                }
            }
            """;
        using var loaded = await FixedProgram.LoadAsync(program);

        var keys = ApproverKeyPair.Generate();
        var now = DateTimeOffset.UtcNow;
        var recording = new RecordingProvider();
        ExecutedGuardFixTests.Configure(recording, dryRun: false);
        await Assert.ThrowsAnyAsync<Exception>(() => loaded.CallAsync("Run", "vol-staging-7c1f"));
        var staging = recording.Seen.Single().Request;

        var token = ApprovalToken.Issue(keys, staging.Action, staging.Resource, "Staging", TimeSpan.FromMinutes(5), now);
        var signed = new RecordingProvider(new SignedApprovalProvider(new[] { keys.PublicKey }, () => new[] { token }, () => now));
        ExecutedGuardFixTests.Configure(signed, dryRun: true);
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => loaded.CallAsync("Run", "vol-production-2b9e"));
        await loaded.CallAsync("Run", "vol-staging-7c1f");

        Assert.Equal("railway:volumeDelete", staging.Action);
        Assert.Contains("vol-staging-7c1f", staging.Resource, StringComparison.Ordinal);
        Assert.Contains("vol-production-2b9e", signed.Seen[0].Request.Resource, StringComparison.Ordinal);
        Assert.Equal(new[] { false, true }, signed.Seen.Select(s => s.Result.IsApproved));
        Assert.Contains("vol-production-2b9e", refused.Message, StringComparison.Ordinal);
    }
}
