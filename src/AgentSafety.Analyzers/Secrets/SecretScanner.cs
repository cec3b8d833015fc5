using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using AgentSafety.Analyzers.Common;
using AgentSafety.Shared;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>One secret, or one over-scoped credential, found in a piece of text.</summary>
internal readonly struct SecretFinding
{
    public SecretFinding(string provider, string kind, int start, int length, string envName, string? overScope = null, string? narrower = null, bool isSecret = true, bool environmentVariableFromName = false)
    {
        EnvironmentVariableFromName = environmentVariableFromName;
        Provider = provider;
        Kind = kind;
        Start = start;
        Length = length;
        EnvironmentVariable = envName;
        OverScope = overScope;
        Narrower = narrower;
        IsSecret = isSecret;
    }

    public string Provider { get; }

    public string Kind { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The environment variable the code fix reads it from.</summary>
    public string EnvironmentVariable { get; }

    /// <summary>What is over-scoped about it (ASA102), or null.</summary>
    public string? OverScope { get; }

    /// <summary>The narrower credential to use instead.</summary>
    public string? Narrower { get; }

    /// <summary>False for an over-scope signal that is not itself a secret (a superuser login name, an IAM policy).</summary>
    public bool IsSecret { get; }

    /// <summary>
    /// True when <see cref="EnvironmentVariable"/> is made from the name the value was bound to, not from a provider's
    /// convention: a sink then names the variable after what holds the value instead.
    /// </summary>
    public bool EnvironmentVariableFromName { get; }

    public SecretFinding WithEnvironmentVariable(string environmentVariable, bool isSecret) =>
        new(Provider, Kind, Start, Length, environmentVariable, OverScope, Narrower, isSecret, EnvironmentVariableFromName);
}

/// <summary>
/// Finds secrets in a string value, given the name it is bound to when there is one (a field, a JSON key, a
/// parameter). Provider formats first (prefix and structure), then credentials inside connection strings and URLs,
/// then high-entropy values bound to secret-named symbols. Every pattern is compiled once with a timeout, and a
/// cheap check rejects most strings before any pattern runs.
/// </summary>
internal static class SecretScanner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private const int MaxValueLength = 256 * 1024;

    /// <summary>
    /// Which bare formats could match at all, from the pairs of characters their anchors start with. Built with the class,
    /// not behind a <see cref="Lazy{T}"/>: the lazy holder was one more object, and cache line, read for every literal.
    /// Declared before <see cref="CharacterKinds"/>, which is built from it.
    /// </summary>
    private static readonly FormatIndex Index = FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);

    internal sealed class FormatIndex
    {
        /// <summary>How many bits <see cref="TripleBits"/> holds, as a power of two: 4 KB.</summary>
        private const int TripleTableShift = 15;

        internal const int TripleTableBits = 1 << TripleTableShift;

        private FormatIndex(int[]?[] byPair, IndexedAnchor[]?[] anchorsByPair, ulong[] tripleBits, int[] always, int count, ulong variableLengths, SecretFormat[] formats)
        {
            // The few formats whose match fits in the shortest runs are tried one by one in text whose runs are all shorter
            // than the next format's: most messages are, and the anchor search is then not made at all.
            var runs = formats.Select(f => f.ShortestRun).OrderBy(r => r).ToArray();
            SearchFrom = runs.Length > MaxTriedAlone ? runs[MaxTriedAlone] : int.MaxValue;
            ShortRunFormats = Enumerable.Range(0, formats.Length).Where(i => formats[i].ShortestRun < SearchFrom).ToArray();
            var shortPairs = new List<int>();
            foreach (var anchor in ShortRunFormats.SelectMany(i => formats[i].Anchors.Select(a => (Text: a, IgnoreCase: formats[i].AnchorComparison == StringComparison.OrdinalIgnoreCase))))
            {
                if (anchor.Text.Length < 2 || anchor.Text[0] >= 128 || anchor.Text[1] >= 128)
                {
                    shortAnchorsUnindexed = true;
                    continue;
                }

                foreach (var first in Variants(anchor.Text[0], anchor.IgnoreCase))
                {
                    SetBit(ref shortFirstLow, ref shortFirstHigh, first);
                    foreach (var second in Variants(anchor.Text[1], anchor.IgnoreCase))
                    {
                        shortPairs.Add((first * 128) + second);
                    }
                }
            }

            this.shortPairs = shortPairs.Distinct().ToArray();

            // One group per first character: a pair is (the group's first character, one of its seconds), so the first
            // pass finds a pair exactly by carrying the previous character's groups into the next one's.
            var firsts = this.shortPairs.Select(pair => pair / 128).Distinct().OrderBy(c => c).ToArray();
            ShortPairsInTable = !shortAnchorsUnindexed && firsts.Length <= ShortPairGroups;
            ShortFirstGroups = new byte[128];
            ShortSecondGroups = new byte[128];
            for (var g = 0; ShortPairsInTable && g < firsts.Length; g++)
            {
                ShortFirstGroups[firsts[g]] |= (byte)(1 << g);
                foreach (var pair in this.shortPairs.Where(pair => pair / 128 == firsts[g]))
                {
                    ShortSecondGroups[pair % 128] |= (byte)(1 << g);
                }
            }

            TripleBits = tripleBits;
            Count = count;
            VariableLengths = variableLengths;
            ByPair = byPair;
            AnchorsByPair = anchorsByPair;
            PairBits = new ulong[byPair.Length / 64];
            for (var pair = 0; pair < byPair.Length; pair++)
            {
                if (byPair[pair] is not null)
                {
                    Bits.Set(PairBits, pair);
                }
            }

            Always = always;
            Words = (count + 63) / 64;
        }

        /// <summary>For each pair of ASCII characters, the formats one of whose anchors starts with that pair.</summary>
        public int[]?[] ByPair { get; }

        /// <summary>
        /// For each pair of ASCII characters, the anchors that start with it: on ASCII text a format is tried only where one
        /// of its anchors is found whole, not wherever its first two characters are ("pa" is in most English sentences).
        /// </summary>
        public IndexedAnchor[]?[] AnchorsByPair { get; }

        /// <summary>
        /// One bit per pair of ASCII characters, set where <see cref="ByPair"/> has formats: 2 KB read for every character of
        /// every literal, where the two 128 KB tables behind it are read only on a hit. Between two literals the compiler
        /// binds and allocates enough to push large tables out of the processor's caches.
        /// </summary>
        public ulong[] PairBits { get; }

        /// <summary>
        /// One bit per hash of an indexed pair and the character after it, set for every anchor's first three characters
        /// (for a two-character anchor, for every character after it). Text such as "client" or "Newtonsoft" passes the
        /// pair table on "li", "nt" or "s." most of the time; this second 4 KB table turns away most of those hits before the
        /// anchors behind the pair, their arrays and their text, each a cache line the compiler has evicted, are read.
        /// </summary>
        public ulong[] TripleBits { get; }

        /// <summary>Formats with an anchor no pair indexes (one character, or not ASCII): tried on every candidate text.</summary>
        public int[] Always { get; }

        public int Words { get; }

        /// <summary>How many formats the index holds.</summary>
        public int Count { get; }

        /// <summary>How many formats at most are tried one by one, without the anchor search, in text of short runs.</summary>
        internal const int MaxTriedAlone = 4;

        /// <summary>
        /// Text with a run of this many characters other than ' ' is searched for anchors. Only the formats of
        /// <see cref="ShortRunFormats"/> can match text whose runs are all shorter (<see cref="SecretFormat.ShortestRun"/>).
        /// </summary>
        public int SearchFrom { get; }

        /// <summary>The formats whose <see cref="SecretFormat.ShortestRun"/> is under <see cref="SearchFrom"/>, in the table's order.</summary>
        public int[] ShortRunFormats { get; }

        // The first characters of the anchors of ShortRunFormats, a bit per ASCII character, kept on this object, and their
        // first two characters as pairs (first * 128 + second), read only where a first character is: the formats' own
        // objects and anchors, each a cache line the compiler's binding evicted, are read only where a pair is found.
        private readonly ulong shortFirstLow;
        private readonly ulong shortFirstHigh;
        private readonly int[] shortPairs;
        private readonly bool shortAnchorsUnindexed;

        /// <summary>
        /// Whether ASCII text may hold an anchor of <see cref="ShortRunFormats"/>: the first two characters of one, in a case
        /// it is compared in. False only where none is found whole.
        /// </summary>
        public bool MayHoldShortAnchor(string value)
        {
            if (shortAnchorsUnindexed)
            {
                return true;
            }

            for (var position = 0; position < value.Length - 1; position++)
            {
                if (IsShortPair(value[position], value[position + 1]))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many first characters of short anchors the first pass's table holds groups for.</summary>
        internal const int ShortPairGroups = 4;

        /// <summary>
        /// Whether the first pass finds the short anchors' pairs itself (<see cref="Markers.ShortAnchorPair"/>), exactly as
        /// <see cref="MayHoldShortAnchor"/> would on ASCII text: true while those anchors start with at most
        /// <see cref="ShortPairGroups"/> characters, all indexed.
        /// </summary>
        public bool ShortPairsInTable { get; }

        /// <summary>For each ASCII character, the groups it is the first character of (a bit per group).</summary>
        internal byte[] ShortFirstGroups { get; }

        /// <summary>For each ASCII character, the groups whose first character it may follow to make a pair.</summary>
        internal byte[] ShortSecondGroups { get; }

        /// <summary>Whether <paramref name="first"/> then <paramref name="second"/> start an anchor of <see cref="ShortRunFormats"/>.</summary>
        public bool IsShortPair(char first, char second) =>
            HasBit(shortFirstLow, shortFirstHigh, first) && second < 128 && Array.IndexOf(shortPairs, (first * 128) + second) >= 0;

        private static bool HasBit(ulong low, ulong high, char c) => c < 128 && (((c < 64 ? low : high) >> (c & 63)) & 1) != 0;

        private static void SetBit(ref ulong low, ref ulong high, char c)
        {
            if (c < 64)
            {
                low |= 1UL << c;
            }
            else
            {
                high |= 1UL << (c & 63);
            }
        }

        /// <summary>
        /// The <see cref="LengthBit"/> of every over-scoped variable's name (<see cref="SecretFormats.Variables"/>): a literal
        /// of another length is not compared with the names, whose table was otherwise read for every literal.
        /// </summary>
        public ulong VariableLengths { get; }

        /// <summary>
        /// On ASCII text, the formats an anchor of which is found whole: exactly those <see cref="SecretFormat.MayMatch"/>
        /// lets through. Null when none is.
        /// </summary>
        public ulong[]? FoundAnchors(string value)
        {
            ulong[]? found = null;
            for (var position = 1; position < value.Length; position++)
            {
                var pair = (value[position - 1] * 128) + value[position];
                if (!Bits.Has(PairBits, pair))
                {
                    continue;
                }

                // At the end of the text only a two-character anchor can start here, and that pair's bits are all set.
                if (position + 1 < value.Length)
                {
                    var triple = TripleBit(pair, value[position + 1]);
                    if (!Bits.Has(TripleBits, triple))
                    {
                        continue;
                    }
                }

                foreach (var anchor in AnchorsByPair[pair]!)
                {
                    if (anchor.OpensMatch && position >= 2 && IsAsciiLetterOrDigit(value[position - 2]))
                    {
                        continue;
                    }

                    if (anchor.IsAt(value, position - 1))
                    {
                        Bits.Set(found ??= new ulong[Words], anchor.Format);
                    }
                }
            }

            return found;
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        /// <summary>
        /// On text with a character outside ASCII, every format whose anchor's first two characters are seen: ignoring
        /// case, a few letters outside ASCII equal ASCII ones ('ſ' is 's'), so an anchor found whole is not required.
        /// </summary>
        public ulong[]? SeenPairs(string value)
        {
            ulong[]? candidates = null;
            for (var position = 1; position < value.Length; position++)
            {
                var previous = value[position - 1];
                var c = value[position];
                var pair = (previous * 128) + c;
                if (previous < 128 && c < 128 && Bits.Has(PairBits, pair))
                {
                    candidates ??= new ulong[Words];
                    foreach (var f in ByPair[pair]!)
                    {
                        Bits.Set(candidates, f);
                    }
                }
            }

            return candidates;
        }

        /// <summary>The bit of <see cref="TripleBits"/> for a pair (<c>first * 128 + second</c>) and the character after it.</summary>
        internal static int TripleBit(int pair, char third)
        {
            // Fibonacci hashing of the 21-bit (pair, character): the top 15 bits of the product.
            return (int)((uint)((pair * 128) + third) * 0x9E3779B1u >> (32 - TripleTableShift));
        }

        public static FormatIndex Build(SecretFormat[] formats, OverScopedVariable[] variables)
        {
            var tripleBits = new ulong[TripleTableBits / 64];
            var lists = new List<int>?[128 * 128];
            var anchors = new List<IndexedAnchor>?[128 * 128];
            var always = new List<int>();
            for (var i = 0; i < formats.Length; i++)
            {
                var format = formats[i];
                foreach (var anchor in format.Anchors)
                {
                    if (anchor.Length < 2 || anchor[0] >= 128 || anchor[1] >= 128)
                    {
                        always.Add(i);
                        continue;
                    }

                    var ignoreCase = format.AnchorComparison == StringComparison.OrdinalIgnoreCase;
                    foreach (var first in Variants(anchor[0], ignoreCase))
                    {
                        foreach (var second in Variants(anchor[1], ignoreCase))
                        {
                            var list = lists[(first * 128) + second] ??= new List<int>();
                            if (!list.Contains(i))
                            {
                                list.Add(i);
                            }

                            (anchors[(first * 128) + second] ??= new List<IndexedAnchor>()).Add(new IndexedAnchor(i, anchor, format.AnchorComparison, format.AnchorOpensMatch));

                            // Any character can follow a two-character anchor, and a third character outside ASCII never
                            // follows on the ASCII text this table is read for: either way the pair is let through whole.
                            var thirds = anchor.Length > 2 && anchor[2] < 128
                                ? Variants(anchor[2], ignoreCase)
                                : Enumerable.Range(0, 128).Select(c => (char)c).ToArray();
                            foreach (var third in thirds)
                            {
                                var triple = TripleBit((first * 128) + second, third);
                                Bits.Set(tripleBits, triple);
                            }
                        }
                    }
                }
            }

            var byPair = new int[]?[lists.Length];
            var anchorsByPair = new IndexedAnchor[]?[lists.Length];
            for (var i = 0; i < lists.Length; i++)
            {
                byPair[i] = lists[i]?.ToArray();
                anchorsByPair[i] = anchors[i]?.ToArray();
            }

            var variableLengths = 0UL;
            foreach (var variable in variables)
            {
                variableLengths |= LengthBit(variable.Name.Length);
            }

            return new FormatIndex(byPair, anchorsByPair, tripleBits, always.Distinct().ToArray(), formats.Length, variableLengths, formats);
        }
    }

    internal readonly struct IndexedAnchor
    {
        public IndexedAnchor(int format, string text, StringComparison comparison, bool opensMatch = false)
        {
            Format = format;
            Text = text;
            Comparison = comparison;
            OpensMatch = opensMatch;
        }

        /// <summary>The format's every match starts here, after no ASCII letter or digit (<see cref="SecretFormat.AnchorOpensMatch"/>).</summary>
        public bool OpensMatch { get; }

        public int Format { get; }

        public string Text { get; }

        public StringComparison Comparison { get; }

        /// <summary>Whether the anchor is found whole at <paramref name="start"/>, compared as <see cref="SecretFormat.MayMatch"/> searches for it.</summary>
        public bool IsAt(string value, int start) =>
            start + Text.Length <= value.Length && string.Compare(value, start, Text, 0, Text.Length, Comparison) == 0;
    }

    private static char[] Variants(char c, bool ignoreCase) =>
        ignoreCase && char.ToUpperInvariant(c) != char.ToLowerInvariant(c) ? new[] { char.ToUpperInvariant(c), char.ToLowerInvariant(c) } : new[] { c };

    private static readonly Regex Jwt = new(@"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Uuid = new(@"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex KeyValuePassword = new(@"(?:^|;)\s*(password|pwd)\s*=\s*(?<v>[^;]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex UrlCredentials = new(@"\b[a-z][a-z0-9+.\-]*://(?<u>[^:/?#@\s]+):(?<p>[^@/?#\s]+)@[^\s/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex RedisPassword = new(@"(?:^|,)\s*password\s*=\s*(?<v>[^,]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex SuperUser = new(@"(?:^|;)\s*(user id|userid|uid|user|username)\s*=\s*(?<u>" + string.Join("|", SecretFormats.SuperUsers) + @")\s*(;|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex RootManage = new(@"SharedAccessKeyName=RootManageSharedAccessKey", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex IamStar = new(@"""Action""\s*:\s*(""\*""|\[\s*""\*""\s*\])[\s\S]{0,200}?""Resource""\s*:\s*(""\*""|\[\s*""\*""\s*\])|""Resource""\s*:\s*(""\*""|\[\s*""\*""\s*\])[\s\S]{0,200}?""Action""\s*:\s*(""\*""|\[\s*""\*""\s*\])", RegexOptions.CultureInvariant, Timeout);

    /// <summary>
    /// Keys their vendors publish in documentation and tooling, so that they appear in countless samples and tests and
    /// grant nothing: the only token-shaped literals in the shipped code, kept here on purpose so they stay quiet.
    /// </summary>
    private static readonly HashSet<string> VendorExamples = new(StringComparer.Ordinal)
    {
        // AWS documentation's example access key ID and secret access key.
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",

        // Stripe documentation's example test-mode secret key.
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc",

        // The fixed account key of the Azure Storage emulator (Azurite, devstoreaccount1).
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",

        // The fixed account key of the Azure Cosmos DB emulator.
        "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",
    };

    internal static readonly string[] SecretWords = { "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "accesskey", "access_key", "privatekey", "private_key", "credential", "authkey", "auth_key", "clientsecret", "client_secret", "connectionstring" };
    private static readonly string[] NotSecretWords = { "public", "publishable", "id", "name", "url", "uri", "path", "file", "format", "header", "question", "hint", "label", "prompt", "length", "policy", "type", "endpoint", "expir", "count", "regex", "pattern", "field", "param", "placeholder", "example", "sample", "hash", "checksum", "algorithm" };

    /// <summary>The words <see cref="ScanBound"/>'s checks by name read: the named formats' and <see cref="SecretWords"/>.</summary>
    internal static readonly NameTriggers ScanBoundNames = new(NameTriggers.WordsOf(SecretFormats.Named, SecretWords));

    private static readonly string[] Placeholders = { "your", "example", "placeholder", "changeme", "change-me", "change_me", "redacted", "xxxx", "****", "dummy", "sample", "replace", "insert", "todo", "<", ">", "${", "{{", "$(", "fake", "notreal", "secret-here", "here" };

    /// <summary>
    /// The secrets and over-scope signals in <paramref name="value"/>. <paramref name="bindingName"/> is the name the value
    /// is bound to (a field, a JSON key, a parameter); <paramref name="scope"/> the section it sits in (<c>Jwt</c> for
    /// <c>Jwt:Key</c>), read only to tell which provider a named format belongs to; <paramref name="developmentFile"/>
    /// says the value sits in a development-only file (<c>appsettings.Development.json</c>, <c>.env.development</c>).
    /// </summary>
    public static IReadOnlyList<SecretFinding> Scan(string? value, string? bindingName, string? scope = null, bool developmentFile = false, bool knownCredential = false) =>
        Scan(value, new BindingSource(bindingName, null), scope, developmentFile, knownCredential);

    /// <summary>
    /// A C# string literal's value, bound to the name <see cref="Bindings.BindingName"/> gives: the name is read only when
    /// the scan needs it, which for most literals (a message with spaces, a word) it never does.
    /// </summary>
    public static IReadOnlyList<SecretFinding> ScanLiteral(string? value, LiteralExpressionSyntax literal) =>
        Scan(value, new BindingSource(null, literal), null, false, false);

    /// <summary>What a scan that found nothing returns: most scans, which then allocate nothing.</summary>
    private static readonly IReadOnlyList<SecretFinding> NoFindings = Array.Empty<SecretFinding>();

    private static IReadOnlyList<SecretFinding> Scan(string? value, BindingSource binding, string? scope, bool developmentFile, bool knownCredential)
    {
        if (value is null || value.Length < 8 || value.Length > MaxValueLength)
        {
            return NoFindings;
        }

        List<SecretFinding>? findings = null;
        try
        {
            ScanCore(value, binding, scope, developmentFile, knownCredential, ref findings);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological literal: better one miss than a hung IDE.
        }

        return findings is { Count: > 0 } ? findings : NoFindings;
    }

    /// <remarks>
    /// Each later check is called only where the first pass saw what it searches for first, and the list of findings is
    /// made only for a check that is called: on most literals nothing past the first pass runs, and the code and data of
    /// the checks, cache lines the compiler's binding evicted since the literal before, are not read.
    /// </remarks>
    private static void ScanCore(string value, BindingSource binding, string? scope, bool developmentFile, bool knownCredential, ref List<SecretFinding>? findings)
    {
        // A first pass over the text: which characters it mixes and which of the later checks' markers it holds. Only
        // text that mixes digits or punctuation in is then looked up in the format tables. Each table, check and pattern
        // reached is memory and code the compiler's binding has pushed out of the processor's caches since the last
        // literal: the same scan again, warm, takes a sixth of the time (docs/quality.md, "Cold reads").
        var (hasDigit, hasSpecial, ascii, markers, longestRun) = FirstPass(value);
        LiteralFacts.Remember(value, (markers & (Markers.EqualsSign | Markers.SchemeSeparator)) != 0);

        // Words, sentences and identifiers carry no token: tokens mix digits or punctuation into long runs.
        if (hasDigit || hasSpecial)
        {
            // A message of short words ("Unexpected token {0}. Path '{1}'.") has no run long enough for most formats' matches
            // (SecretFormat.ShortestRun): it is not searched for anchors, the costliest read of the scan, and the few
            // formats that fit are tried alone, in the order the search would have tried them.
            var index = Index;
            if (longestRun < index.SearchFrom)
            {
                // Outside ASCII an anchor compared ignoring case can be spelt with other letters ('ſ' for 's'): tried as is.
                // On ASCII text the first pass found the anchors' first two characters, where the table holds them.
                if (!ascii || (index.ShortPairsInTable ? (markers & Markers.ShortAnchorPair) != 0 : index.MayHoldShortAnchor(value)))
                {
                    foreach (var i in index.ShortRunFormats)
                    {
                        if (SecretFormats.Bare[i].ShortestRun <= longestRun)
                        {
                            TryFormat(SecretFormats.Bare[i], value, binding, findings ??= new List<SecretFinding>());
                        }
                    }
                }
            }
            else
            {
                var candidates = ascii ? index.FoundAnchors(value) : index.SeenPairs(value);
                if (index.Always.Length > 0)
                {
                    candidates ??= new ulong[index.Words];
                    foreach (var f in index.Always)
                    {
                        Bits.Set(candidates, f);
                    }
                }

                for (var i = 0; candidates is not null && i < index.Count; i++)
                {
                    if (Bits.Has(candidates, i))
                    {
                        TryFormat(SecretFormats.Bare[i], value, binding, findings ??= new List<SecretFinding>());
                    }
                }
            }

            // Environment.GetEnvironmentVariable("RAILWAY_API_TOKEN"): a name whose credential is account-wide. The name
            // is not a secret; the scope it asks for is too wide.
            if ((index.VariableLengths & LengthBit(value.Length)) != 0)
            {
                foreach (var variable in SecretFormats.Variables)
                {
                    if (value == variable.Name)
                    {
                        (findings ??= new List<SecretFinding>()).Add(new SecretFinding(variable.Provider, "API token variable", 0, value.Length, variable.NarrowerVariable, variable.OverScope, variable.Narrower, isSecret: false));
                    }
                }
            }

            if ((markers & Markers.JwtStart) != 0)
            {
                ScanJwt(value, findings ??= new List<SecretFinding>());
            }

            // The three kinds of text ScanConnectionString reads, each first asked there by the same markers.
            if ((markers & (Markers.EqualsSign | Markers.Quote)) != 0 || HoldsUrlAndAt(markers))
            {
                ScanConnectionString(value, developmentFile, findings ??= new List<SecretFinding>(), markers);
            }
        }

        // Text with a space or a URL is read under a name only as a header, whose credential is a run of
        // HeaderCredentialMinLength or more (MayHoldHeaderCredential): text of shorter runs is not, and ScanBound is not
        // called for it.
        if (findings is not { Count: > 0 } && !(IsSpacedOrUrl(markers) && longestRun < HeaderCredentialMinLength))
        {
            ScanBound(value, binding, scope, knownCredential, findings ??= new List<SecretFinding>(), markers);
        }
    }

    /// <summary>
    /// The classes of characters <see cref="ScanCore"/> asks about, and its markers. On ASCII text one table read per
    /// character and no branch: the branches of a test per class were mispredicted on most characters of ordinary text,
    /// and the pass cost more than the format lookups behind it. The two markers that are runs ("://", "eyJ") are searched
    /// for afterwards, only in text holding their last character.
    /// </summary>
    internal static (bool HasDigit, bool HasSpecial, bool Ascii, Markers Markers, int LongestRun) FirstPass(string value)
    {
        var kinds = 0;
        var all = 0;
        var run = 0;
        var longest = 0;
        var shortPairs = 0;
        var previousFirsts = 0;
        var table = CharacterKinds;
        for (var position = 0; position < value.Length; position++)
        {
            var c = value[position];
            all |= c;
            int kind = table[c & 127];
            kinds |= kind;

            // A short anchor's first two characters: this character follows one of the groups' first characters.
            shortPairs |= previousFirsts & (kind >> SecondGroupShift);
            previousFirsts = (kind >> FirstGroupShift) & GroupMask;

            // The longest run of characters other than ' ', without a branch: a space's kind holds Markers.Space alone.
            // The run grows by one at most, so it passes the longest by one at most: the longest grows when it does.
            run = (run + 1) & ((((int)Markers.Space & kind) >> SpaceShift) - 1);
            longest += (int)((uint)(longest - run) >> 31);
        }

        if (all >= 128)
        {
            return FirstPassWithOtherCharacters(value);
        }

        // The table holds the markers' own bits: '=', '@' and '"' are markers alone, '/' and 'J' only end one.
        var markers = (Markers)(kinds & AllMarkers) | (shortPairs != 0 ? Markers.ShortAnchorPair : Markers.None);
        if ((markers & Markers.SchemeSeparator) != 0 && value.IndexOf("://", StringComparison.Ordinal) < 0)
        {
            markers &= ~Markers.SchemeSeparator;
        }

        if ((markers & Markers.JwtStart) != 0 && value.IndexOf("eyJ", StringComparison.Ordinal) < 0)
        {
            markers &= ~Markers.JwtStart;
        }

        return ((kinds & KindDigit) != 0, (kinds & KindSpecial) != 0, true, markers, longest);
    }

    /// <summary>The bit of <see cref="Markers.Space"/>, shifted down to 1.</summary>
    private const int SpaceShift = 5;

    /// <summary>The first pass on text with a character outside ASCII, which the table does not describe; on any text, what the table must give.</summary>
    internal static (bool HasDigit, bool HasSpecial, bool Ascii, Markers Markers, int LongestRun) FirstPassWithOtherCharacters(string value)
    {
        var run = 0;
        var longest = 0;
        var hasDigit = false;
        var hasSpecial = false;
        var ascii = true;
        var markers = Markers.None;
        var previous = '\0';
        for (var position = 0; position < value.Length; position++)
        {
            var c = value[position];
            if (c >= '0' && c <= '9')
            {
                hasDigit = true;
            }
            else if (c is '_' or '-' or '=' or '.' or '+' or '/' or ':' or '@' or ';')
            {
                hasSpecial = true;
                markers |= c switch
                {
                    '=' => Markers.EqualsSign,
                    '@' => Markers.At,
                    '/' when previous == '/' && position >= 2 && value[position - 2] == ':' => Markers.SchemeSeparator,
                    _ => Markers.None,
                };
            }
            else if (c == '"')
            {
                markers |= Markers.Quote;
            }
            else if (c == ' ')
            {
                markers |= Markers.Space;
            }
            else if (c == 'J' && previous == 'y' && position >= 2 && value[position - 2] == 'e')
            {
                markers |= Markers.JwtStart;
            }
            else if (c >= 128)
            {
                ascii = false;
            }

            if (position > 0 && Index.ShortPairsInTable && Index.IsShortPair(previous, c))
            {
                markers |= Markers.ShortAnchorPair;
            }

            previous = c;
            run = c == ' ' ? 0 : run + 1;
            longest = Math.Max(longest, run);
        }

        return (hasDigit, hasSpecial, ascii, markers, longest);
    }

    private const int AllMarkers = (int)(Markers.EqualsSign | Markers.At | Markers.SchemeSeparator | Markers.Quote | Markers.JwtStart | Markers.Space);

    // Above the markers' bits.
    private const byte KindDigit = 64;
    private const byte KindSpecial = 128;

    // Above the kinds: the short anchors' groups (FormatIndex.ShortPairGroups) a character is the first character of, and
    // those it may follow as the second.
    private const int FirstGroupShift = 8;
    private const int SecondGroupShift = 12;
    private const int GroupMask = (1 << FormatIndex.ShortPairGroups) - 1;

    /// <summary>
    /// For each ASCII character, the <c>Kind*</c> and <see cref="Markers"/> bits <see cref="FirstPass"/> gathers, and the short
    /// anchors' groups: 256 bytes, four cache lines.
    /// </summary>
    private static readonly ushort[] CharacterKinds = BuildCharacterKinds();

    private static ushort[] BuildCharacterKinds()
    {
        var kinds = new ushort[128];
        for (var c = '0'; c <= '9'; c++)
        {
            kinds[c] = KindDigit;
        }

        foreach (var c in "_-=.+/:@;")
        {
            kinds[c] = KindSpecial;
        }

        kinds['='] |= (byte)Markers.EqualsSign;
        kinds['@'] |= (byte)Markers.At;
        kinds['/'] |= (byte)Markers.SchemeSeparator;
        kinds['"'] = (byte)Markers.Quote;
        kinds['J'] = (byte)Markers.JwtStart;
        kinds[' '] = (byte)Markers.Space;
        for (var c = 0; Index.ShortPairsInTable && c < 128; c++)
        {
            kinds[c] |= (ushort)((Index.ShortFirstGroups[c] << FirstGroupShift) | (Index.ShortSecondGroups[c] << SecondGroupShift));
        }

        return kinds;
    }

    /// <summary>One bit per length up to 62; lengths of 63 and more share the last bit.</summary>
    private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

    /// <summary>
    /// Characters and runs the main pass saw, each what one later check searches for first: a check whose marker the text
    /// lacks is not called, which changes no finding (each still runs its own search when called).
    /// </summary>
    [Flags]
    internal enum Markers
    {
        None = 0,
        EqualsSign = 1,
        At = 2,
        SchemeSeparator = 4,
        Quote = 8,
        JwtStart = 16,

        /// <summary>A space: text a bare credential is not, save an Authorization header's value after its scheme.</summary>
        Space = 32,

        /// <summary>
        /// The first two characters of an anchor of the formats tried alone in text of short runs
        /// (<see cref="FormatIndex.ShortRunFormats"/>), set where <see cref="FormatIndex.ShortPairsInTable"/>.
        /// </summary>
        ShortAnchorPair = 64,
    }

    private static void TryFormat(SecretFormat format, string value, BindingSource binding, List<SecretFinding> findings)
    {
        if (!format.MayMatch(value) || format.Pattern is not { } pattern)
        {
            return;
        }

        var match = pattern.Match(value);
        if (!match.Success)
        {
            return;
        }

        var token = match.Groups["t"].Success ? match.Groups["t"] : (Group)match;
        if (IsVendorExample(token.Value) || LooksFake(token.Value) || CharacterClasses(token.Value) < format.MinClasses)
        {
            return;
        }

        var overScoped = OverScopeApplies(format, token.Value, format.OverScopeNameAny is null ? null : binding.Name());
        findings.Add(new SecretFinding(format.Provider, format.Kind, token.Index, token.Length, format.EnvironmentVariable,
            overScoped ? format.OverScope : null, overScoped ? format.Narrower : null));
    }

    /// <summary>Whether this credential carries the format's over-scope: always, or only as its payload or name says.</summary>
    private static bool OverScopeApplies(SecretFormat format, string token, string? bindingName)
    {
        if (format.OverScope is null)
        {
            return false;
        }

        if (format.OverScopeWhenPayloadHas is { } marker)
        {
            var prefix = format.PayloadAfter ?? string.Empty;
            var payload = token.StartsWith(prefix, StringComparison.Ordinal) ? Base64Url.DecodeToText(token.Substring(prefix.Length)) : string.Empty;
            return payload.IndexOf(marker, StringComparison.Ordinal) >= 0 || payload.IndexOf(marker.Replace(": ", ":"), StringComparison.Ordinal) >= 0;
        }

        if (format.OverScopeNameAny is { } words)
        {
            var lower = bindingName?.ToLowerInvariant();
            return lower is not null && ContainsAny(lower, words);
        }

        return true;
    }

    /// <summary>
    /// Placeholder-looking tokens: a prefix followed by a run such as <c>12345</c> or <c>abcde</c>, six of one character,
    /// <c>abc123</c>, <c>xxxx</c>, <c>EXAMPLE</c>, or too few distinct characters to be random. Real tokens are random and almost never
    /// hold five ascending characters in a row.
    /// </summary>
    internal static bool LooksFake(string token)
    {
        if (IsMasked(token))
        {
            return true;
        }

        var lower = token.ToLowerInvariant();
        if (ContainsAny(lower, FakeFragments))
        {
            return true;
        }

        var run = 1;
        var same = 1;
        for (var i = 1; i < token.Length; i++)
        {
            var a = char.ToLowerInvariant(token[i - 1]);
            var b = char.ToLowerInvariant(token[i]);
            run = b == a + 1 && char.IsLetterOrDigit(a) && char.IsLetterOrDigit(b) && char.IsLetter(a) == char.IsLetter(b) ? run + 1 : 1;
            same = token[i] == token[i - 1] && char.IsLetterOrDigit(token[i]) ? same + 1 : 1;
            if (run >= 5 || same >= 6)
            {
                return true;
            }
        }

        return token.Length >= 16 && token.Distinct().Count() <= 5;
    }

    private static readonly string[] FakeFragments = { "example", "abc123", "123abc", "placeholder", "dummy", "your", "redacted", "changeme", "notreal", "sample" };

    private static void ScanJwt(string value, List<SecretFinding> findings)
    {
        if (value.IndexOf("eyJ", StringComparison.Ordinal) < 0)
        {
            return;
        }

        var match = Jwt.Match(value);
        if (!match.Success)
        {
            return;
        }

        var payload = Base64Url.DecodeToText(match.Value.Split('.')[1]);
        if (payload.IndexOf("\"role\":\"anon\"", StringComparison.Ordinal) >= 0 || payload.IndexOf("\"role\": \"anon\"", StringComparison.Ordinal) >= 0)
        {
            return; // Supabase's anon key is meant to be published.
        }

        var serviceRole = payload.IndexOf("service_role", StringComparison.Ordinal) >= 0;
        findings.Add(new SecretFinding(
            serviceRole ? "Supabase" : "JWT",
            serviceRole ? "service_role key" : "signed token",
            match.Index,
            match.Length,
            serviceRole ? "SUPABASE_SERVICE_ROLE_KEY" : "JWT_TOKEN",
            serviceRole ? "a Supabase service_role key bypasses row-level security on every table" : null,
            serviceRole ? "the anon key with row-level security, or a service_role key only on the server that needs it" : null));
    }

    private static void ScanConnectionString(string value, bool developmentFile, List<SecretFinding> findings, Markers markers)
    {
        if ((markers & Markers.EqualsSign) != 0)
        {
            // Each pattern runs only on text holding the word it needs: most '=' strings are formats and queries.
            if (value.IndexOf("pwd", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("password", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // StackExchange.Redis writes its options comma-separated (host:6380,password=…,ssl=True).
                var passwords = value.IndexOf(';') < 0 && value.IndexOf(',') > 0 && IsRedisConfiguration(value) ? RedisPassword : KeyValuePassword;
                foreach (Match m in passwords.Matches(value))
                {
                    var password = m.Groups["v"];
                    var text = password.Value.Trim();
                    if (text.Length >= 4 && !IsPlaceholder(text) && !text.StartsWith("{", StringComparison.Ordinal))
                    {
                        findings.Add(new SecretFinding("database", "password in a connection string", password.Index, password.Length, "DATABASE_CONNECTION_STRING"));
                    }
                }
            }

            var superUser = (value.IndexOf("user", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("uid", StringComparison.OrdinalIgnoreCase) >= 0) ? SuperUser.Match(value) : Match.Empty;
            if (superUser.Success && LooksLikeConnectionString(value) && !IsDevelopment(value, developmentFile))
            {
                findings.Add(SuperUserLogin(superUser.Groups["u"], "DATABASE_CONNECTION_STRING"));
            }

            var root = value.IndexOf("RootManage", StringComparison.OrdinalIgnoreCase) >= 0 ? RootManage.Match(value) : Match.Empty;
            if (root.Success)
            {
                findings.Add(new SecretFinding("Azure Service Bus", "namespace-wide policy", root.Index, root.Length, "AZURE_SERVICEBUS_CONNECTION_STRING",
                    "RootManageSharedAccessKey manages, sends and listens on every queue and topic of the namespace",
                    "a shared access policy on the one queue or topic, with only Send or Listen", isSecret: false));
            }

            if (value.IndexOf("sig=", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                ScanSas(value, findings);
            }
        }

        if (HoldsUrlAndAt(markers)
            && value.IndexOf("://", StringComparison.Ordinal) > 0 && value.IndexOf('@') > 0)
        {
            var url = UrlCredentials.Match(value);
            if (url.Success)
            {
                var password = url.Groups["p"];
                var user = url.Groups["u"].Value;
                if (password.Value.Length >= 4 && !IsPlaceholder(password.Value) && password.Value != user)
                {
                    findings.Add(new SecretFinding("URL", "password in a URL", password.Index, password.Length, "DATABASE_URL"));
                }

                if (Array.IndexOf(SecretFormats.SuperUsers, user.ToLowerInvariant()) >= 0 && !IsDevelopment(value, developmentFile))
                {
                    findings.Add(SuperUserLogin(url.Groups["u"], "DATABASE_URL"));
                }
            }
        }

        if ((markers & Markers.Quote) != 0 && value.IndexOf("\"Action\"", StringComparison.Ordinal) >= 0)
        {
            var iam = IamStar.Match(value);
            if (iam.Success)
            {
                findings.Add(new SecretFinding("AWS IAM", "policy", iam.Index, iam.Length, "AWS_POLICY",
                    "an IAM policy that allows every action on every resource", "a policy that names the actions and resources the job needs", isSecret: false));
            }
        }
    }

    /// <summary>
    /// A superuser login is over-scoped where the database holds data that matters: not on a development database
    /// (loopback, an emulator) nor in a development-only file, where the superuser is how local containers start.
    /// </summary>
    private static bool IsDevelopment(string connectionString, bool developmentFile) =>
        developmentFile || EnvironmentClassifier.ClassifyConnectionString(connectionString) == DeploymentEnvironment.Development;

    private static bool IsRedisConfiguration(string value) =>
        EnvironmentClassifier.TryParseConnectionString(value, out var info) && info?.Kind == ConnectionStringKind.RedisConfiguration;

    private static SecretFinding SuperUserLogin(Group user, string environmentVariable) =>
        new("database", "superuser login", user.Index, user.Length, environmentVariable,
            $"the connection logs in as the database superuser '{user.Value}', which can drop every database on the server",
            "a role that owns only the application's schema, with no CREATEDB/DROP rights", isSecret: false);

    private static void ScanSas(string value, List<SecretFinding> findings)
    {
        var query = value.Substring(Math.Max(0, value.IndexOf('?') + 1));
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', ';'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0)
            {
                fields[pair.Substring(0, eq).Trim()] = pair.Substring(eq + 1);
            }
        }

        if (!fields.ContainsKey("sig") || !fields.ContainsKey("sv"))
        {
            return;
        }

        var account = fields.ContainsKey("srt") || fields.ContainsKey("ss");
        var delete = fields.TryGetValue("sp", out var sp) && sp.IndexOf('d') >= 0;
        var longLived = fields.TryGetValue("st", out var st) && fields.TryGetValue("se", out var se)
            && DateTimeOffset.TryParse(Uri.UnescapeDataString(st), out var start) && DateTimeOffset.TryParse(Uri.UnescapeDataString(se), out var end)
            && end - start > TimeSpan.FromDays(7);
        if ((account && (delete || fields.TryGetValue("srt", out var srt) && srt.Length >= 3)) || longLived)
        {
            var at = value.IndexOf("sig=", StringComparison.OrdinalIgnoreCase);
            findings.Add(new SecretFinding("Azure Storage", "SAS token", at, value.Length - at, "AZURE_STORAGE_SAS",
                string.Join(" and ", new[]
                {
                    account ? "an account SAS across services and resource types" + (delete ? ", with delete rights" : string.Empty) : null,
                    longLived ? "valid for more than 7 days" : null,
                }.Where(p => p is not null)),
                "a user-delegation or service SAS on one container with only the permissions needed, valid for hours", isSecret: false));
        }
    }

    /// <summary>Values whose only sign of being a secret is the name they are bound to.</summary>
    /// <remarks>
    /// Called only for text without a space or a URL, or with a run of <see cref="HeaderCredentialMinLength"/> characters or
    /// more: a header's credential is such a run (<see cref="MayHoldHeaderCredential"/>), and <see cref="ScanCore"/> asks
    /// that before calling.
    /// </remarks>
    private static void ScanBound(string value, BindingSource binding, string? scope, bool knownCredential, List<SecretFinding> findings, Markers markers)
    {
        // Text with a space or a URL is read under one name only, an Authorization header's, and only when what follows
        // its first space can be a credential: otherwise the value alone decides, and the name, a walk up the syntax for
        // a literal, is not read. The first pass saw both.
        var spaced = IsSpacedOrUrl(markers);
        if (spaced && !MayHoldHeaderCredential(value))
        {
            return;
        }

        if (binding.Name() is not { Length: > 0 } name)
        {
            return;
        }

        // headers.Add("Authorization", "Bearer <token>"): the credential is what follows the scheme.
        if (name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
        {
            var (start, length) = HeaderCredential(value);
            var credential = value.Substring(start, length);
            if (credential.Length >= HeaderCredentialMinLength && credential.IndexOf(' ') < 0 && !IsPlaceholder(credential) && Entropy(credential) >= 3.0)
            {
                // The fix reads the whole header value, scheme included, so the variable is named for the header, not the token.
                findings.Add(new SecretFinding("HTTP", "Authorization header credential", value.IndexOf(' ') + 1, credential.Length, "API_AUTHORIZATION_HEADER"));
            }

            return;
        }

        if (spaced)
        {
            return;
        }

        // Past here a finding needs the name (or its section) to hold a named format's word or a secret word, unless a
        // credential sink says what the value is.
        if (!knownCredential && !ScanBoundNames.MayHoldWord(name) && (scope is null || !ScanBoundNames.MayHoldWord(scope)))
        {
            return;
        }

        // A placeholder is never a finding below (nor in the header branch above, whose credential is then the whole
        // value). It is asked only where the name lets a finding be made: most names do not, and the test reads two
        // dozen words' memory for each literal.
        bool? placeholder = null;
        var lower = name.ToLowerInvariant();

        // Formats only the name tells apart from an ID, a hash or random text (a Railway token is a bare UUID). The
        // section a configuration key sits in counts as part of its name: Jwt:Key is a JWT signing key.
        // The name's words are split only for a name some row applies to: most names reach no row.
        var qualified = scope is { Length: > 0 } ? scope!.ToLowerInvariant() + ":" + lower : lower;
        bool? notSecret = null;
        foreach (var format in SecretFormats.Named)
        {
            if (!format.AppliesToName(qualified))
            {
                continue;
            }

            notSecret ??= ContainsNotSecretWord(name);
            if (notSecret.Value)
            {
                break;
            }

            placeholder ??= IsPlaceholder(value);
            if (placeholder.Value)
            {
                return;
            }

            if (format.Pattern is { } pattern && pattern.IsMatch(value)
                && CharacterClasses(value) >= format.MinClasses && !IsVendorExample(value) && !LooksFake(value))
            {
                var overScoped = OverScopeApplies(format, value, name);
                findings.Add(new SecretFinding(format.Provider, format.Kind, 0, value.Length, format.EnvironmentVariable,
                    overScoped ? format.OverScope : null, overScoped ? format.Narrower : null));
                return;
            }
        }

        // A credential sink (NetworkCredential's password) says the value is a secret, where otherwise its name must say so;
        // a name that says it is something else (an ID, a header name) wins either way.
        if (!(knownCredential || ContainsAny(lower, SecretWords)) || ContainsNotSecretWord(name) || (placeholder ?? IsPlaceholder(value)))
        {
            return;
        }

        // key=value text is a connection string or a setting, which the connection-string rules read.
        var equals = value.IndexOf('=');
        if (equals > 0 && equals < value.TrimEnd('=').Length)
        {
            return;
        }

        if (!knownCredential && Uuid.IsMatch(value) && !lower.Contains("token") && !lower.Contains("key") && !lower.Contains("secret"))
        {
            return;
        }

        var envName = ToEnvironmentName(name);
        if (lower.Contains("password") || lower.Contains("passwd") || lower.EndsWith("pwd", StringComparison.Ordinal))
        {
            if (value.Length >= 6 && CharacterClasses(value) >= 3 && !IsNaturalWord(value))
            {
                findings.Add(new SecretFinding("password", "password", 0, value.Length, envName, environmentVariableFromName: true));
            }

            return;
        }

        // Hex is a hash when the name says so (filtered above) and a token when the name says that: a random 32-hex-digit
        // auth token often falls just under the entropy bar, which is tuned for mixed alphabets.
        if (value.Length >= 32 && IsHex(value))
        {
            findings.Add(new SecretFinding("generic", "hex token", 0, value.Length, envName, environmentVariableFromName: true));
            return;
        }

        if (value.Length >= 16 && Entropy(value) >= 3.5 && CharacterClasses(value) >= 2 && value.IndexOf('.') != 0)
        {
            findings.Add(new SecretFinding("generic", "high-entropy secret", 0, value.Length, envName, environmentVariableFromName: true));
        }
    }

    /// <summary>
    /// Where an Authorization header value's credential is: after the first space, trimmed (the whole text when it has
    /// no space, or one at its start). Read before the binding name, to tell whether any name could matter.
    /// </summary>
    private static bool MayHoldHeaderCredential(string value) =>
        HeaderCredential(value) is var (start, length) && length >= HeaderCredentialMinLength && value.IndexOf(' ', start, length) < 0;

    /// <summary>
    /// The shortest Authorization header credential read. <see cref="ScanCore"/> gates <see cref="ScanBound"/> on a run
    /// of this length, so the gate and the header's test cannot drift apart.
    /// </summary>
    private const int HeaderCredentialMinLength = 16;

    /// <summary>Text with a space or a URL, which <see cref="ScanBound"/> reads under one name only, an Authorization header's.</summary>
    private static bool IsSpacedOrUrl(Markers markers) => (markers & (Markers.Space | Markers.SchemeSeparator)) != 0;

    /// <summary>Text that may hold a URL with credentials: "://" and '@' both seen by the first pass.</summary>
    private static bool HoldsUrlAndAt(Markers markers) => (markers & (Markers.SchemeSeparator | Markers.At)) == (Markers.SchemeSeparator | Markers.At);

    private static (int Start, int Length) HeaderCredential(string value)
    {
        var space = value.IndexOf(' ');
        var start = 0;
        var end = value.Length;
        if (space > 0)
        {
            start = space + 1;
            while (start < end && char.IsWhiteSpace(value[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(value[end - 1]))
            {
                end--;
            }
        }

        return (start, end - start);
    }

    /// <summary>The name a value is bound to: given, or read from a literal's place in the syntax when first asked for.</summary>
    private readonly struct BindingSource
    {
        private readonly string? name;
        private readonly LiteralExpressionSyntax? literal;

        public BindingSource(string? name, LiteralExpressionSyntax? literal)
        {
            this.name = name;
            this.literal = literal;
        }

        public string? Name() => literal is null ? name : Bindings.BindingName(literal);
    }

    /// <summary>A Bearer token sent to a platform API that takes only account-wide tokens as Bearer, whatever its value: an over-scope signal, never itself a secret.</summary>
    public static SecretFinding AccountTokenInUse(PlatformHost platform) =>
        new(platform.Provider, "API token in use", 0, 0, SecretFormats.Variables.FirstOrDefault(v => v.Name == platform.AccountTokenName)?.NarrowerVariable ?? platform.AccountTokenName,
            platform.OverScope, platform.Narrower, isSecret: false);

    public static string Redact(string value)
    {
        var shown = Math.Min(4, value.Length / 4);
        return value.Substring(0, shown) + "…(" + value.Length + " chars)";
    }

    /// <summary>The environment variable a name reads from: <c>DbPassword</c> is <c>DB_PASSWORD</c>.</summary>
    public static string ToEnvironmentName(string name)
    {
        var result = string.Join("_", WordSplitter.Split(name, lettersFromDigits: false)).ToUpperInvariant();
        return result.Length == 0 || char.IsDigit(result[0]) ? "APP_SECRET" : result;
    }

    /// <summary>A published example key, alone or inside what the pattern matched (<c>AccountKey=&lt;emulator key&gt;</c>).</summary>
    private static bool IsVendorExample(string matched)
    {
        foreach (var example in VendorExamples)
        {
            if (matched.IndexOf(example, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMasked(string value) => value.IndexOf("xxxx", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("****", StringComparison.Ordinal) >= 0 || value.IndexOf("0000000000", StringComparison.Ordinal) >= 0;

    private static bool IsPlaceholder(string value)
    {
        var lower = value.ToLowerInvariant();
        return ContainsAny(lower, Placeholders) || HasTemplateHole(value) || IsRepeated(value) || lower is "password" or "secret" or "root" or "admin" or "pass" or "user";
    }

    /// <summary>
    /// A hole a template or a shell fills in: <c>%VAR%</c>, <c>{0}</c>, <c>{password}</c>. A password that merely holds
    /// <c>%</c>, <c>#</c> or <c>!</c> (<c>wteGSDU%ztdF#Y4</c>) is not one.
    /// </summary>
    private static bool HasTemplateHole(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var open = value[i];
            if (open is not ('%' or '{'))
            {
                continue;
            }

            var close = open == '%' ? '%' : '}';
            var j = i + 1;
            while (j < value.Length && (char.IsLetterOrDigit(value[j]) || value[j] is '_' or ':' or '.' or ','))
            {
                j++;
            }

            // %VAR% starts with a letter or underscore (so "50%3%" is not one); {0} and {name} start with anything but a brace.
            if (j > i + 1 && j < value.Length && value[j] == close && (open == '{' || char.IsLetter(value[i + 1]) || value[i + 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsRepeated(string value)
    {
        foreach (var c in value)
        {
            if (c != value[0])
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAny(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsNotSecretWord(string name)
    {
        foreach (var word in WordSplitter.Split(name, lettersFromDigits: false))
        {
            foreach (var banned in NotSecretWords)
            {
                if (word == banned || (banned.Length > 3 && word.StartsWith(banned, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static int CharacterClasses(string value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (char.IsLower(c)) lower = true;
            else if (char.IsUpper(c)) upper = true;
            else if (char.IsDigit(c)) digit = true;
            else other = true;
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static bool IsNaturalWord(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static double Entropy(string value)
    {
        var counts = new Dictionary<char, int>();
        foreach (var c in value)
        {
            counts[c] = counts.TryGetValue(c, out var n) ? n + 1 : 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / value.Length;
            entropy -= p * Math.Log(p, 2);
        }

        return entropy;
    }

    private static bool LooksLikeConnectionString(string value) =>
        value.IndexOf("host=", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("server=", StringComparison.OrdinalIgnoreCase) >= 0
        || value.IndexOf("data source=", StringComparison.OrdinalIgnoreCase) >= 0 || value.IndexOf("address=", StringComparison.OrdinalIgnoreCase) >= 0;
}
