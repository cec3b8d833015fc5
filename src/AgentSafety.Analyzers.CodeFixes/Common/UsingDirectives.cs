using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentSafety.Analyzers.CodeFixes.Common;

/// <summary>
/// Adds a <c>using</c> directive the inserted code needs, once, in the place a person would put it.
/// </summary>
internal static class UsingDirectives
{
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax root, string namespaceName)
    {
        if (root.Usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == namespaceName))
        {
            return root;
        }

        // A using inside a namespace declaration already brings the namespace into scope for the code there.
        if (root.DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax)
                .OfType<BaseNamespaceDeclarationSyntax>()
                .Any(ns => ns.Usings.Any(u => u.Alias is null && u.Name?.ToString() == namespaceName)))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName))
            .WithTrailingTrivia(LineEnding(root));

        // Keep System directives first and the rest in ordinal order, as dotnet_sort_system_directives_first does.
        var usings = root.Usings;
        var index = 0;
        while (index < usings.Count && Compare(usings[index], namespaceName) < 0)
        {
            index++;
        }

        if (usings.Count == 0)
        {
            // The first directive of a file: a blank line between it and the code, and any file header above it.
            var first = root.GetLeadingTrivia();
            var separated = directive.WithLeadingTrivia(first).WithTrailingTrivia(LineEnding(root), LineEnding(root));
            return root.WithoutLeadingTrivia().WithUsings(SyntaxFactory.SingletonList(separated));
        }

        var updated = usings.Insert(index, directive);
        if (index == 0)
        {
            // A file header belongs above the first directive, whichever that now is.
            var header = usings[0].GetLeadingTrivia();
            updated = updated.Replace(updated[1], updated[1].WithLeadingTrivia());
            updated = updated.Replace(updated[0], directive.WithLeadingTrivia(header));
        }

        return root.WithUsings(updated);
    }

    /// <summary>The file's own line ending, so that an LF file does not get one CRLF line.</summary>
    private static SyntaxTrivia LineEnding(CompilationUnitSyntax root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia.ToString() == "\r\n" ? SyntaxFactory.CarriageReturnLineFeed : SyntaxFactory.LineFeed;
            }
        }

        return SyntaxFactory.LineFeed;
    }

    private static int Compare(UsingDirectiveSyntax existing, string namespaceName)
    {
        if (existing.Alias is not null || !existing.StaticKeyword.IsKind(SyntaxKind.None))
        {
            return 1;
        }

        var name = existing.Name?.ToString() ?? string.Empty;
        var existingIsSystem = name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal);
        var newIsSystem = namespaceName == "System" || namespaceName.StartsWith("System.", System.StringComparison.Ordinal);
        if (existingIsSystem != newIsSystem)
        {
            return existingIsSystem ? -1 : 1;
        }

        return string.CompareOrdinal(name, namespaceName);
    }
}
