using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>One catalogue line: every overload of <see cref="MethodName"/> on <see cref="TypeMetadataName"/> and on what derives from or implements it.</summary>
internal sealed class DestructiveApiEntry
{
    public DestructiveApiEntry(string typeMetadataName, string methodName, string description)
    {
        TypeMetadataName = typeMetadataName;
        MethodName = methodName;
        Description = description;
    }

    public string TypeMetadataName { get; }

    public string MethodName { get; }

    public string Description { get; }
}

/// <summary>The built-in catalogue, parsed once per process from the embedded <c>DestructiveApis.txt</c>.</summary>
internal static class DestructiveApiCatalog
{
    private static readonly Lazy<IReadOnlyList<DestructiveApiEntry>> BuiltInEntries = new(LoadBuiltIn);

    public static IReadOnlyList<DestructiveApiEntry> BuiltIn => BuiltInEntries.Value;

    /// <summary>Parses <c>M:Namespace.Type.Method(*);description</c> lines; anything else is skipped.</summary>
    public static List<DestructiveApiEntry> Parse(string text)
    {
        var entries = new List<DestructiveApiEntry>();
        using var reader = new StringReader(text);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (TryParseLine(line, out var entry))
            {
                entries.Add(entry!);
            }
        }

        return entries;
    }

    public static bool TryParseLine(string line, out DestructiveApiEntry? entry)
    {
        entry = null;
        var semicolon = line.IndexOf(';');
        var id = (semicolon >= 0 ? line.Substring(0, semicolon) : line).Trim();
        var description = semicolon >= 0 ? line.Substring(semicolon + 1).Trim() : string.Empty;
        if (!id.StartsWith("M:", StringComparison.Ordinal) || !id.EndsWith("(*)", StringComparison.Ordinal))
        {
            return false;
        }

        var qualified = id.Substring(2, id.Length - 5);
        var dot = qualified.LastIndexOf('.');
        if (dot <= 0 || dot == qualified.Length - 1)
        {
            return false;
        }

        entry = new DestructiveApiEntry(qualified.Substring(0, dot), qualified.Substring(dot + 1), description.Length > 0 ? description : "destroys infrastructure");
        return true;
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
