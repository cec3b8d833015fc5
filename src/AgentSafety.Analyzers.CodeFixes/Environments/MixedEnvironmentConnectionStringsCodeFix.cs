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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.CodeFixes.Environments;

/// <summary>
/// ASA301: where a flagged literal reaches a connection (a constructor or call whose parameter is a connection string,
/// or a <c>Use*</c> call), directly or through the constant, field or local it initializes, wraps that argument in
/// <c>EnvironmentGuard.Connection(...)</c>, referenced from its symbol so that a user's own <c>EnvironmentGuard</c> in
/// scope does not capture the call. Elsewhere there is no fix: the message says to move the production string
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

    // One pass per document: two literals that reach the same use wrap it once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var spans = diagnostics
            .Select(d => Literal(root, d))
            .Where(l => l is not null)
            .SelectMany(l => FindTargets(root, model, l!, context.CancellationToken))
            .Select(t => t.Span)
            .Distinct()
            .ToList();
        return spans.Count == 0 ? document : await WrapAsync(document, spans, context.CancellationToken).ConfigureAwait(false);
    });

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
            if (Literal(root, diagnostic) is not { } literal)
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

    private static ExpressionSyntax? Literal(SyntaxNode root, Diagnostic diagnostic)
    {
        // A string whose own hosts name no environment is one the guard would let through everywhere: wrapping it
        // would only look safe.
        if (!diagnostic.Location.IsInSource
            || !diagnostic.Properties.TryGetValue(MixedEnvironmentConnectionStringsAnalyzer.StringEnvironmentProperty, out var stringEnvironment)
            || stringEnvironment is null or "Unknown")
        {
            return null;
        }

        return root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as ExpressionSyntax;
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

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null || SymbolReferences.Member(SyntaxGenerator.GetGenerator(document), model.Compilation, GuardsNamespace + ".EnvironmentGuard", "Connection") is not { } connection)
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
                    connection,
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(original.WithoutTrivia()))))
                .WithTriviaFrom(original));
        return document.WithSyntaxRoot(updated);
    }
}
