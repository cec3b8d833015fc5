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
/// pushed out of the processor's caches.
/// <para>
/// One field holds the last value known to hold neither, or null. It is a plain static, not a thread's own: a
/// [ThreadStatic] field costs a call into the runtime for each read and write, code and data the binding had evicted
/// too. Threads may overwrite each other's value, and that is safe: the field only ever holds a string that holds
/// neither, a fact of its text alone, and a reader compares the very object it read, so a value another thread wrote
/// sends the reader to its own search, never to a wrong answer.
/// </para>
/// </remarks>
internal static class LiteralFacts
{
    private static string? lastWithoutEqualsOrScheme;

    /// <summary>Keeps what the first pass over <paramref name="value"/> found: whether it holds '=' or "://".</summary>
    public static void Remember(string value, bool holdsEqualsOrScheme) =>
        lastWithoutEqualsOrScheme = holdsEqualsOrScheme ? null : value;

    /// <summary>
    /// False when the value is the one last read and holds neither '=' nor "://", so it cannot be a connection string;
    /// true when it may be one, or was not the one read.
    /// </summary>
    public static bool MayBeConnectionString(string value) => !ReferenceEquals(value, lastWithoutEqualsOrScheme);
}
