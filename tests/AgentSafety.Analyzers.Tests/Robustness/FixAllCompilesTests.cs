using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Every code fix, found by reflection, applied with Fix All over a document holding many findings of its rule: the
/// result must compile with no new error, and the same analyzers over the result must find none of the findings the fix
/// was offered for. A fixer whose rule has no input below fails the test, so a new fix cannot ship without this check.
/// </summary>
public class FixAllCompilesTests
{
    /// <summary>A document with many findings, per rule ID.</summary>
    private static readonly Dictionary<string, (string Source, (string Path, string Text)[] AdditionalFiles)> Inputs = new()
    {
        [RuleIdentifiers.HardcodedSecret] = ($$"""
            using System.Net;

            static class Settings
            {
                public const string GitHub = "{{Secrets.FakeToken.Make("ghp_", 36)}}";
                private const string Stripe = "{{Secrets.FakeToken.Make("sk_live_", 24)}}";
                public static readonly string Db = "Host=db.internal;Database=app;Username=app;Password=Xk29-lpQ-77";

                public static NetworkCredential Credential()
                {
                    const string password = "Tr0ub4dor-and-3";
                    return new NetworkCredential("deploy", password + Stripe.Length);
                }
            }
            """, Array.Empty<(string, string)>()),
        [RuleIdentifiers.MixedEnvironmentConnectionStrings] = ("""
            using Npgsql;
            using Microsoft.Data.SqlClient;

            static class Connections
            {
                const string Prod = "Host=prod-db.example.internal;Database=orders_production";
                const string Staging = "Host=staging-db.example.internal;Database=orders_staging";

                static void Open()
                {
                    using var a = new NpgsqlConnection("Host=prod-db.example.internal;Database=orders_production");
                    using var b = new NpgsqlConnection("Host=staging-db.example.internal;Database=orders_staging");
                    using var c = new NpgsqlConnection(Prod);
                    using var d = new NpgsqlConnection(Staging);
                    using var e = new SqlConnection("Server=sql-prod.example.internal;Database=billing_prod");
                    using var f = new SqlConnection("Server=sql-stg.example.internal;Database=billing_stg");
                }
            }
            """, Array.Empty<(string, string)>()),
        [RuleIdentifiers.UnguardedDestructiveCall] = ("""
            using System.Threading.Tasks;
            using Amazon.S3;
            using StackExchange.Redis;
            using MongoDB.Driver;

            class Cleanup
            {
                async Task<int> RunAsync(IAmazonS3 s3, IServer redis, IMongoClient mongo, string bucket)
                {
                    await s3.DeleteBucketAsync(bucket);
                    redis.FlushAllDatabases();
                    mongo.DropDatabase("shop");
                    var response = await s3.DeleteBucketAsync(new Amazon.S3.Model.DeleteBucketRequest { BucketName = bucket });
                    return (int)response.HttpStatusCode;
                }

                Task Expression(IServer redis) => redis.FlushDatabaseAsync();
            }
            """, Array.Empty<(string, string)>()),
        [RuleIdentifiers.DestructiveCommandText] = ("""
            using System.Diagnostics;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Dapper;
            using Npgsql;

            class Maintenance
            {
                const string Railway = "https://backboard.railway.app/graphql/v2";

                async Task RunAsync(HttpClient http, NpgsqlConnection pg, string id)
                {
                    await http.PostAsJsonAsync(Railway, new { query = "mutation { volumeDelete(volumeId: \"" + id + "\") }" });
                    await pg.ExecuteAsync("DROP TABLE orders");
                    await pg.ExecuteAsync("TRUNCATE audit_log");
                    Process.Start("terraform", "destroy -auto-approve")?.WaitForExit();
                    await http.DeleteAsync("https://api.digitalocean.com/v2/volumes/" + id);
                }
            }
            """, Array.Empty<(string, string)>()),
    };

    public static TheoryData<string> FixerNames()
    {
        var data = new TheoryData<string>();
        foreach (var fixer in Fixers())
        {
            data.Add(fixer.GetType().Name);
        }

        return data;
    }

