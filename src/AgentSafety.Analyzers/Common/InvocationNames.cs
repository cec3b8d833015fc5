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
        if (names is null)
        {
            return true;
        }

        // Prefixes first: the names that pass the tables are mostly a prefix's (a code base's own ExecuteAsync), and a
        // comparison with a prefix or two reads less memory than hashing the name into the set's buckets.
        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return names.Contains(name);
    }

    /// <summary>A name's length (up to <see cref="MaxLength"/>) and first letter (its low seven bits), as one index.</summary>
    public static int ShapeOf(string name) => name.Length == 0 ? 0 : (Math.Min(name.Length, MaxLength) * 128) + (name[0] & 127);

    /// <summary>How many bits <see cref="DetailOf"/> spreads names over: 8 KB, against which a few hundred names set about 1%.</summary>
    internal const int DetailBits = 1 << 16;

    /// <summary>
    /// A finer shape than <see cref="ShapeOf"/>, hashed: the length with the first two letters. Of Newtonsoft.Json's 6,300
    /// calls 800 have a (length, first letter) some rule reads; EnsureValue, FormatMessage and ReadAndAssert share it with
    /// names no rule reads, and each cost a set lookup per rule before. Reading the second letter costs nothing more: it
    /// sits in the same cache line as the first.
    /// </summary>
    public static int DetailOf(string name)
    {
        var length = Math.Min(name.Length, MaxLength);
        var first = length == 0 ? 0 : name[0] & 127;
        var second = length < 2 ? 0 : name[1] & 127;
        return DetailOf(length, first, second);
    }

    // Fibonacci hashing: the top 16 bits of the product spread neighbouring shapes apart.
    private static int DetailOf(int length, int first, int second) => (int)((uint)((((length * 128) + first) * 128) + second) * 2654435769u >> 16);

    /// <summary>Sets the bit of <see cref="DetailOf"/> of every name read here in <paramref name="bits"/>.</summary>
    public void MarkDetails(ulong[] bits)
    {
        if (names is null)
        {
            for (var i = 0; i < bits.Length; i++)
            {
                bits[i] = ulong.MaxValue;
            }

            return;
        }

        foreach (var name in names)
        {
            Bits.Set(bits, DetailOf(name));
        }

        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0)
            {
                Every.MarkDetails(bits);
                return;
            }

            // A name that starts with the prefix is at least as long and has its first letter, and its second letter when
            // the prefix has two; any second letter when it has one.
            var first = prefix[0] & 127;
            for (var length = Math.Min(prefix.Length, MaxLength); length <= MaxLength; length++)
            {
                if (prefix.Length > 1 || length == 1)
                {
                    Bits.Set(bits, DetailOf(length, first, length == 1 ? 0 : prefix[1] & 127));
                    continue;
                }

                for (var second = 0; second < 128; second++)
                {
                    Bits.Set(bits, DetailOf(length, first, second));
                }
            }
        }
    }

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
