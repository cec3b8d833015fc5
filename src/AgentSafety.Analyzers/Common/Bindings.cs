using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentSafety.Analyzers.Common;

/// <summary>The name a value written in source is bound to, as the secrets rules and ASA301 each read it.</summary>
internal static class Bindings
{
    /// <summary>
    /// The member name an expression is written with (<c>Foo</c>, <c>x.Foo</c>, <c>x.Foo&lt;T&gt;</c>, <c>x?.Foo</c>); null
    /// for any other shape. Read before the member's symbol: the syntax was just bound and sits in the processor's caches.
    /// </summary>
    public static string? WrittenMemberName(ExpressionSyntax expression) => expression switch
    {
        // Sealed types first, each one comparison; SimpleNameSyntax, abstract, walks the type's bases.
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The name a literal is bound to: the variable, field, property, named argument, JSON-like key or anonymous member.</summary>
    public static string? BindingName(LiteralExpressionSyntax literal)
    {
        SyntaxNode? node = literal.Parent;
        while (node is BinaryExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        switch (node)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return declarator.Identifier.ValueText;
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return property.Identifier.ValueText;
            case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                return null;
            case AssignmentExpressionSyntax assignment:
                return assignment.Left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } element when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key => StringLiterals.ValueOf(key.Token),
                    ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key => StringLiterals.ValueOf(key.Token),
                    _ => null,
                };
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                return nameEquals.Name.Identifier.ValueText;
            case ArgumentSyntax { NameColon: { } nameColon }:
                return nameColon.Name.Identifier.ValueText;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 2 } list } argument when list.Arguments[1] == argument && list.Arguments[0].Expression is LiteralExpressionSyntax header:
                // headers.Add("X-Api-Key", "..."), config["Stripe:ApiKey"] = ... and friends: the key names the value.
                return StringLiterals.ValueOf(header.Token);
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax:
                return literal.FirstAncestorOrSelf<MemberDeclarationSyntax>() switch
                {
                    PropertyDeclarationSyntax p => p.Identifier.ValueText,
                    MethodDeclarationSyntax m => m.Identifier.ValueText,
                    _ => null,
                };
            default:
                return null;
        }
    }

    /// <summary>
    /// The name a literal is bound to, read as a configuration key: the field, local or property it initializes or is
    /// assigned to, the key of an in-memory configuration entry (<c>["ConnectionStrings:Production"] = "..."</c>,
    /// <c>{ "ConnectionStrings:Production", "..." }</c>), or a string argument before it (<c>Add("Production", "...")</c>).
    /// </summary>
    public static string? KeyOf(ExpressionSyntax expression)
    {
        SyntaxNode current = expression;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return declarator.Identifier.ValueText;
            case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return property.Identifier.ValueText;
            case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                return property.Identifier.ValueText;
            case ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax method }:
                return method.Identifier.ValueText;
            case AssignmentExpressionSyntax assignment when assignment.Right == current:
                return assignment.Left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText,
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    ImplicitElementAccessSyntax implicitAccess => FirstStringArgument(implicitAccess.ArgumentList),
                    ElementAccessExpressionSyntax elementAccess => FirstStringArgument(elementAccess.ArgumentList),
                    _ => null,
                };
            case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ComplexElementInitializerExpression } initializer
                when initializer.Expressions.Count == 2 && initializer.Expressions[1] == current:
                return initializer.Expressions[0] is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression)
                    ? StringLiterals.ValueOf(key.Token)
                    : null;
            case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list:
                if (argument.NameColon is not null)
                {
                    return argument.NameColon.Name.Identifier.ValueText;
                }

                var index = list.Arguments.IndexOf(argument);
                return index > 0 && list.Arguments[index - 1].Expression is LiteralExpressionSyntax previous && previous.IsKind(SyntaxKind.StringLiteralExpression)
                    ? StringLiterals.ValueOf(previous.Token)
                    : null;
            default:
                return null;
        }
    }

    private static string? FirstStringArgument(BracketedArgumentListSyntax list) =>
        list.Arguments.Count == 1 && list.Arguments[0].Expression is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression)
            ? StringLiterals.ValueOf(key.Token)
            : null;
}
