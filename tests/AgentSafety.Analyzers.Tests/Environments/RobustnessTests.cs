using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Environments;
using AgentSafety.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using AgentSafety.Analyzers.Tests.Verifiers;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>ASA301 and its classifier never throw, whatever the input: half-typed code, odd strings, broken files.</summary>
public class RobustnessTests
{
    private const string Alphabet = "=;:/@,.[]()\\\"' \t\r\nprodstagingdevtestlocalhost127PRODStg_-+?#%{}0123456789\u00e9\u0000";

    [Fact]
    public void Classifier_never_throws_on_random_text()
    {
        var random = new Random(301);
        for (var i = 0; i < 20_000; i++)
        {
            var length = random.Next(0, 120);
            var builder = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var text = (i % 2 == 0 ? "Host=" : i % 3 == 0 ? "postgres://" : string.Empty) + builder;
            EnvironmentClassifier.TryParseConnectionString(text, out _);
            EnvironmentClassifier.ClassifyConnectionString(text);
            EnvironmentClassifier.ClassifyKey(text);
            EnvironmentClassifier.ClassifyFilePath(text);
            EnvironmentClassifier.ClassifyEnvironmentName(text);
            ConfigurationTextScanner.ScanJson(text, CancellationToken.None);
            ConfigurationTextScanner.ScanDotEnv(text, CancellationToken.None);
            ConfigurationTextScanner.ScanText(text, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Analyzer_never_throws_on_broken_inputs()
    {
        var sources = new[]
        {
            "class C { const string A = \"Host=prod-db.example.com;Database=shop",
            "class C { string A = $\"Host={ ; string B = \"Host=staging-db;Database=x\" + ; }",
            "class C { object A = new NpgsqlConnectionStringBuilder { Host = , Database = \"x\" }; object B = new() { Host = \"prod\" }; }",
            "class C { const string A = \"" + new string(';', 100_000) + new string('=', 100_000) + "\"; }",
            "class C { string A = " + string.Join(" + ", Enumerable.Range(0, 3000).Select(i => "\"Host=db" + i + ";\"")) + "; }",
        };
        var files = ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText("appsettings.Production.json", new string('[', 50_000)),
            new InMemoryAdditionalText("appsettings.Staging.json", "{\"a\":\"" + new string('x', 1_000_000) + "=;\"}"),
            new InMemoryAdditionalText("appsettings.json", "{\"a\":\"\\u12\"}"),
            new InMemoryAdditionalText(".env", "export\n=\n==\n\"\n'Host=prod-db;Database=x\n"),
            new InMemoryAdditionalText("web.config", "<add name=\"Production connectionString=\"Host=prod-db;Database=x\n"),
            new InMemoryAdditionalText(string.Empty, "Host=prod-db;Database=x"));

        var compilation = CSharpCompilation.Create(
            "Broken",
            sources.Select(s => CSharpSyntaxTree.ParseText(s)),
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var diagnostics = await compilation
            .WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new MixedEnvironmentConnectionStringsAnalyzer()),
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(files), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }
}
