using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using Microsoft.CodeAnalysis.Text;

namespace AgentSafety.Analyzers.Destructive;

internal enum CatalogueEntryKind
{
    /// <summary><c>M:Namespace.Type.Method(*)</c>: every overload of the method.</summary>
    EveryOverload,

    /// <summary><c>M:Namespace.Type.Method(System.String)</c>: one documentation-comment ID.</summary>
    ExactMethod,

    /// <summary><c>T:Namespace.Type</c>: every method of the type.</summary>
    Type,

    /// <summary><c>N:Namespace</c>: every method of every type in the namespace and the namespaces below it.</summary>
    Namespace,
}

/// <summary>One catalogue line, in the documentation-comment ID format of BannedApiAnalyzers' BannedSymbols.txt.</summary>
internal sealed record DestructiveApiEntry
{
    public DestructiveApiEntry(CatalogueEntryKind kind, string id, string description, bool isRemoval, TextSpan span)
    {
        Kind = kind;
        Id = id;
        Description = description;
        IsRemoval = isRemoval;
        Span = span;

        var qualified = id.Substring(2);
        if (kind == CatalogueEntryKind.EveryOverload)
        {
            qualified = qualified.Substring(0, qualified.Length - 3);
            var dot = qualified.LastIndexOf('.');
            TypeMetadataName = qualified.Substring(0, dot);
            MethodName = qualified.Substring(dot + 1);
        }
        else
        {
            TypeMetadataName = qualified;
            MethodName = string.Empty;
        }
    }

    public CatalogueEntryKind Kind { get; }

    /// <summary>The documentation-comment ID as written, without a leading <c>!</c>.</summary>
    public string Id { get; }

    /// <summary>For <see cref="CatalogueEntryKind.EveryOverload"/> the type; for <c>T:</c> the type; for <c>N:</c> the namespace.</summary>
    public string TypeMetadataName { get; }

    public string MethodName { get; }

    public string Description { get; }

    /// <summary>A <c>!</c> line: what it matches is not destructive, even when the built-in catalogue says it is.</summary>
    public bool IsRemoval { get; }

    /// <summary>Where the ID sits in its file, for ASA203.</summary>
    public TextSpan Span { get; }
}

/// <summary>A line of a user catalogue that is not an entry at all.</summary>
internal readonly record struct MalformedCatalogueLine
{
    public MalformedCatalogueLine(string text, TextSpan span)
    {
        Text = text;
        Span = span;
    }

    public string Text { get; }

    public TextSpan Span { get; }
}

/// <summary>Parses catalogue text: the built-in one (embedded, once per process) and users' <c>AgentSafety.DestructiveApis*.txt</c>.</summary>
internal static class DestructiveApiCatalog
{
    public const string UserDescription = "is listed in AgentSafety.DestructiveApis.txt";

    private static readonly Lazy<IReadOnlyList<DestructiveApiEntry>> BuiltInEntries = new(LoadBuiltIn);

    private static readonly Lazy<Dictionary<string, List<DestructiveApiEntry>>?> BuiltInNames = new(() => ByMethodName(BuiltIn));

    public static IReadOnlyList<DestructiveApiEntry> BuiltIn => BuiltInEntries.Value;

    /// <summary>
    /// The built-in lines (not the '!' ones) by the method name they match, read from the lines alone, with no
    /// compilation: ASA201 lets a call with another name go, and resolves only the lines of a name it meets. The Azure
    /// Resource Manager shape rule adds <c>Delete</c> and <c>DeleteAsync</c>. Null when a built-in T: or N: line makes
    /// every name a candidate.
    /// </summary>
    public static IReadOnlyDictionary<string, List<DestructiveApiEntry>>? BuiltInByMethodName => BuiltInNames.Value;

    /// <summary>Every method name a built-in line can match: a superset of what the resolved catalogue matches in any project.</summary>
    public static ICollection<string>? BuiltInMethodNames => BuiltInNames.Value?.Keys;

    /// <summary>The method an entry names, from its ID alone: <c>M:Namespace.Type.Name``1(System.String)</c> is <c>Name</c>.</summary>
    public static string? MethodNameOf(DestructiveApiEntry entry)
    {
        switch (entry.Kind)
        {
            case CatalogueEntryKind.EveryOverload:
                return entry.MethodName;
            case CatalogueEntryKind.ExactMethod:
                var qualified = entry.Id.Substring(2);
                var open = qualified.IndexOf('(');
                if (open >= 0)
                {
                    qualified = qualified.Substring(0, open);
                }

                var arity = qualified.IndexOf("``", StringComparison.Ordinal);
                if (arity >= 0)
                {
                    qualified = qualified.Substring(0, arity);
                }

                return qualified.Substring(qualified.LastIndexOf('.') + 1);
            default:
                return null;
        }
    }

