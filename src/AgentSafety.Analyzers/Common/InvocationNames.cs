using System;
using System.Collections.Generic;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// The names of the called methods an invocation action reads: whole names and prefixes, or every name. Under
/// <see cref="AgentSafetyAnalyzer"/> every rule's names are folded into one table indexed by a name's length and first
/// letter (<see cref="ShapeOf"/>), so a call no rule reads costs the read of its name and of one byte.
/// </summary>
/// <remarks>
/// Four name tests on each of StackExchange.Redis's 11,800 calls, each reading its own table, strings and delegate that
/// the compiler's binding had pushed out of the processor's caches since the call before, cost about 2.5 ms a
/// compilation in a sampled profile (docs/quality.md). Of those calls 3% have a (length, first letter) some rule reads.
/// </remarks>
internal sealed class InvocationNames
{
    /// <summary>Names of this length or longer share one length in <see cref="ShapeOf"/>.</summary>
    internal const int MaxLength = 63;

    /// <summary>How many shapes <see cref="ShapeOf"/> gives: 64 lengths by 128 first letters.</summary>
    internal const int ShapeCount = (MaxLength + 1) * 128;

    private readonly HashSet<string>? names;
    private readonly string[] prefixes;

    private InvocationNames(HashSet<string>? names, string[] prefixes)
    {
        this.names = names;
        this.prefixes = prefixes;
    }

    /// <summary>Every name: an action that must see every call.</summary>
    public static InvocationNames Every { get; } = new(null, Array.Empty<string>());

    /// <summary>These names exactly, and every name that starts with one of <paramref name="prefixes"/>.</summary>
    public static InvocationNames Of(IEnumerable<string> names, params string[] prefixes) =>
        new(new HashSet<string>(names, StringComparer.Ordinal), prefixes);

    /// <summary>Whether a call of a method so named is read.</summary>
    public bool Reads(string name)
    {
        if (names is null || names.Contains(name))
        {
            return true;
        }

        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A name's length (up to <see cref="MaxLength"/>) and first letter (its low seven bits), as one index.</summary>
    public static int ShapeOf(string name) => name.Length == 0 ? 0 : (Math.Min(name.Length, MaxLength) * 128) + (name[0] & 127);

    /// <summary>Sets <paramref name="bit"/> in every entry of <paramref name="table"/> whose shape a name read here can have.</summary>
    public void Mark(byte[] table, byte bit)
    {
        if (names is null)
        {
            MarkAll(table, bit);
            return;
        }

        foreach (var name in names)
        {
            table[ShapeOf(name)] |= bit;
        }

        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0)
            {
                MarkAll(table, bit);
                return;
            }

            // A name that starts with the prefix is at least as long, and has its first letter.
            for (var length = Math.Min(prefix.Length, MaxLength); length <= MaxLength; length++)
            {
                table[(length * 128) + (prefix[0] & 127)] |= bit;
            }
        }
    }

    private static void MarkAll(byte[] table, byte bit)
    {
        for (var i = 0; i < table.Length; i++)
        {
            table[i] |= bit;
        }
    }
}
