using AgentSafety.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// Whether an operation runs behind a confirmation guard: inside a lambda, anonymous method or local function passed
/// to a method marked with an attribute named <c>ConfirmationGuardAttribute</c> (any namespace, so a team can mark its
/// own approval flow), or inside a method marked <c>DestructiveOperationAttribute</c> (its callers carry the guard).
/// </summary>
internal static class ConfirmationGuards
{
    public static bool IsGuarded(IOperation operation, ISymbol? containingSymbol)
    {
        // Destructive.RunAsync(action, resource, s3.DeleteBucketAsync): the method group itself is what the guard runs.
        if (operation is IMethodReferenceOperation && IsArgumentOfGuard(operation))
        {
            return true;
        }

        for (var current = operation; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation && IsArgumentOfGuard(current))
            {
                return true;
            }

            if (current is ILocalFunctionOperation localFunction)
            {
                if (HasAttribute(localFunction.Symbol, "DestructiveOperationAttribute"))
                {
                    return true;
                }

                if (IsPassedToGuard(localFunction.Symbol, FindRoot(current)))
                {
                    return true;
                }
            }
        }

        for (var symbol = containingSymbol; symbol is not null; symbol = symbol.ContainingSymbol)
        {
            if (symbol is IMethodSymbol method && (HasAttribute(method, "DestructiveOperationAttribute") || HasAttribute(method, "ConfirmationGuardAttribute")))
            {
                return true;
            }

            if (symbol is INamedTypeSymbol)
            {
                break;
            }
        }

        return false;
    }

    public static bool HasAttribute(ISymbol symbol, string attributeName)
    {
        var shortName = attributeName.Substring(0, attributeName.Length - "Attribute".Length);
        foreach (var attribute in symbol.GetAttributes())
        {
            var name = attribute.AttributeClass?.Name;
            if (name == attributeName || name == shortName)
            {
                return true;
            }
        }

        return false;
    }

    public static string? AttributeDescription(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == attributeName && attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string text)
            {
                return text;
            }
        }

        return null;
    }

    private static bool IsArgumentOfGuard(IOperation function)
    {
        var parent = function.Parent;
        while (parent is IDelegateCreationOperation or IConversionOperation)
        {
            parent = parent.Parent;
        }

        return parent is IArgumentOperation { Parent: IInvocationOperation invocation } && IsGuardMethod(invocation.TargetMethod);
    }

    private static bool IsPassedToGuard(IMethodSymbol localFunction, IOperation root)
    {
        foreach (var reference in MethodReferences.For(root).To(localFunction.OriginalDefinition))
        {
            if (IsArgumentOfGuard(reference))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsGuardMethod(IMethodSymbol method) =>
        HasAttribute(method, "ConfirmationGuardAttribute")
        || HasAttribute(method.OriginalDefinition, "ConfirmationGuardAttribute")
        || (method.ReducedFrom is { } reduced && HasAttribute(reduced, "ConfirmationGuardAttribute"));

    private static IOperation FindRoot(IOperation operation)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return root;
    }
}
