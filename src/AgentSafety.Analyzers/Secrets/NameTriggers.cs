using System.Collections.Generic;
using System.Linq;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// Whether a binding name can hold a word some check of a value by its name reads: a named format's words
/// (<see cref="SecretFormat.AppliesToName"/>) or a secret word. Each such word is a substring of the lower-case name, so a
/// name holds every three letters of one; one bit per three letters, hashed, set for each word's first three, turns
/// most names away after one read of each character, where the checks behind made forty substring searches of the
/// lower-cased copy of the name. The bits only ever say "maybe": a name they pass is read by the checks as before.
/// </summary>
internal sealed class NameTriggers
{
    private const int Bits = 1 << 12;

    private readonly ulong[]? bits;

    /// <param name="words">Every word a check looks for, lower-case; null when some check reads every name.</param>
    public NameTriggers(IEnumerable<string>? words)
    {
        var list = words?.ToList();

        // A word of fewer than three characters, or one outside lower-case ASCII, cannot be told by its first three: then
        // every name is read, as before.
        if (list is null || list.Any(w => w.Length < 3 || w.Any(c => c >= 128 || (c >= 'A' && c <= 'Z'))))
        {
            return;
        }

        bits = new ulong[Bits / 64];
        foreach (var word in list)
        {
            var h = Hash(word[0], word[1], word[2]);
            bits[h >> 6] |= 1UL << (h & 63);
        }
    }

    /// <summary>False when the words could not be told by their first three letters and every name is read.</summary>
    public bool Active => bits is not null;

    /// <summary>The words of the named formats and <paramref name="secretWords"/>; null when a named format reads every name.</summary>
    public static IEnumerable<string>? WordsOf(IEnumerable<SecretFormat> named, IEnumerable<string> secretWords)
    {
        var words = new List<string>(secretWords);
        foreach (var format in named)
        {
            // One word every name the format applies to holds: the exact name, the first of the words it needs all of, or
            // each of the words it needs one of.
            if (format.NameExact is { } exact)
            {
                words.Add(exact.ToLowerInvariant());
            }
            else if (format.NameAll is { Length: > 0 } all)
            {
                words.Add(all[0]);
            }
            else if (format.NameAny is { Length: > 0 } any)
            {
                words.AddRange(any);
            }
            else
            {
                return null;
            }
        }

        return words;
    }

    /// <summary>False when no word is in <paramref name="name"/> compared ignoring case; true when one may be.</summary>
    public bool MayHoldWord(string name)
    {
        if (bits is null)
        {
            return true;
        }

        for (var i = 0; i + 2 < name.Length; i++)
        {
            int a = name[i], b = name[i + 1], c = name[i + 2];

            // Outside ASCII, ToLowerInvariant can give an ASCII letter (the Kelvin sign gives 'k'): read by the checks.
            if ((a | b | c) >= 128)
            {
                return true;
            }

            var h = Hash(Lower(a), Lower(b), Lower(c));
            if ((bits[h >> 6] & (1UL << (h & 63))) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static int Lower(int c) => c >= 'A' && c <= 'Z' ? c | 0x20 : c;

    private static int Hash(int a, int b, int c) => (int)((uint)((((a * 128) + b) * 128) + c) * 2654435769u >> 20);
}
