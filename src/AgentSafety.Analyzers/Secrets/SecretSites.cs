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
/// constants passed to credential parameters, and configuration files given as AdditionalFiles.
/// </summary>
internal static class SecretSites
{
    /// <summary>Configuration files larger than this are skipped: they are data, not settings, and would slow every build.</summary>
    public const int MaxAdditionalFileLength = 2 * 1024 * 1024;

    /// <summary>"key": "value" pairs of a JSON file and KEY=VALUE lines of other config text, with the key as binding name.</summary>
    public static IEnumerable<(string Key, string Value, TextSpan Span)> ConfigurationValues(SourceText text, string path)
    {
        var content = text.ToString();
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonPairs(content) : KeyValueLines(content);
    }

    public static bool IsConfigurationFile(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".env", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".properties", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".config", StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<(string, string, TextSpan)> JsonPairs(string content)
    {
        string? pendingKey = null;
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (c == '"')
            {
                var start = i + 1;
                var sb = new System.Text.StringBuilder();
                i++;
                while (i < content.Length && content[i] != '"')
                {
                    if (content[i] == '\\' && i + 1 < content.Length)
                    {
                        i++;
                        sb.Append(content[i] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => content[i] });
                    }
                    else if (content[i] == '\n')
                    {
                        break;
                    }
                    else
                    {
                        sb.Append(content[i]);
                    }

                    i++;
                }

                var end = i;
                i++;
                var j = i;
                while (j < content.Length && char.IsWhiteSpace(content[j]))
                {
                    j++;
                }

                if (j < content.Length && content[j] == ':')
                {
                    pendingKey = sb.ToString();
                    i = j + 1;
                }
                else
                {
                    if (pendingKey is not null)
                    {
                        yield return (pendingKey, sb.ToString(), TextSpan.FromBounds(start, Math.Min(end, content.Length)));
                    }

                    pendingKey = null;
                }

                continue;
            }

            if (c is ',' or '{' or '}' or '[')
            {
                pendingKey = c == '[' ? pendingKey : null;
            }

            i++;
        }
    }

    private static IEnumerable<(string, string, TextSpan)> KeyValueLines(string content)
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