    [Fact]
    public void Code_fixes_are_discovered()
    {
        Assert.NotEmpty(Fixers());
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public async Task Fix_all_in_document_compiles_with_no_new_error(string fixerName)
    {
        await RunFixAllAsync(fixerName, mustRemoveFindings: false);
    }

    [Theory]
    [MemberData(nameof(FixerNames))]
    public async Task Fix_all_in_document_leaves_no_finding_it_was_offered_a_fix_for(string fixerName)
    {
        await RunFixAllAsync(fixerName, mustRemoveFindings: true);
    }

    private static async Task RunFixAllAsync(string fixerName, bool mustRemoveFindings)
    {
        var fixer = Fixers().Single(f => f.GetType().Name == fixerName);
        foreach (var id in fixer.FixableDiagnosticIds)
        {
            Assert.True(Inputs.TryGetValue(id, out var input), $"{fixerName} fixes {id}, but {nameof(FixAllCompilesTests)}.{nameof(Inputs)} has no document for it");
            await AssertFixAllAsync(fixer, id, input.Source, input.AdditionalFiles, mustRemoveFindings);
        }
    }

    private static async Task AssertFixAllAsync(CodeFixProvider fixer, string id, string source, (string Path, string Text)[] additionalFiles, bool mustRemoveFindings)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("FixAll", LanguageNames.CSharp)
            .WithMetadataReferences(await TestReferences.AllAsync())
            .WithCompilationOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var document = project.AddDocument("Input.cs", SourceText.From(source));
        project = document.Project;
        foreach (var (path, text) in additionalFiles)
        {
            project = project.AddAdditionalDocument(path, SourceText.From(text), filePath: path).Project;
        }

        document = project.GetDocument(document.Id)!;
        var before = await project.GetCompilationAsync();
        var errorsBefore = before!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(0, errorsBefore);

        var analyzers = AllAnalyzers.Create().Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToImmutableArray();
        var diagnostics = (await before.WithAnalyzers(analyzers, new AnalyzerOptions(project.AdditionalDocuments.Select(d => (AdditionalText)new DocumentText(d)).ToImmutableArray()))
                .GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == id && d.Location.IsInSource)
            .ToImmutableArray();
        Assert.True(diagnostics.Length >= 3, $"the input for {id} should hold many findings, it holds {diagnostics.Length}");

        var actions = new List<CodeAction>();
        var offered = new List<(Diagnostic Diagnostic, CodeAction Action)>();
        foreach (var diagnostic in diagnostics)
        {
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => { actions.Add(a); offered.Add((diagnostic, a)); }, CancellationToken.None));
        }

        Assert.NotEmpty(actions);

        // Fix All applies one kind of fix (one equivalence key): the findings it offers that fix for are the ones it must remove.
        var fixable = offered.Where(o => o.Action.EquivalenceKey == actions[0].EquivalenceKey).Select(o => o.Diagnostic).Distinct().ToArray();
        var fixAll = fixer.GetFixAllProvider();
        Assert.NotNull(fixAll);
        var context = new FixAllContext(document, fixer, FixAllScope.Document, actions[0].EquivalenceKey, new[] { id }, new Provider(diagnostics), CancellationToken.None);
        var action = await fixAll!.GetFixAsync(context);
        Assert.NotNull(action);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;

        var after = await changed.GetProject(project.Id)!.GetCompilationAsync();
        var errors = after!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        var fixedText = (await changed.GetDocument(document.Id)!.GetTextAsync()).ToString();
        Assert.True(errors.Length == 0, $"Fix All for {id} produced errors:\n{string.Join("\n", errors.Select(e => e.ToString()))}\n{fixedText}");
        Assert.NotEqual(source, fixedText);
        if (!mustRemoveFindings)
        {
            return;
        }

        // The same analyzers over the fixed document: every finding the fix was offered for is gone, and only those it
        // was not offered for may remain.
        var changedProject = changed.GetProject(project.Id)!;
        var remaining = (await after.WithAnalyzers(analyzers, new AnalyzerOptions(changedProject.AdditionalDocuments.Select(d => (AdditionalText)new DocumentText(d)).ToImmutableArray()))
                .GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == id && d.Location.IsInSource)
            .ToArray();
        var notOffered = diagnostics.Length - fixable.Length;
        Assert.True(
            remaining.Length <= notOffered,
            $"Fix All for {id} left {remaining.Length} finding(s) of {id}; the fix was offered for {fixable.Length} of {diagnostics.Length}:\n"
            + string.Join("\n", remaining.Select(d => d.ToString())) + "\n" + fixedText);
    }

    private static CodeFixProvider[] Fixers() =>
        typeof(AgentSafety.Analyzers.CodeFixes.Common.SymbolReferences).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() is not null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToArray();

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree?.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }

    private sealed class DocumentText : AdditionalText
    {
        private readonly TextDocument _document;

        public DocumentText(TextDocument document) => _document = document;

        public override string Path => _document.FilePath ?? _document.Name;

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _document.GetTextAsync(cancellationToken).GetAwaiter().GetResult();
    }
}
