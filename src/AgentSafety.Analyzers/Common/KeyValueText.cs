using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Common;

/// <summary>One <c>KEY=VALUE</c> or <c>key: value</c> line of configuration text.</summary>
internal readonly struct KeyValueLine
{
    public KeyValueLine(string key, string value, TextSpan span, TextSpan quotedSpan, int lineStart, int lineEnd)
    {
        Key = key;
        Value = value;
        Span = span;
        QuotedSpan = quotedSpan;
        LineStart = lineStart;
        LineEnd = lineEnd;
    }

    /// <summary>The key, without an <c>export</c> prefix.</summary>
    public string Key { get; }

    /// <summary>The value without its quotes, or without a trailing <c> #</c> comment when unquoted.</summary>
    public string Value { get; }

    /// <summary>Where <see cref="Value"/> sits in the raw text, character for character.</summary>
    public TextSpan Span { get; }

    /// <summary><see cref="Span"/> widened to the value's quotes when it is quoted; <see cref="Span"/> itself otherwise.</summary>
    public TextSpan QuotedSpan { get; }

    public int LineStart { get; }

    /// <summary>The end of the line, before its <c>\r\n</c> or <c>\n</c>.</summary>
    public int LineEnd { get; }
}

/// <summary>
/// The one reader of <c>KEY=VALUE</c> / <c>key: value</c> configuration text (.env, YAML, INI, properties), shared by the
/// secrets rules and ASA301 so that both see the same key, value and span of a line. Handles <c>export</c>, single and
/// double quotes, <c>#</c> comment lines, a <c> #</c> comment after an unquoted value, and CRLF. Never throws.
/// </summary>
internal static class KeyValueText
{
    /// <summary>Both separators: the first of them on a line ends the key.</summary>
    public static readonly char[] AnySeparator = { '=', ':' };

    /// <summary>Only <c>=</c>, as in a <c>.env</c> file, where a colon belongs to the key or the value.</summary>
    public static readonly char[] EqualsOnly = { '=' };

    /// <summary>Every key/value line of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<KeyValueLine> Read(string text, char[] separators, CancellationToken cancellationToken = default)
    {
        var lineStart = 0;
        var count = 0;
        while (lineStart < text.Length)
        {
            if ((++count & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var newline = text.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? text.Length : newline;
            if (TryRead(text, lineStart, lineEnd, separators, out var line))
            {
                yield return line;
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + 1;
        }
    }

    /// <summary>The key/value of the line from <paramref name="lineStart"/> to <paramref name="lineEnd"/> (its newline excluded).</summary>
    public static bool TryRead(string text, int lineStart, int lineEnd, char[] separators, out KeyValueLine line)
    {
        line = default;
        if (lineEnd > lineStart && text[lineEnd - 1] == '\r')
        {
            lineEnd--;
        }

        var i = SkipSpaces(text, lineStart, lineEnd);
        if (i >= lineEnd || text[i] == '#')
        {
            return false;
        }

        if (lineEnd - i > 7 && string.CompareOrdinal(text, i, "export ", 0, 7) == 0)
        {
            i = SkipSpaces(text, i + 7, lineEnd);
        }

        var separator = i < lineEnd ? text.IndexOfAny(separators, i, lineEnd - i) : -1;
        if (separator <= i)
        {
            return false;
        }

        var key = text.Substring(i, separator - i).Trim();
        var start = SkipSpaces(text, separator + 1, lineEnd);
        var end = lineEnd;
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        int valueStart, valueEnd, quotedEnd;
        if (end > start && text[start] is '"' or '\'')
        {
            // A quoted value ends at its closing quote (a comment may follow); an unclosed one runs to the line's end.
            var close = text.IndexOf(text[start], start + 1, end - start - 1);
            valueStart = start + 1;
            valueEnd = close < 0 ? end : close;
            quotedEnd = close < 0 ? end : close + 1;
        }
        else
        {
            var comment = IndexOfComment(text, start, end);
            valueStart = start;
            valueEnd = comment < 0 ? end : comment;
            while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
            {
                valueEnd--;
            }

            quotedEnd = valueEnd;
        }

        if (key.Length == 0 || valueEnd <= valueStart)
        {
            return false;
        }

        line = new KeyValueLine(
            key,
            text.Substring(valueStart, valueEnd - valueStart),
            TextSpan.FromBounds(valueStart, valueEnd),
            TextSpan.FromBounds(start, quotedEnd),
            lineStart,
            lineEnd);
        return true;
    }

    /// <summary>A <c> #</c> comment after an unquoted value (a <c>#</c> inside a word, as in a URL fragment, is kept).</summary>
    private static int IndexOfComment(string text, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (text[i] == '#' && text[i - 1] is ' ' or '\t')
            {
                return i - 1;
            }
        }

        return -1;
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i;
    }
}
