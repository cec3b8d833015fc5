using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using AgentSafety.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Common;

/// <summary>Which reader a configuration file needs.</summary>
internal enum ConfigurationFileKind
{
    None,
    Json,
    DotEnv,
    Text,
}

/// <summary>
/// A configuration file given to the compiler as an AdditionalFile, read once per compilation for every rule: its kind
/// (one classifier), the environment its name says it belongs to, its text, and, for JSON, every string value with its
/// key path. The secrets rules and ASA301 both read it through <see cref="Read"/>.
/// </summary>
internal sealed class ConfigurationFile
{
    /// <summary>Larger files are skipped: they are data, not settings, and would slow every build.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    // Keyed by the AdditionalText the compilation hands to every analyzer, so the file is read and parsed once however
    // many rules look at it, and forgotten with the compilation.
    private static readonly ConditionalWeakTable<AdditionalText, ConfigurationFile> Cache = new();

    private readonly object gate = new();
    private List<ConfigurationEntry>? jsonEntries;

    private ConfigurationFile(string path, ConfigurationFileKind kind, SourceText? source)
    {
        Path = path;
        Kind = kind;
        Source = source;
        Text = source?.ToString() ?? string.Empty;
        Environment = EnvironmentClassifier.ClassifyFilePath(path);
    }

    public string Path { get; }

    public ConfigurationFileKind Kind { get; }

    /// <summary>The file's text; null when the file is not configuration, is empty or is larger than <see cref="MaxLength"/>.</summary>
    public SourceText? Source { get; }

    public string Text { get; }

    /// <summary>The environment the file's name or folder names (<c>appsettings.Development.json</c>, <c>.env.staging</c>).</summary>
    public DeploymentEnvironment Environment { get; }

    /// <summary>The configuration file behind <paramref name="file"/>, read once per compilation.</summary>
    public static ConfigurationFile Read(AdditionalText file, CancellationToken cancellationToken)
    {
        if (Cache.TryGetValue(file, out var cached))
        {
            return cached;
        }

        var path = file.Path ?? string.Empty;
        var kind = KindOf(path);
        var source = kind == ConfigurationFileKind.None ? null : file.GetText(cancellationToken);
        if (source is not null && (source.Length == 0 || source.Length > MaxLength))
        {
            source = null;
        }

        return Cache.GetValue(file, _ => new ConfigurationFile(path, source is null ? ConfigurationFileKind.None : kind, source));
    }

    /// <summary>Every string value of a JSON file with its key path; parsed on first use, once.</summary>
    public IReadOnlyList<ConfigurationEntry> JsonEntries(CancellationToken cancellationToken)
    {
        if (Kind != ConfigurationFileKind.Json)
        {
            return Array.Empty<ConfigurationEntry>();
        }

        lock (gate)
        {
            return jsonEntries ??= ConfigurationJson.Read(Text, cancellationToken);
        }
    }

    /// <summary>Which reader a file needs, from its name; <see cref="ConfigurationFileKind.None"/> for files that are not configuration.</summary>
    public static ConfigurationFileKind KindOf(string path)
    {
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        var name = path.Substring(slash + 1).ToLowerInvariant();
        if (name.StartsWith(".env", StringComparison.Ordinal) || name.EndsWith(".env", StringComparison.Ordinal))
        {
            return ConfigurationFileKind.DotEnv;
        }

        if (name.StartsWith("analyzerreleases.", StringComparison.Ordinal) || name == "agentsafety.destructiveapis.txt")
        {
            return ConfigurationFileKind.None;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot < 0 ? string.Empty : name.Substring(dot);
        return extension switch
        {
            ".json" => ConfigurationFileKind.Json,
            ".config" or ".xml" or ".yaml" or ".yml" or ".ini" or ".properties" or ".toml" or ".conf" or ".cfg" or ".txt" or ".tfvars" => ConfigurationFileKind.Text,
            _ => ConfigurationFileKind.None,
        };
    }
}

/// <summary>
/// One string value of a configuration file: its key path, the key that names it, its unescaped text, and where its raw
/// text sits in the file, with the offset of every unescaped character in the raw text (JSON escapes such as
/// <c>\u0041</c> make the two differ).
/// </summary>
internal sealed class ConfigurationEntry
{
    private readonly int[]? offsets;

