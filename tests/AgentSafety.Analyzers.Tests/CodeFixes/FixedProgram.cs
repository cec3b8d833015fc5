using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Tests.Verifiers;
using AgentSafety.Guards;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AgentSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// Runs what a code fix produces: applies the fix (Fix All in the document, as a person pressing the light bulb on
/// every finding would get), compiles the result against the real SDK assemblies and AgentSafety.Guards, and loads it
/// into a collectible load context. The loaded code shares the test's AgentSafety.Guards, so the guard configured with
/// <c>Destructive.Configure</c> here is the guard the fixed code calls.
/// </summary>
internal sealed class FixedProgram : IDisposable
{
    private readonly AssemblyLoadContext _context;
    private readonly Assembly _assembly;

    private FixedProgram(AssemblyLoadContext context, Assembly assembly)
    {
        _context = context;
        _assembly = assembly;
    }

    /// <summary>The source after every fix <paramref name="fixer"/> offers for the analyzers' findings, applied until none is left.</summary>
    public static async Task<string> FixAsync(string source, CodeFixProvider fixer, params DiagnosticAnalyzer[] analyzers)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Fixed", LanguageNames.CSharp)
            .WithMetadataReferences(await TestReferences.AllAsync())
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var document = project.AddDocument("Program.cs", SourceText.From(source));
        var fixedAny = false;
        for (var pass = 0; pass < 3; pass++)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostics = (await compilation.WithAnalyzers(analyzers.ToImmutableArray()).GetAnalyzerDiagnosticsAsync())
                .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.IsInSource)
                .ToImmutableArray();
            var actions = new List<CodeAction>();
            foreach (var diagnostic in diagnostics)
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
            }

            if (actions.Count == 0)
            {
                break;
            }

            var context = new FixAllContext(document, fixer, FixAllScope.Document, actions[0].EquivalenceKey, fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            var operations = await action!.GetOperationsAsync(CancellationToken.None);
            document = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            fixedAny = true;
        }

        Assert.True(fixedAny, "the fixer offered no fix for this input:\n" + source);
        return (await document.GetTextAsync()).ToString();
    }

    /// <summary>Compiles <paramref name="source"/> (no error allowed) and loads it.</summary>
    public static async Task<FixedProgram> LoadAsync(string source)
    {
        var compilation = CSharpCompilation.Create(
            "FixedProgram" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest)) },
            await TestReferences.AllAsync(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "the fixed code does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) + "\n" + source);
        image.Position = 0;

        // Nothing resolved here: every reference falls back to the test's own load context, AgentSafety.Guards included.
        var context = new AssemblyLoadContext("fixed-program", isCollectible: true);
        return new FixedProgram(context, context.LoadFromStream(image));
    }

    /// <summary>Calls the static <c>Program.<paramref name="method"/></c> and waits for it when it returns a task.</summary>
    public async Task<object?> CallAsync(string method, params object?[] arguments)
    {
        var target = _assembly.GetType("Program")?.GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException("no static Program." + method);
        object? returned;
        try
        {
            returned = target.Invoke(null, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (returned is Task task)
        {
            await task;
            return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        }

        return returned;
    }

    public void Dispose() => _context.Unload();

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}

/// <summary>Records every request the guard makes, and refuses it: the operation behind the guard never runs.</summary>
internal sealed class RecordingProvider : IConfirmationProvider
{
    private readonly IConfirmationProvider? _inner;

    public RecordingProvider(IConfirmationProvider? inner = null) => _inner = inner;

    public string Name => "recording";

    public List<(ConfirmationRequest Request, ConfirmationResult Result)> Seen { get; } = new();

    public async Task<ConfirmationResult> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        var result = _inner is null
            ? ConfirmationResult.Refuse(Name, RefusalReason.Denied, "recorded, not approved")
            : await _inner.ConfirmAsync(request, cancellationToken);
        lock (Seen)
        {
            Seen.Add((request, result));
        }

        return result;
    }
}

/// <summary>The tests that configure the process-wide guard run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GuardConfigurationCollection
{
    public const string Name = "process-wide guard configuration";
}
