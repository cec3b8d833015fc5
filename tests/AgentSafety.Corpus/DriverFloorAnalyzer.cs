using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentSafety.Corpus;

// A measuring instrument inside the corpus runner, never shipped or loaded by a compiler: the rules for analyzer
// projects (extended analyzer rules, release tracking of its never-reported id) do not apply.
#pragma warning disable RS1036, RS2008

/// <summary>
/// Registers every kind of action the AgentSafety analyzers register, at compilation start as they do, and does nothing
/// in any of them. Its execution time is what the analyzer driver charges for calling the callbacks at all (context
/// structs, timing, exception guards): the floor under the real analyzers' time, which no work inside them removes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class DriverFloorAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("FLOOR", "never reported", "never reported", "Corpus", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            start.RegisterSyntaxNodeAction(
                _ => { },
                SyntaxKind.StringLiteralExpression,
                SyntaxKind.InterpolatedStringExpression,
                SyntaxKind.ObjectInitializerExpression);
            start.RegisterOperationAction(
                _ => { },
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.SimpleAssignment,
                OperationKind.MethodReference);
            start.RegisterAdditionalFileAction(_ => { });
            start.RegisterCompilationEndAction(_ => { });
        });
    }
}
