using System;
using System.Text.RegularExpressions;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// One provider's credential format: a row of <see cref="SecretFormats"/>. A bare format is recognised in any string by
/// its anchors (fixed prefixes) and pattern; a named format only where the name the value is bound to names the provider
/// (a Railway token is a bare UUID, a Cloudflare Global API Key 37 hex digits).
/// </summary>
internal sealed class SecretFormat
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private readonly Lazy<Regex?> regex;

    public SecretFormat(
        string id,
        string provider,
        string kind,
        string environmentVariable,
        string[] anchors,
        string pattern,
        string? overScope = null,
        string? narrower = null,
        bool ignoreCase = false,
        string? onlyWith = null,
        string? notWith = null,
        int minClasses = 0,
        string[]? nameAll = null,
        string[]? nameAny = null,
        string? nameExact = null,
        string? payloadAfter = null,
        string? overScopeWhenPayloadHas = null,
        string[]? overScopeNameAny = null)
    {
        Id = id;
        Provider = provider;
        Kind = kind;
        EnvironmentVariable = environmentVariable;
        Anchors = anchors;
        Source = pattern;
        OverScope = overScope;
        Narrower = narrower;
        IgnoreCase = ignoreCase;
        OnlyWith = onlyWith;
        NotWith = notWith;
        MinClasses = minClasses;
        NameAll = nameAll;
        NameAny = nameAny;
        NameExact = nameExact;
        PayloadAfter = payloadAfter;
        OverScopeWhenPayloadHas = overScopeWhenPayloadHas;
        OverScopeNameAny = overScopeNameAny;
        AnchorComparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        AnchorOpensMatch = OpensWithBoundedAnchor(pattern, anchors);
        ShortestRun = Math.Max(SpaceFreeMatch.ShortestLength(pattern), ShortestAnchorRun(anchors));

        // Compiled on first use and never thrown from here: a bad row disables itself, and the table test names it.
        regex = new Lazy<Regex?>(() =>
        {
            try
            {
                return new Regex(pattern, (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None) | RegexOptions.CultureInvariant, Timeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        });
    }

    /// <summary>A stable name for the row, after the gitleaks or secretlint rule it follows where there is one.</summary>
    public string Id { get; }

    public string Provider { get; }

    public string Kind { get; }

    /// <summary>The environment variable the code fix reads the value from.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>Substrings of which every match holds at least one; empty for a named format.</summary>
    public string[] Anchors { get; }

    public string Source { get; }

    public Regex? Pattern => regex.Value;

    public StringComparison AnchorComparison { get; }

    public bool IgnoreCase { get; }

    /// <summary>What is over-scoped about every credential of this format (ASA102), or null.</summary>
    public string? OverScope { get; }

    public string? Narrower { get; }

    /// <summary>Text the whole value must hold (or must not hold): two providers can share one token shape.</summary>
    public string? OnlyWith { get; }

    public string? NotWith { get; }

    /// <summary>How many of lower case, upper case, digits and other characters the token must mix: for short prefixes such as Vault's legacy <c>s.</c>.</summary>
    public int MinClasses { get; }

    /// <summary>Named format: words the binding name must all hold (lower case).</summary>
    public string[]? NameAll { get; }

    /// <summary>Named format: words of which the binding name must hold at least one (lower case).</summary>
    public string[]? NameAny { get; }

    /// <summary>Named format: the one binding name it applies to, case-insensitive.</summary>
    public string? NameExact { get; }

    /// <summary>The token's prefix before a base64url payload that tells the scope (PyPI's macaroon).</summary>
    public string? PayloadAfter { get; }

    /// <summary>Text in the decoded payload that makes the credential over-scoped; <see cref="OverScope"/> applies only then.</summary>
    public string? OverScopeWhenPayloadHas { get; }

    /// <summary>Words in the binding name that make the credential over-scoped; <see cref="OverScope"/> applies only then.</summary>
    public string[]? OverScopeNameAny { get; }

    public bool IsNamed => Anchors.Length == 0;

    /// <summary>
    /// Every match holds a run of at least this many characters none of which is ' ': the whole match, when it cannot hold
    /// a space (<see cref="SpaceFreeMatch"/>), or else the longest such run of the anchor it holds. Text whose runs are all
    /// shorter holds no match.
    /// </summary>
    public int ShortestRun { get; }

    /// <summary>Every match holds one of the anchors whole, and so each anchor's longest run of characters other than ' ': the least of those.</summary>
    private static int ShortestAnchorRun(string[] anchors)
    {
        var shortest = anchors.Length == 0 ? 0 : int.MaxValue;
        foreach (var anchor in anchors)
        {
            var longest = 0;
            foreach (var piece in anchor.Split(' '))
            {
                longest = Math.Max(longest, piece.Length);
            }

            shortest = Math.Min(shortest, longest);
        }

        return shortest;
    }

    /// <summary>
    /// Every match starts with the row's one anchor, and the character before it is no ASCII letter or digit: read from
    /// the pattern, which then opens with a lookbehind refusing them (<c>(?&lt;![A-Za-z0-9…])</c> or <c>\b</c>) and the
    /// anchor's own text, and has no alternative. The anchor index then passes over an anchor inside a word: Vault's
    /// <c>s.</c> ends "Error reading bytes." and Airtable's <c>pat</c> sits in "path", and each cost a pattern match.
    /// </summary>
    public bool AnchorOpensMatch { get; }

    private static bool OpensWithBoundedAnchor(string pattern, string[] anchors)
    {
        if (anchors.Length != 1 || pattern.IndexOf('|') >= 0)
        {
            return false;
        }

        // \b refuses a letter or digit before only an anchor that starts with one; before '-' it asks for one.
        string rest;
        if (pattern.StartsWith(@"\b", StringComparison.Ordinal) && char.IsLetterOrDigit(anchors[0][0]) && anchors[0][0] < 128)
        {
            rest = pattern.Substring(2);
        }
        else if (pattern.StartsWith("(?<![", StringComparison.Ordinal) && pattern.IndexOf("])", StringComparison.Ordinal) is var close and > 0
            && pattern.Substring(0, close).IndexOf("A-Za-z0-9", StringComparison.Ordinal) > 0)
        {
            rest = pattern.Substring(close + 2);
        }
        else
        {
            return false;
        }

        // A letter of the anchor is compared ignoring case where the row does; the pattern's is then too.
        return rest.StartsWith(Regex.Escape(anchors[0]), StringComparison.Ordinal);
    }

    /// <summary>Whether the value holds the context the row needs and one of its anchors.</summary>
    public bool MayMatch(string value)
    {
        if ((OnlyWith is not null && value.IndexOf(OnlyWith, StringComparison.OrdinalIgnoreCase) < 0)
            || (NotWith is not null && value.IndexOf(NotWith, StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return false;
        }

        foreach (var anchor in Anchors)
        {
            if (value.IndexOf(anchor, AnchorComparison) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a named format applies to a binding name, given as its lower-case form.</summary>
    public bool AppliesToName(string lowerName)
    {
        if (NameExact is not null && !lowerName.Equals(NameExact, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (NameAll is not null)
        {
            foreach (var word in NameAll)
            {
                if (lowerName.IndexOf(word, StringComparison.Ordinal) < 0)
                {
                    return false;
                }
            }
        }

        if (NameAny is not null)
        {
            foreach (var word in NameAny)
            {
                if (lowerName.IndexOf(word, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        return true;
    }
}
