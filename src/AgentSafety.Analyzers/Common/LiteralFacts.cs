using System;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// What the secrets rule's first pass over a value learnt, kept for the rule that reads the same literal next: whether
/// it holds '=' or "://", without which no text is a connection string.
/// </summary>
/// <remarks>
/// The host runs the secrets rule and then the connection-string rule on each string literal, on one thread. The second
/// rule's own searches for '=', ':' and "://" cost 4% of the package's samples on Newtonsoft.Json in a sampled profile:
/// not the characters, read warm, but the code of three searches, which the compiler's binding between two literals had
/// pushed out of the processor's caches. A fact is a function of the text alone and is kept for the very string object
/// read, so a fact about another text, or none, only sends the reader to its own search.
/// </remarks>
internal static class LiteralFacts
{
    [ThreadStatic]
    private static string? lastValue;

    [ThreadStatic]
    private static bool lastMayBeConnectionString;

    /// <summary>Keeps what the first pass over <paramref name="value"/> found: whether it holds '=' or "://".</summary>
    public static void Remember(string value, bool holdsEqualsOrScheme)
    {
        lastValue = value;
        lastMayBeConnectionString = holdsEqualsOrScheme;
    }

    /// <summary>
    /// False when the value is the one last read and holds neither '=' nor "://", so it cannot be a connection string;
    /// true when it may be one, or was not the one read.
    /// </summary>
    public static bool MayBeConnectionString(string value) => !ReferenceEquals(value, lastValue) || lastMayBeConnectionString;
}