    public ConfigurationEntry(string keyPath, string name, string section, string value, TextSpan rawSpan, int[]? offsets)
    {
        KeyPath = keyPath;
        Name = name;
        Section = section;
        Value = value;
        RawSpan = rawSpan;
        this.offsets = offsets;
    }

    /// <summary>The key path as .NET configuration writes it: <c>ConnectionStrings:Production</c>, <c>Hosts:0</c>.</summary>
    public string KeyPath { get; }

    /// <summary>The key that names the value: the last object key on its path (<c>Keys</c> for <c>Auth:Keys:0</c>).</summary>
    public string Name { get; }

    /// <summary>The path above <see cref="Name"/> (<c>Jwt</c> for <c>Jwt:Key</c>); empty at the top level.</summary>
    public string Section { get; }

    public string Value { get; }

    /// <summary>The raw text of the value in the file, between its quotes.</summary>
    public TextSpan RawSpan { get; }

    /// <summary>The raw span of the characters <paramref name="start"/> .. <paramref name="start"/> + <paramref name="length"/> of <see cref="Value"/>.</summary>
    public TextSpan MapToRaw(int start, int length)
    {
        start = Math.Max(0, Math.Min(start, Value.Length));
        var end = Math.Max(start, Math.Min(start + length, Value.Length));
        if (offsets is null)
        {
            return TextSpan.FromBounds(RawSpan.Start + start, RawSpan.Start + end);
        }

        return TextSpan.FromBounds(RawSpan.Start + offsets[start], RawSpan.Start + offsets[end]);
    }
}

/// <summary>
/// The JSON reader every rule shares (appsettings files allow comments and trailing commas): a tolerant reader that never
/// throws and yields nothing, rather than guesses, for text that is not JSON. Written by hand, without a JSON library
/// or regular expressions, so that the analyzer ships no dependency.
/// </summary>
internal static class ConfigurationJson
{
    /// <summary>Every string value of <paramref name="text"/> (keys excluded); empty when it does not parse.</summary>
    public static List<ConfigurationEntry> Read(string text, CancellationToken cancellationToken)
    {
        var found = new List<ConfigurationEntry>();
        var frames = new List<Frame>();
        var expectKey = false;
        var i = 0;
        var sawRoot = false;
        while (i < text.Length)
        {
            if ((i & 0xFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
            {
                i++;
                continue;
            }

            if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
            {
                if (text[i + 1] == '/')
                {
                    var end = text.IndexOf('\n', i);
                    i = end < 0 ? text.Length : end + 1;
                }
                else
                {
                    var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        return new List<ConfigurationEntry>();
                    }

                    i = end + 2;
                }

                continue;
            }

            switch (c)
            {
                case '{':
                case '[':
                    if (frames.Count == 0 && sawRoot)
                    {
                        return new List<ConfigurationEntry>();
                    }

                    sawRoot = true;
                    frames.Add(new Frame(isObject: c == '{'));
                    expectKey = c == '{';
                    i++;
                    break;
                case '}':
                case ']':
                    if (frames.Count == 0 || frames[frames.Count - 1].IsObject != (c == '}'))
                    {
                        return new List<ConfigurationEntry>();
                    }

                    frames.RemoveAt(frames.Count - 1);
                    expectKey = false;
                    i++;
                    break;
                case ',':
                    if (frames.Count == 0)
                    {
                        return new List<ConfigurationEntry>();
                    }

                    var top = frames[frames.Count - 1];
                    if (top.IsObject)
                    {
                        expectKey = true;
                    }
                    else
                    {
                        top.Index++;
                    }

                    i++;
                    break;
                case ':':
                    i++;
                    break;
                case '"':
                    var contentStart = i + 1;
                    var value = ReadString(text, ref i, out var offsets);
                    if (value is null || frames.Count == 0)
                    {
                        return new List<ConfigurationEntry>();
                    }

                    var frame = frames[frames.Count - 1];
                    if (frame.IsObject && expectKey)
                    {
                        frame.Key = value;
                        expectKey = false;
                    }
                    else
                    {
                        var (name, section) = NameAndSection(frames);
                        found.Add(new ConfigurationEntry(KeyPath(frames, frames.Count), name, section, value, TextSpan.FromBounds(contentStart, i - 1), offsets));
                    }

                    break;
                default:
                    // Numbers, true, false, null: skip to the next delimiter; anything else is not JSON.
                    if (!(char.IsLetterOrDigit(c) || c is '-' or '+' or '.') || frames.Count == 0)
                    {
                        return new List<ConfigurationEntry>();
                    }

                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '+' or '.'))
                    {
                        i++;
                    }

                    break;
            }
        }