    private static Dictionary<string, List<DestructiveApiEntry>>? ByMethodName(IReadOnlyList<DestructiveApiEntry> entries)
    {
        var byName = new Dictionary<string, List<DestructiveApiEntry>>(StringComparer.Ordinal)
        {
            ["Delete"] = new(),
            ["DeleteAsync"] = new(),
        };
        foreach (var entry in entries)
        {
            if (entry.IsRemoval)
            {
                continue;
            }

            if (MethodNameOf(entry) is not { } name)
            {
                return null;
            }

            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = new List<DestructiveApiEntry>();
            }

            list.Add(entry);
        }

        return byName;
    }

    /// <summary>Whether an AdditionalFile is a user catalogue, by its file name.</summary>
    public static bool IsUserCatalogue(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("AgentSafety.DestructiveApis", StringComparison.OrdinalIgnoreCase)
            && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);
    }

    public static List<DestructiveApiEntry> Parse(string text) => Parse(SourceText.From(text), new List<MalformedCatalogueLine>());

    /// <summary>
    /// Blank lines and lines starting with <c>;</c>, <c>#</c> or <c>//</c> are comments; everything else must be an
    /// <c>M:</c>, <c>T:</c> or <c>N:</c> ID, optionally prefixed by <c>!</c> and followed by <c>;description</c>.
    /// </summary>
    public static List<DestructiveApiEntry> Parse(SourceText text, List<MalformedCatalogueLine> malformed)
    {
        var entries = new List<DestructiveApiEntry>();
        foreach (var line in text.Lines)
        {
            var raw = text.ToString(line.Span);
            var start = 0;
            while (start < raw.Length && char.IsWhiteSpace(raw[start]))
            {
                start++;
            }

            if (start == raw.Length || raw[start] == ';' || raw[start] == '#' || string.CompareOrdinal(raw, start, "//", 0, 2) == 0)
            {
                continue;
            }

            var semicolon = raw.IndexOf(';', start);
            var idPart = semicolon >= 0 ? raw.Substring(start, semicolon - start) : raw.Substring(start);
            var id = idPart.TrimEnd();
            var description = semicolon >= 0 ? raw.Substring(semicolon + 1).Trim() : string.Empty;
            var span = new TextSpan(line.Start + start, id.Length);

            var isRemoval = id.StartsWith("!", StringComparison.Ordinal);
            if (isRemoval)
            {
                id = id.Substring(1).TrimStart();
            }

            if (TryClassify(id, out var kind))
            {
                entries.Add(new DestructiveApiEntry(kind, id, description.Length > 0 ? description : UserDescription, isRemoval, span));
            }
            else
            {
                malformed.Add(new MalformedCatalogueLine(id, span));
            }
        }

        return entries;
    }

    private static bool TryClassify(string id, out CatalogueEntryKind kind)
    {
        kind = default;
        if (id.Length < 3 || id[1] != ':' || id.IndexOf(' ') >= 0)
        {
            return false;
        }

        var body = id.Substring(2);
        switch (id[0])
        {
            case 'M':
                if (body.EndsWith("(*)", StringComparison.Ordinal))
                {
                    var name = body.Substring(0, body.Length - 3);
                    var dot = name.LastIndexOf('.');
                    if (dot <= 0 || dot == name.Length - 1)
                    {
                        return false;
                    }

                    kind = CatalogueEntryKind.EveryOverload;
                    return true;
                }

                kind = CatalogueEntryKind.ExactMethod;
                return body.IndexOf('.') > 0;
            case 'T':
                kind = CatalogueEntryKind.Type;
                return body.IndexOf('(') < 0;
            case 'N':
                kind = CatalogueEntryKind.Namespace;
                return body.IndexOf('(') < 0;
            default:
                return false;
        }
    }

    private static IReadOnlyList<DestructiveApiEntry> LoadBuiltIn()
    {
        var assembly = typeof(DestructiveApiCatalog).GetTypeInfo().Assembly;
        using var stream = assembly.GetManifestResourceStream("AgentSafety.Analyzers.Destructive.DestructiveApis.txt");
        if (stream is null)
        {
            return Array.Empty<DestructiveApiEntry>();
        }

        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
