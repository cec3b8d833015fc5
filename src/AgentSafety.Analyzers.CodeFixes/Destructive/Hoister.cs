using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AgentSafety.Analyzers.Common;
using AgentSafety.Analyzers.Destructive;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentSafety.Analyzers.CodeFixes.Destructive;

/// <summary>
/// Makes a part of the guarded call usable in the guard's resource argument without running it twice. A simple
/// expression (a name, a member of one, a literal) is read again; anything that computes (a creation, a call, an
/// interpolated string) moves into a local declared just before the statement, and both the call and the resource read
/// the local. Where no such statement is (an expression-bodied member, a lambda, a condition), only an expression without
/// side effects may be read twice; anything else fails the plan, and no fix is offered.
/// </summary>
internal sealed class Hoister
{
    private readonly SemanticModel _model;
    private readonly HashSet<string> _taken;
    private readonly SyntaxNode? _body;
    private readonly CancellationToken _cancellationToken;

    public Hoister(SemanticModel model, InvocationExpressionSyntax invocation, HashSet<string> taken, CancellationToken cancellationToken)
    {
        _model = model;
        _taken = taken;
        _cancellationToken = cancellationToken;
        Anchor = FindAnchor(invocation);
        _body = ConstantText.EnclosingBody(invocation);
    }

    /// <summary>The statement the hoisted locals go before; null where none can.</summary>
    public StatementSyntax? Anchor { get; }

    public bool Failed { get; private set; }

    public List<(string Name, ExpressionSyntax Value, ITypeSymbol? DeclaredType)> Locals { get; } = new();

    /// <summary>Original sub-expression of the call → the local that now holds its value.</summary>
    public Dictionary<ExpressionSyntax, string> Replaced { get; } = new();

    /// <summary>An expression that denotes the value of <paramref name="expression"/> as the call will see it.</summary>
    public ExpressionSyntax Use(ExpressionSyntax expression, string preferredName)
    {
        if (Replaced.TryGetValue(expression, out var existing))
        {
            return SyntaxFactory.IdentifierName(existing);
        }

        if (IsSimple(expression))
        {
            return expression.WithoutTrivia();
        }

        if (Anchor is null)
        {
            if (!IsSideEffectFree(expression))
            {
                Failed = true;
            }

            return SyntaxFactory.ParenthesizedExpression(expression.WithoutTrivia());
        }

        var name = FreeName(preferredName);
        var info = _model.GetTypeInfo(expression, _cancellationToken);
        var declared = info.Type is null || !SymbolEqualityComparer.Default.Equals(info.Type, info.ConvertedType) ? info.ConvertedType : null;
        if (info.Type is null && info.ConvertedType is null)
        {
            Failed = true;
        }

        Locals.Add((name, expression.WithoutTrivia(), declared));
        Replaced[expression] = name;
        return SyntaxFactory.IdentifierName(name);
    }

    /// <summary>A name no symbol in scope and no identifier in the enclosing body uses.</summary>
    public string FreeName(string preferred)
    {
        for (var i = 1; i < 100; i++)
        {
            var candidate = i == 1 ? preferred : preferred + i;
            if (_taken.Contains(candidate)
                || (Anchor is not null && !_model.LookupSymbols(Anchor.SpanStart, name: candidate).IsEmpty)
                || (_body is not null && _body.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == candidate)))
            {
                continue;
            }

            _taken.Add(candidate);
            return candidate;
        }

        Failed = true;
        return preferred;
    }

    /// <summary>
    /// A lambda parameter's name: only what is in scope at the call, and the names the call itself uses, can clash;
    /// the lambdas of other wraps in the same method may share it.
    /// </summary>
    public string FreeParameterName(InvocationExpressionSyntax invocation, string preferred)
    {
        for (var i = 1; i < 100; i++)
        {
            var candidate = i == 1 ? preferred : preferred + i;
            if (!_taken.Contains(candidate)
                && _model.LookupSymbols(invocation.SpanStart, name: candidate).IsEmpty
                && !invocation.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == candidate))
            {
                return candidate;
            }
        }

        Failed = true;
        return preferred;
    }

    /// <summary>Read again, it gives the same value and runs nothing: a name, a member of a name, a literal.</summary>
    public static bool IsSimple(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax or IdentifierNameSyntax or ThisExpressionSyntax or PredefinedTypeSyntax => true,
        MemberAccessExpressionSyntax member => IsSimple(member.Expression),
        ParenthesizedExpressionSyntax parenthesized => IsSimple(parenthesized.Expression),
        _ => false,
    };

    private static bool IsSideEffectFree(ExpressionSyntax expression) => expression switch
    {
        _ when IsSimple(expression) => true,
        CastExpressionSyntax cast => IsSideEffectFree(cast.Expression),
        BinaryExpressionSyntax binary => IsSideEffectFree(binary.Left) && IsSideEffectFree(binary.Right),
        ConditionalExpressionSyntax conditional => IsSideEffectFree(conditional.Condition) && IsSideEffectFree(conditional.WhenTrue) && IsSideEffectFree(conditional.WhenFalse),
        InterpolatedStringExpressionSyntax interpolated => interpolated.Contents.OfType<InterpolationSyntax>().All(i => IsSideEffectFree(i.Expression)),
        AnonymousObjectCreationExpressionSyntax anonymous => anonymous.Initializers.All(i => IsSideEffectFree(i.Expression)),
        ElementAccessExpressionSyntax element => IsSimple(element.Expression) && element.ArgumentList.Arguments.All(a => IsSideEffectFree(a.Expression)),
        _ => false,
    };

    /// <summary>
    /// The statement the call is evaluated in, when nothing between the two runs conditionally or before the call's
    /// own parts: an expression statement, a return, a single-variable declaration, in a block.
    /// </summary>
    private static StatementSyntax? FindAnchor(InvocationExpressionSyntax invocation)
    {
        SyntaxNode node = invocation;
        while (node.Parent is { } parent and not StatementSyntax)
        {
            var allowed = parent switch
            {
                AwaitExpressionSyntax or ParenthesizedExpressionSyntax or CastExpressionSyntax or EqualsValueClauseSyntax or VariableDeclaratorSyntax => true,
                VariableDeclarationSyntax declaration => declaration.Variables.Count == 1,
                MemberAccessExpressionSyntax member => member.Expression == node,
                InvocationExpressionSyntax outer => outer.Expression == node,
                AssignmentExpressionSyntax assignment => assignment.Right == node,
                _ => false,
            };
            if (!allowed)
            {
                return null;
            }

            node = parent;
        }

        return node.Parent is ExpressionStatementSyntax or ReturnStatementSyntax or LocalDeclarationStatementSyntax
            && node.Parent.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax
            ? (StatementSyntax)node.Parent
            : null;
    }
}