        return frames.Count == 0 && sawRoot ? found : new List<ConfigurationEntry>();
    }

    /// <summary>
    /// Reads the string whose opening quote is at <paramref name="i"/>; on success <paramref name="i"/> ends after the
    /// closing quote. <paramref name="offsets"/> maps each unescaped character (and the end) to its offset in the raw
    /// content, or is null when the string holds no escape and the two coincide.
    /// </summary>
    private static string? ReadString(string text, ref int i, out int[]? offsets)
    {
        offsets = null;
        StringBuilder? builder = null;
        List<int>? map = null;
        var contentStart = i + 1;
        var runStart = contentStart;
        var j = contentStart;
        while (j < text.Length)
        {
            var c = text[j];
            if (c == '"')
            {
                i = j + 1;
                if (builder is null)
                {
                    return text.Substring(runStart, j - runStart);
                }

                AppendRun(builder, map!, text, runStart, j, contentStart);
                map!.Add(j - contentStart);
                offsets = map.ToArray();
                return builder.ToString();
            }

            if (c == '\n')
            {
                return null;
            }

            if (c == '\\')
            {
                if (j + 1 >= text.Length)
                {
                    return null;
                }

                builder ??= new StringBuilder();
                map ??= new List<int>();
                AppendRun(builder, map, text, runStart, j, contentStart);
                var escape = text[j + 1];
                var width = 2;
                char decoded;
                switch (escape)
                {
                    case 'n': decoded = '\n'; break;
                    case 't': decoded = '\t'; break;
                    case 'r': decoded = '\r'; break;
                    case 'b': decoded = '\b'; break;
                    case 'f': decoded = '\f'; break;
                    case 'u':
                        if (j + 5 < text.Length && int.TryParse(text.Substring(j + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            decoded = (char)code;
                            width = 6;
                        }
                        else
                        {
                            return null;
                        }

                        break;
                    default: decoded = escape; break;
                }

                builder.Append(decoded);
                map.Add(j - contentStart);
                j += width;
                runStart = j;
                continue;
            }

            j++;
        }

        return null;
    }

    private static void AppendRun(StringBuilder builder, List<int> map, string text, int from, int to, int contentStart)
    {
        builder.Append(text, from, to - from);
        for (var k = from; k < to; k++)
        {
            map.Add(k - contentStart);
        }
    }

    private static (string Name, string Section) NameAndSection(List<Frame> frames)
    {
        for (var k = frames.Count - 1; k >= 0; k--)
        {
            if (frames[k].IsObject && frames[k].Key is { } key)
            {
                return (key, KeyPath(frames, k));
            }
        }

        return (string.Empty, string.Empty);
    }

    private static string KeyPath(List<Frame> frames, int count)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            var frame = frames[k];
            var part = frame.IsObject ? frame.Key : frame.Index.ToString(CultureInfo.InvariantCulture);
            if (part is null)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(part);
        }

        return builder.ToString();
    }

    private sealed class Frame
    {
        public Frame(bool isObject)
        {
            IsObject = isObject;
        }

        public bool IsObject { get; }

        public string? Key { get; set; }

        public int Index { get; set; }
    }
}
