using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// Where secrets are looked for, shared by ASA101 and ASA102: C# string literals with the name they are bound to,
/// constants passed to credential parameters, and the KEY=VALUE lines of configuration files that are not JSON.
/// </summary>
internal static class SecretSites
{
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
                    ImplicitElementAccessSyntax { ArgumentList.Arguments.Count: 1 } element when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key => key.Token.ValueText,
                    ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element when element.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key => key.Token.ValueText,
                    _ => null,
                };
            case AnonymousObjectMemberDeclaratorSyntax { NameEquals: { } nameEquals }:
                return nameEquals.Name.Identifier.ValueText;
            case ArgumentSyntax { NameColon: { } nameColon }:
                return nameColon.Name.Identifier.ValueText;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 2 } list } argument when list.Arguments[1] == argument && list.Arguments[0].Expression is LiteralExpressionSyntax header:
                // headers.Add("X-Api-Key", "..."), config["Stripe:ApiKey"] = ... and friends: the key names the value.
                return header.Token.ValueText;
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

    /// <summary>KEY=VALUE and key: value lines of non-JSON configuration text, with the key as binding name.</summary>
    public static IEnumerable<(string Key, string Value, TextSpan Span)> KeyValueLines(string content)
    {
        var lineStart = 0;
        while (lineStart < content.Length)
        {
            var lineEnd = content.IndexOf('\n', lineStart);
            if (lineEnd < 0)
            {
                lineEnd = content.Length;
            }

            var line = content.Substring(lineStart, lineEnd - lineStart);
            var separator = line.IndexOfAny(new[] { '=', ':' });
            if (separator > 0 && !line.TrimStart().StartsWith("#", StringComparison.Ordinal))
            {
                var key = line.Substring(0, separator).Trim();
                if (key.StartsWith("export ", StringComparison.Ordinal))
                {
                    key = key.Substring(7).Trim();
                }

                var valueStart = separator + 1;
                while (valueStart < line.Length && line[valueStart] is ' ' or '\t' or '"' or '\'')
                {
                    valueStart++;
                }

                var valueEnd = line.TrimEnd('\r', ' ', '\t').Length;
                while (valueEnd > valueStart && line[valueEnd - 1] is '"' or '\'')
                {
                    valueEnd--;
                }

                if (valueEnd > valueStart && key.Length > 0)
                {
                    yield return (key, line.Substring(valueStart, valueEnd - valueStart), new TextSpan(lineStart + valueStart, valueEnd - valueStart));
                }
            }

            lineStart = lineEnd + 1;
        }
    }

    /// <summary>Whether a literal sits where a constant is required, so that no code fix can turn it into a run-time read.</summary>
    public static bool RequiresConstant(LiteralExpressionSyntax literal) =>
        literal.Ancestors().Any(a => a is AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or ParameterSyntax);
}
