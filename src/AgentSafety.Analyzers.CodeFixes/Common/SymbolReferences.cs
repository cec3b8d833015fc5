using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace AgentSafety.Analyzers.CodeFixes.Common;

/// <summary>
/// References to types the inserted code needs, built from the symbol as Roslyn's own fixers build them: a fully
/// qualified name the code action's cleanup shortens only where the short name binds to the same symbol, adding the
/// <c>using</c> where that is what makes it bind. A project with its own <c>Destructive</c>, <c>EnvironmentGuard</c> or
/// <c>Environment</c> in scope keeps the qualified name instead of breaking.
/// </summary>
internal static class SymbolReferences
{
    /// <summary>The type as an expression, or null when the compilation does not have it (then offer no fix).</summary>
    public static ExpressionSyntax? Type(SyntaxGenerator generator, Compilation compilation, string metadataName, bool addImport = true)
    {
        var type = compilation.GetTypeByMetadataName(metadataName);
        if (type is null)
        {
            return null;
        }

        var expression = (ExpressionSyntax)generator.TypeExpression(type);
        return addImport
            ? expression.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)
            : expression.WithAdditionalAnnotations(Simplifier.Annotation);
    }

    /// <summary><c>Type.Member</c>, the type built as <see cref="Type"/> builds it.</summary>
    public static ExpressionSyntax? Member(SyntaxGenerator generator, Compilation compilation, string metadataName, string member, bool addImport = true) =>
        Type(generator, compilation, metadataName, addImport) is { } type
            ? (ExpressionSyntax)generator.MemberAccessExpression(type, member)
            : null;
}
