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
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace AgentSafety.Analyzers.CodeFixes.Secrets;

/// <summary>
/// ASA101: replaces the secret inside the hardcoded literal, and nothing else of it, with
/// <c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException("NAME is not set")</c>, the name
/// taken from the provider or the symbol: <c>"Bearer " + (…)</c> keeps its scheme, a URL its path and query, a
/// connection string its other keys. The types are referenced from their symbols, so a user's own <c>Environment</c>
/// in scope does not capture the call. A <c>const</c> becomes <c>static readonly</c> (a field) or a plain local. No
/// fix where C# requires a constant (attribute arguments, case labels, default parameter values), nor where another
/// constant in the document is built from the one being changed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReadSecretFromEnvironmentCodeFix))]
[Shared]
public sealed class ReadSecretFromEnvironmentCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardcodedSecret);

    // One pass per document: a const field that two literals feed is rewritten once.
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(async (context, document, diagnostics) =>
        await ApplyAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
                    ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                    equivalenceKey: nameof(ReadSecretFromEnvironmentCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var generator = SyntaxGenerator.GetGenerator(document);
        var getVariable = SymbolReferences.Member(generator, model.Compilation, "System.Environment", "GetEnvironmentVariable");
        var exception = SymbolReferences.Type(generator, model.Compilation, "System.InvalidOperationException");
        if (getVariable is null || exception is not TypeSyntax exceptionType)
        {
            return document;
        }

        var targets = diagnostics
            .Select(d => (Literal: Target(root, d), Diagnostic: d))
            .Where(t => t.Literal is not null)
            .GroupBy(t => t.Literal!)
            .ToDictionary(g => g.Key!, g => g.First().Diagnostic);
        if (targets.Count == 0)
        {
            return document;
        }

        var constFields = targets.Keys.Select(l => l.FirstAncestorOrSelf<FieldDeclarationSyntax>()).OfType<FieldDeclarationSyntax>().Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword)).Distinct();
        var constLocals = targets.Keys.Select(l => l.FirstAncestorOrSelf<LocalDeclarationStatementSyntax>()).OfType<LocalDeclarationStatementSyntax>().Where(d => d.IsConst).Distinct();
        var nodes = targets.Keys.Cast<SyntaxNode>().Concat(constFields).Concat(constLocals).ToList();

        var updated = root.ReplaceNodes(nodes, (original, rewritten) => (original, rewritten) switch
        {
            (LiteralExpressionSyntax literal, _) when targets.TryGetValue(literal, out var diagnostic) => Read(literal, diagnostic, getVariable, exceptionType),
            (FieldDeclarationSyntax, FieldDeclarationSyntax field) => ToStaticReadonly(field),
            (LocalDeclarationStatementSyntax, LocalDeclarationStatementSyntax local) => local.WithModifiers(
                    SyntaxFactory.TokenList(local.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword))))
                .WithLeadingTrivia(local.GetLeadingTrivia()),
            _ => rewritten,
        });
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
        diagnostic.Properties.TryGetValue(SecretsAnalyzer.EnvironmentVariableProperty, out var name) && !string.IsNullOrEmpty(name) ? name! : "APP_SECRET";

    /// <summary>
    /// The literal with only its secret read from the environment: <c>"Bearer " + (read)</c>, a URL's other parts, a
    /// connection string's other keys stay as they were, so the value the program builds is byte for byte the same.
    /// </summary>
    private static ExpressionSyntax Read(LiteralExpressionSyntax literal, Diagnostic diagnostic, ExpressionSyntax getVariable, TypeSyntax exception)
    {
        var name = Name(diagnostic);
        ExpressionSyntax read = SyntaxFactory.BinaryExpression(
            SyntaxKind.CoalesceExpression,
            SyntaxFactory.InvocationExpression(getVariable, SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(StringLiteral(name))))),
            SyntaxFactory.ThrowExpression(SyntaxFactory.ObjectCreationExpression(
                exception,
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(StringLiteral(name + " is not set")))),
                null)));

        var value = literal.Token.ValueText;
        var (prefix, suffix) = Surroundings(diagnostic, value);
        if (prefix.Length > 0 || suffix.Length > 0)
        {
            read = SyntaxFactory.ParenthesizedExpression(read);
            if (prefix.Length > 0)
            {
                read = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, StringLiteral(prefix), read);
            }

            if (suffix.Length > 0)
            {
                read = SyntaxFactory.BinaryExpression(SyntaxKind.AddExpression, read, StringLiteral(suffix));
            }
        }

        var standalone = literal.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
            || literal.Parent is AssignmentExpressionSyntax assignment && assignment.Right == literal;
        var expression = standalone ? read : SyntaxFactory.ParenthesizedExpression(read);
        return expression.WithTriviaFrom(literal).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>What the literal holds before and after the secret; empty both when the secret is the whole value.</summary>
    private static (string Prefix, string Suffix) Surroundings(Diagnostic diagnostic, string value)
    {
        if (diagnostic.Properties.TryGetValue(SecretsAnalyzer.SecretStartProperty, out var startText)
            && diagnostic.Properties.TryGetValue(SecretsAnalyzer.SecretLengthProperty, out var lengthText)
            && int.TryParse(startText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)
            && int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)
            && length > 0 && start + length <= value.Length)
        {
            return (value.Substring(0, start), value.Substring(start + length));
        }

        return (string.Empty, string.Empty);
    }

    private static LiteralExpressionSyntax StringLiteral(string text) =>
        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));

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
