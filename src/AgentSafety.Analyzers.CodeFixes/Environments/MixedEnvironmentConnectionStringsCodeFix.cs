using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Common;
using AgentSafety.Analyzers.Environments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.CodeFixes.Environments;

/// <summary>
/// ASA301: where a flagged literal reaches a connection (a constructor or call whose parameter is a connection string,
/// or a <c>Use*</c> call), directly or through the constant, field or local it initializes, wraps that argument in
/// <c>EnvironmentGuard.Connection(...)</c>. Elsewhere there is no fix: the message says to move the production string
/// to the production environment's secret store.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MixedEnvironmentConnectionStringsCodeFix))]
[Shared]
public sealed class MixedEnvironmentConnectionStringsCodeFix : CodeFixProvider
{
    private const string GuardsNamespace = "AgentSafety.Guards";
    private const string Title = "Refuse the wrong environment at run time with EnvironmentGuard.Connection";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.MixedEnvironmentConnectionStrings);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName(GuardsNamespace + ".EnvironmentGuard") is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // A string whose own hosts name no environment is one the guard would let through everywhere: wrapping it
            // would only look safe.
            if (!diagnostic.Location.IsInSource
                || !diagnostic.Properties.TryGetValue(MixedEnvironmentConnectionStringsAnalyzer.StringEnvironmentProperty, out var stringEnvironment)
                || stringEnvironment is null or "Unknown")
            {
                continue;
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax literal)
            {
                continue;
            }

            var targets = FindTargets(root, model, literal, context.CancellationToken);
            if (targets.Count == 0)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    ct => WrapAsync(context.Document, targets.Select(t => t.Span).ToList(), ct),
                    equivalenceKey: nameof(MixedEnvironmentConnectionStringsCodeFix)),
                diagnostic);
        }
    }

    private static List<ExpressionSyntax> FindTargets(SyntaxNode root, SemanticModel model, ExpressionSyntax literal, CancellationToken cancellationToken)
    {
        var targets = new List<ExpressionSyntax>();
        if (ReachesConnection(model, literal, cancellationToken))
        {
            targets.Add(literal);
            return targets;
        }

        // The literal initializes a constant, field or local: wrap the uses of that symbol that reach a connection.
        if (literal.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
            if (symbol is null)
            {
                return targets;
            }

            var name = declarator.Identifier.ValueText;
            foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText != name)
                {
                    continue;
                }

                ExpressionSyntax use = identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? member : identifier;
                if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol)
                    && ReachesConnection(model, use, cancellationToken))
                {
                    targets.Add(use);
                }
            }
        }

        return targets;
    }

    /// <summary>
    /// An argument of type string to a parameter named like a connection string, or the first string argument of a
    /// <c>Use*</c> / <c>Connect*</c> method; never one already inside <c>EnvironmentGuard.Connection</c>.
    /// </summary>
    private static bool ReachesConnection(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        if (expression.Parent is not ArgumentSyntax argument
            || model.GetOperation(argument, cancellationToken) is not IArgumentOperation operation
            || operation.Parameter is not { } parameter
            || parameter.Type.SpecialType != SpecialType.System_String)
        {
            return false;
        }

        var method = parameter.ContainingSymbol as IMethodSymbol;
        if (method is null || (method.Name == "Connection" && method.ContainingType?.Name == "EnvironmentGuard"))
        {
            return false;
        }

        if (parameter.Name.IndexOf("connection", System.StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return true;
        }

        var name = method.MethodKind == MethodKind.Constructor ? method.ContainingType?.Name ?? string.Empty : method.Name;
        return method.MethodKind != MethodKind.Constructor
            && (name.StartsWith("Use", System.StringComparison.Ordinal) || name.StartsWith("Connect", System.StringComparison.Ordinal))
            && method.Parameters.FirstOrDefault(p => p.Type.SpecialType == SpecialType.System_String) is { } first
            && SymbolEqualityComparer.Default.Equals(first, parameter);
    }

    private static async Task<Document> WrapAsync(Document document, IReadOnlyList<Microsoft.CodeAnalysis.Text.TextSpan> spans, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var nodes = spans
            .Select(s => root.FindNode(s, getInnermostNodeForTie: true))
            .Select(n => n as ExpressionSyntax ?? n.FirstAncestorOrSelf<ExpressionSyntax>())
            .Where(n => n is not null)
            .Cast<ExpressionSyntax>()
            .ToList();
        var updated = root.ReplaceNodes(nodes, (original, _) =>
            SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.IdentifierName("EnvironmentGuard"),
                        SyntaxFactory.IdentifierName("Connection")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(original.WithoutTrivia()))))
                .WithTriviaFrom(original));
        if (updated is CompilationUnitSyntax unit)
        {
            updated = UsingDirectives.Ensure(unit, GuardsNamespace);
        }

        return document.WithSyntaxRoot(updated);
    }
}
