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
