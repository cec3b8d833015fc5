using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using AgentSafety.Analyzers.Common;
using AgentSafety.Shared;

namespace AgentSafety.Analyzers.Environments;

/// <summary>A string value found in a configuration file, with the configuration key that holds it.</summary>
internal readonly struct ConfigurationValue
{
    public ConfigurationValue(int start, int length, string value, string key)
    {
        Start = start;
        Length = length;
        Value = value;
        Key = key;
    }

    public int Start { get; }

    public int Length { get; }

    public string Value { get; }

    /// <summary>The key path, <c>ConnectionStrings:Production</c> in JSON, the variable name in a <c>.env</c> file.</summary>
    public string Key { get; }
}

/// <summary>
/// Reads connection-string candidates out of configuration text without a JSON or YAML library (an analyzer should not
/// ship one) and without regular expressions. Tolerant readers: they never throw, and a JSON file that does not parse
/// yields nothing rather than guesses.
/// </summary>
internal static class ConfigurationTextScanner
{
    /// <summary>
    /// Connection-string candidates of a JSON file, read by the shared <see cref="ConfigurationJson"/> reader (comments
    /// and trailing commas allowed); nothing when it does not parse. The span covers the value's quotes.
    /// </summary>
    public static List<ConfigurationValue> ScanJson(string text, CancellationToken cancellationToken) =>
        FromJson(ConfigurationJson.Read(text, cancellationToken));

    /// <summary>The connection-string candidates among a JSON file's values, parsed once by <see cref="ConfigurationFile"/>.</summary>
    public static List<ConfigurationValue> FromJson(IReadOnlyList<ConfigurationEntry> entries)
    {
        var found = new List<ConfigurationValue>();
        foreach (var entry in entries)
        {
            if (EnvironmentClassifier.MightBeConnectionString(entry.Value) || entry.KeyPath.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new ConfigurationValue(entry.RawSpan.Start - 1, entry.RawSpan.Length + 2, entry.Value, entry.KeyPath));
            }
        }

        return found;
    }

    /// <summary><c>KEY=VALUE</c> lines, with <c>export</c>, quotes and <c>#</c> comments, read by <see cref="KeyValueText"/>.</summary>
    public static List<ConfigurationValue> ScanDotEnv(string text, CancellationToken cancellationToken)
    {
        var found = new List<ConfigurationValue>();
        foreach (var line in KeyValueText.Read(text, KeyValueText.EqualsOnly, cancellationToken))
        {
            if (line.LineEnd - line.LineStart <= EnvironmentClassifier.MaxConnectionStringLength * 2)
            {
                AddValue(line, found);
            }
        }

        return found;
    }

    /// <summary>
    /// Other configuration text (YAML, INI, properties, XML <c>connectionString="..."</c>): quoted values first, else the
    /// value after the line's first <c>:</c> or <c>=</c>, else the whole line.
    /// </summary>
    public static List<ConfigurationValue> ScanText(string text, CancellationToken cancellationToken)
    {
        var found = new List<ConfigurationValue>();
        ForEachLine(text, cancellationToken, (lineStart, lineEnd) =>
        {
            var before = found.Count;
            var key = XmlNameAttribute(text, lineStart, lineEnd);
            var i = lineStart;
            while (i < lineEnd)
            {
                var c = text[i];
                if (c != '"' && c != '\'')
                {
                    i++;
                    continue;
                }

                var close = text.IndexOf(c, i + 1, lineEnd - i - 1);
                if (close < 0)
                {
                    break;
                }

                var value = text.Substring(i + 1, close - i - 1);
                if (EnvironmentClassifier.MightBeConnectionString(value) && EnvironmentClassifier.TryParseConnectionString(value, out _))
                {
                    found.Add(new ConfigurationValue(i, close - i + 1, value, key ?? KeyBefore(text, lineStart, i)));
                }

                i = close + 1;
            }

            if (found.Count > before)
            {
                return;
            }

            var start = SkipSpaces(text, lineStart, lineEnd);
            var line = text.Substring(start, lineEnd - start).TrimEnd();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                return;
            }

            if (EnvironmentClassifier.MightBeConnectionString(line) && EnvironmentClassifier.TryParseConnectionString(line, out _))
            {
                found.Add(new ConfigurationValue(start, line.Length, line, string.Empty));
                return;
            }

            if (KeyValueText.TryRead(text, lineStart, lineEnd, KeyValueText.AnySeparator, out var keyValue))
            {
                AddValue(keyValue, found);
            }
        });
        return found;
    }

    /// <summary>A line's value when it may be a connection string; the span covers its quotes.</summary>
    private static void AddValue(KeyValueLine line, List<ConfigurationValue> found)
    {
        if (EnvironmentClassifier.MightBeConnectionString(line.Value))
        {
            found.Add(new ConfigurationValue(line.QuotedSpan.Start, line.QuotedSpan.Length, line.Value, line.Key));
        }
    }

    private static string? XmlNameAttribute(string text, int lineStart, int lineEnd)
    {
        var at = text.IndexOf(" name=\"", lineStart, lineEnd - lineStart, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var valueStart = at + 7;
        var close = text.IndexOf('"', valueStart, lineEnd - valueStart);
        return close < 0 ? null : text.Substring(valueStart, close - valueStart);
    }

    private static string KeyBefore(string text, int lineStart, int quote)
    {
        var separator = text.LastIndexOfAny(new[] { ':', '=' }, Math.Max(lineStart, quote - 1), Math.Max(0, quote - lineStart));
        if (separator <= lineStart)
        {
            return string.Empty;
        }

        var keyStart = SkipSpaces(text, lineStart, separator);
        var key = text.Substring(keyStart, separator - keyStart).Trim().Trim('"', '\'');
        return key.Length > 200 ? string.Empty : key;
    }

    private static void ForEachLine(string text, CancellationToken cancellationToken, Action<int, int> onLine)
    {
        var lineStart = 0;
        var count = 0;
        while (lineStart <= text.Length)
        {
            if ((++count & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            if (lineEnd > lineStart && text[lineEnd - 1] == '\r')
            {
                lineEnd--;
            }

            if (lineEnd - lineStart <= EnvironmentClassifier.MaxConnectionStringLength * 2)
            {
                onLine(lineStart, lineEnd);
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Whether a key path names the <c>ConnectionStrings</c> section.</summary>
    public static bool IsConnectionStringsKey(string key) =>
        key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase);
}
