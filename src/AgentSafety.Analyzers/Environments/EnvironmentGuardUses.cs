using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AgentSafety.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Environments;

/// <summary>
/// Which ASA301 candidates are guarded by <c>AgentSafety.Guards.EnvironmentGuard.Connection</c>, the call the rule's code
/// fix writes: a guarded string is refused at run time outside its own environment, so it is not reported (it still
/// counts as a side of the mix). One instance per compilation; the guard type is resolved once, and when the compilation
/// does not reference it nothing is guarded.
/// </summary>
internal sealed class EnvironmentGuardUses
{
    private const string GuardTypeName = "AgentSafety.Guards.EnvironmentGuard";
    private const string GuardMethodName = "Connection";
    private const string ConnectionStringParameterName = "connectionString";

    private readonly INamedTypeSymbol guardType;

    /// <summary>Every name or member access passed as the connection string of a guard call, bound while analyzing.</summary>
    private readonly ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), byte> guardedArguments = new();

    /// <summary>The symbols those arguments bind to: only a candidate whose symbol is here can be guarded through it.</summary>
    private readonly ConcurrentDictionary<ISymbol, byte> guardedSymbols = new(SymbolEqualityComparer.Default);

    private EnvironmentGuardUses(INamedTypeSymbol guardType) => this.guardType = guardType;

    public static EnvironmentGuardUses? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(GuardTypeName) is { } type ? new EnvironmentGuardUses(type) : null;

    /// <summary>Calls named as the guard's method: the only test made on every invocation, before any symbol is resolved.</summary>
    public static InvocationNames GuardCalls { get; } = InvocationNames.Of(new[] { GuardMethodName });

    /// <summary>Records the connection string argument of a guard call when it is a name (<c>Prod</c>, <c>Db.Prod</c>).</summary>
    public void AnalyzeInvocation(IInvocationOperation invocation)
    {
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, guardType))
        {
            return;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name != ConnectionStringParameterName)
            {
                continue;
            }

            ISymbol? symbol = argument.Value switch
            {
                IFieldReferenceOperation field => field.Field,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };
            if (symbol is not null
                && argument.Value.Syntax is ExpressionSyntax syntax
                && Unparenthesize(syntax) is (IdentifierNameSyntax or MemberAccessExpressionSyntax) and var expression)
            {
                guardedArguments.TryAdd((expression.SyntaxTree, expression.Span), 0);
                guardedSymbols.TryAdd(symbol.OriginalDefinition, 0);
            }

            return;
        }
    }

    /// <summary>True when <paramref name="expression"/> is itself the connection string argument of a guard call.</summary>
    public bool IsGuardedDirectly(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        return node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } } argument
            && ConnectionStringArgument(invocation) == argument
            && IsGuardCall(model, invocation, cancellationToken);
    }

    /// <summary>
    /// The constant, static readonly field or local that <paramref name="expression"/> initializes, if any: such a string
    /// is guarded when every use of that symbol is a guard argument (decided in <see cref="AllUsesGuarded"/>).
    /// </summary>
    public static ISymbol? InitializedSymbol(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        SyntaxNode node = expression;
        while (node.Parent is ParenthesizedExpressionSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
        {
            return null;
        }

        return model.GetDeclaredSymbol(declarator, cancellationToken) switch
        {
            IFieldSymbol field when field.IsConst || (field.IsStatic && field.IsReadOnly) => field.OriginalDefinition,
            ILocalSymbol local => local,
            _ => null,
        };
    }

    /// <summary>
    /// Of <paramref name="symbols"/>, those used at least once as a guard argument and nowhere else. Run once at
    /// compilation end over the syntax trees (a local's enclosing member only), and only for symbols with a guarded use.
    /// Any other identifier with the same name counts as an unguarded use without binding it: a same-named symbol
    /// elsewhere can keep a string reported, never quiet one.
    /// </summary>
    public HashSet<ISymbol> AllUsesGuarded(IEnumerable<ISymbol> symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        var fields = new Dictionary<string, List<ISymbol>>(System.StringComparer.Ordinal);
        foreach (var symbol in symbols.Distinct(SymbolEqualityComparer.Default))
        {
            if (symbol is null || !guardedSymbols.ContainsKey(symbol))
            {
                continue;
            }

            if (symbol is ILocalSymbol)
            {
                var scope = symbol.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken)
                    .FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax);
                // A top-level statement's local is in scope in every top-level statement of the file.
                if (scope is GlobalStatementSyntax)
                {
                    scope = scope.Parent;
                }

                if (scope is not null && AllGuarded(scope, symbol.Name, cancellationToken))
                {
                    result.Add(symbol);
                }

                continue;
            }

            if (!fields.TryGetValue(symbol.Name, out var list))
            {
                fields[symbol.Name] = list = new List<ISymbol>();
            }

            list.Add(symbol);
        }

        if (fields.Count == 0)
        {
            return result;
        }

        // One walk over all trees for all field names together: a name used unguarded anywhere drops every field of it.
        var unguardedNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            foreach (var identifier in tree.GetRoot(cancellationToken).DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                var name = identifier.Identifier.ValueText;
                if (fields.ContainsKey(name) && !unguardedNames.Contains(name) && !IsGuardedArgument(Use(identifier)))
                {
                    unguardedNames.Add(name);
                }
            }
        }

        foreach (var pair in fields)
        {
            if (!unguardedNames.Contains(pair.Key))
            {
                result.UnionWith(pair.Value);
            }
        }

        return result;
    }

    private bool AllGuarded(SyntaxNode scope, string name, CancellationToken cancellationToken)
    {
        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (identifier.Identifier.ValueText == name && !IsGuardedArgument(Use(identifier)))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsGuardedArgument(SyntaxNode use) => guardedArguments.ContainsKey((use.SyntaxTree, use.Span));

    /// <summary><c>Db.Prod</c> for the <c>Prod</c> in it; the identifier itself otherwise.</summary>
    private static SyntaxNode Use(IdentifierNameSyntax identifier) =>
        identifier.Parent is MemberAccessExpressionSyntax member && member.Name == identifier ? member : identifier;

    private static ExpressionSyntax Unparenthesize(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    /// <summary>
    /// The argument given for <c>connectionString</c> (first in both overloads) of a call named <c>Connection</c>;
    /// by syntax only, so that calls of any other name are rejected before binding.
    /// </summary>
    private static ArgumentSyntax? ConnectionStringArgument(InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name != GuardMethodName || invocation.ArgumentList.Arguments.Count == 0)
        {
            return null;
        }

        var arguments = invocation.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == ConnectionStringParameterName);
        return named ?? (arguments[0].NameColon is null ? arguments[0] : null);
    }

    private bool IsGuardCall(SemanticModel model, InvocationExpressionSyntax invocation, CancellationToken cancellationToken) =>
        model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: GuardMethodName } method
        && SymbolEqualityComparer.Default.Equals(method.ContainingType?.OriginalDefinition, guardType);
}
