using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AgentSafety.Guards;

/// <summary>
/// The little JSON the guard reads and writes (JWS headers and claims, JWKs, audit records). Hand-written because the
/// core package depends on nothing beyond the BCL, and netstandard2.0's BCL has no JSON reader. Values parse to
/// string, decimal, bool, null, <see cref="List{T}"/> of values and <see cref="Dictionary{TKey,TValue}"/> of values.
/// </summary>
internal static class Json
{
    private const int MaxDepth = 16;

    /// <summary>Parses one JSON object; false for anything else, for duplicate names, and for trailing text.</summary>
    public static bool TryParseObject(string text, out Dictionary<string, object?> result)
    {
        result = new Dictionary<string, object?>(StringComparer.Ordinal);
        var reader = new Reader(text);
        try
        {
            reader.SkipSpace();
            if (reader.Peek() != '{' || reader.ReadValue(0) is not Dictionary<string, object?> parsed)
            {
                return false;
            }

            reader.SkipSpace();
            if (!reader.AtEnd)
            {
                return false;
            }

            result = parsed;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A JSON string literal.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c is '\u2028' or '\u2029')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>The string member <paramref name="name"/>, or null when absent or not a string.</summary>
    public static string? String(Dictionary<string, object?> obj, string name) =>
        obj.TryGetValue(name, out var v) ? v as string : null;

    /// <summary>The numeric member <paramref name="name"/> as whole seconds (a NumericDate may carry a fraction), or null.</summary>
    public static long? Seconds(Dictionary<string, object?> obj, string name)
    {
        if (!obj.TryGetValue(name, out var v) || v is not decimal d || d < 0 || d > 253402300799m)
        {
            return null;
        }

        return (long)decimal.Floor(d);
    }

    private sealed class Reader
    {
        private readonly string _text;
        private int _pos;

        public Reader(string text) => _text = text;

        public bool AtEnd => _pos >= _text.Length;

        public char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        public void SkipSpace()
        {
            while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\r' or '\n')
            {
                _pos++;
            }
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("nested too deep");
            }

            SkipSpace();
            switch (Peek())
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return ReadString();
                case 't': Expect("true"); return true;
                case 'f': Expect("false"); return false;
                case 'n': Expect("null"); return null;
                default: return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
            _pos++;
            SkipSpace();
            if (Peek() == '}')
            {
                _pos++;
                return obj;
            }

            while (true)
            {
                SkipSpace();
                if (Peek() != '"')
                {
                    throw new FormatException("expected a member name");
                }

                var name = ReadString();
                SkipSpace();
                Expect(":");
                if (obj.ContainsKey(name))
                {
                    // RFC 7515 section 5.2: a duplicate header or claim name must be rejected, not resolved.
                    throw new FormatException("duplicate member " + name);
                }

                obj[name] = ReadValue(depth + 1);
                SkipSpace();
                var c = Next();
                if (c == '}')
                {
                    return obj;
                }

                if (c != ',')
                {
                    throw new FormatException("expected ',' or '}'");
                }
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var list = new List<object?>();
            _pos++;
            SkipSpace();
            if (Peek() == ']')
            {
                _pos++;
                return list;
            }

            while (true)
            {
                list.Add(ReadValue(depth + 1));
                SkipSpace();
                var c = Next();
                if (c == ']')
                {
                    return list;
                }

                if (c != ',')
                {
                    throw new FormatException("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            Expect("\"");
            var sb = new StringBuilder();
            while (true)
            {
                var c = Next();
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c < 0x20)
                {
                    throw new FormatException("control character in a string");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                var e = Next();
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException("bad \\u escape");
                        }

                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw new FormatException("bad escape");
                }
            }
        }

        private decimal ReadNumber()
        {
            var start = _pos;
            while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '-' or '+' or '.' or 'e' or 'E'))
            {
                _pos++;
            }

            var token = _text.Substring(start, _pos - start);
            if (token.Length == 0 || !decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
            {
                throw new FormatException("bad number");
            }

            return value;
        }

        private void Expect(string literal)
        {
            if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
            {
                throw new FormatException("expected " + literal);
            }

            _pos += literal.Length;
        }

        private char Next() => _pos < _text.Length ? _text[_pos++] : throw new FormatException("unexpected end");
    }
}
