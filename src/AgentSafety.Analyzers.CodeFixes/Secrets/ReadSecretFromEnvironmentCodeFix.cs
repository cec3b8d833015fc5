using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Common;
using AgentSafety.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace AgentSafety.Analyzers.CodeFixes.Secrets;

/// <summary>
/// ASA101: replaces the hardcoded literal with
/// <c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException("NAME is not set")</c>, the name
/// taken from the provider or the symbol. A <c>const</c> becomes <c>static readonly</c> (a field) or a plain local. No
/// fix where C# requires a constant (attribute arguments, case labels, default parameter values), nor where another
/// constant in the document is built from the one being changed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadSecretFromEnvironmentCodeFix))]
[Shared]
public sealed class ReadSecretFromEnvironmentCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardcodedSecret);

    // Not the batch fixer: every fix adds the same using directive, and the batch fixer drops such overlapping edits.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
    {
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        return root is null ? document : Apply(document, root, diagnostics);
    });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (Target(root, diagnostic) is null)
            {
                continue;
            }

            var name = Name(diagnostic);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read it from the environment variable {name}",
                    _ => Task.FromResult(Apply(context.Document, root, ImmutableArray.Create(diagnostic))),
                    equivalenceKey: nameof(ReadSecretFromEnvironmentCodeFix)),
                diagnostic);
        }
    }

    private static Document Apply(Document document, SyntaxNode root, ImmutableArray<Diagnostic> diagnostics)
    {
        var targets = diagnostics
            .Select(d => (Literal: Target(root, d), Name: Name(d)))
            .Where(t => t.Literal is not null)
            .GroupBy(t => t.Literal!)
            .ToDictionary(g => g.Key!, g => g.First().Name);
        if (targets.Count == 0)
        {
            return document;
        }

        var constFields = targets.Keys.Select(l => l.FirstAncestorOrSelf<FieldDeclarationSyntax>()).OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)).Distinct();
        var constLocals = targets.Keys.Select(l => l.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()).OfType<LocalDeclarationStatementSyntax>().Where(d => d.IsConst).Distinct();
        var nodes = targets.Keys.Cast<SyntaxNode>().Concat(constFields).Concat(constLocals).ToList();

        var updated = root.ReplaceNodes(nodes, (original, rewritten) => (original, rewritten) switch
        {
            (LiteralExpressionSyntax literal, _) when targets.TryGetValue(literal, out var name) => Read(literal, name),
            (FieldDeclarationSyntax, FieldDeclarationSyntax field) => ToStaticReadonly(field),
            (LocalDeclarationStatementSyntax, LocalDeclarationStatementSyntax local) => local.WithModifiers(
                    SyntaxFactory.TokenList(local.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword))))
                .WithLeadingTrivia(local.GetLeadingTrivia()),
            _ => rewritten,
        });
        if (updated is CompilationUnitSyntax unit)
        {
            updated = UsingDirectives.Ensure(unit, "System");
        }

        return document.WithSyntaxRoot(updated);
    }

    private static LiteralExpressionSyntax? Target(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Location.IsInSource || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression) || SecretSites.RequiresConstant(literal))
        {
            return null;
        }

        // A const that other constants, case labels or attributes are built from must stay a constant.
        var declarator = literal.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
        var isConst = literal.FirstAncestorOrSelf<FieldDeclarationSyntax>()?.Modifiers.Any(SyntaxKind.ConstKeyword) == true
            || literal.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()?.IsConst == true;
        if (isConst)
        {
            if (declarator is null)
            {
                return null;
            }

            var name = declarator.Identifier.ValueText;
            var usedAsConstant = root.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == name
                && id.Ancestors().Any(a => a is AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or ParameterSyntax
                    || (a is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.ConstKeyword))
                    || (a is LocalDeclarationStatementSyntax l && l.IsConst)));
            var inInterface = literal.FirstAncestorOrSelf<FieldDeclarationSyntax>() is not null && literal.FirstAncestorOrSelf<TypeDeclarationSyntax>() is InterfaceDeclarationSyntax;
            if (usedAsConstant || inInterface)
            {
                return null;
            }
        }

        return literal;
    }

    private static string Name(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(SecretAnalyzerBase.EnvironmentVariableProperty, out var name) && !string.IsNullOrEmpty(name) ? name! : "APP_SECRET";

    private static ExpressionSyntax Read(LiteralExpressionSyntax literal, string name)
    {
        var read = SyntaxFactory.ParseExpression(
            $"Environment.GetEnvironmentVariable(\"{name}\") ?? throw new InvalidOperationException(\"{name} is not set\")");
        var standalone = literal.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
            || literal.Parent is AssignmentExpressionSyntax assignment && assignment.Right == literal;
        var expression = standalone ? read : SyntaxFactory.ParenthesizedExpression(read);
        return expression.WithTriviaFrom(literal).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static FieldDeclarationSyntax ToStaticReadonly(FieldDeclarationSyntax field)
    {
        var modifiers = field.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword)).ToList();
        var insertAt = modifiers.Count;
        var constToken = field.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
        var list = SyntaxFactory.TokenList(modifiers)
            .Insert(insertAt, SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTriviaFrom(constToken))
            .Insert(insertAt + 1, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        return field.WithModifiers(list);
    }
}
