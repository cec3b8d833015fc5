using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using AgentSafety.Analyzers.Secrets;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>
/// The run gate of the secrets scan: text whose runs of characters other than ' ' are all shorter than a format's
/// <see cref="SecretFormat.ShortestRun"/> is not tried for it. A gate read too long loses findings, so each row's gate is
/// checked against what its own pattern matches.
/// </summary>
public class SpaceFreeMatchTests
{
    /// <summary>The rows whose match can hold a space: their gate is their anchor's longest run.</summary>
    private static readonly string[] MatchesHoldingSpaces = { "private-key" };

    [Theory]
    [InlineData("abc", 3)]
    [InlineData("a{3}b", 4)]
    [InlineData("a{2,}b", 3)]
    [InlineData("a{2,5}", 2)]
    [InlineData("a{2}?b", 3)]
    [InlineData("a*b", 1)]
    [InlineData("a+b", 2)]
    [InlineData("a?b", 1)]
    [InlineData("a|bcd", 1)]
    [InlineData("(?:ab|c)d", 2)]
    [InlineData("(ab)+c", 3)]
    [InlineData("(?<t>[0-9]{4})x", 5)]
    [InlineData("(?'t'[0-9]{4})x", 5)]
    [InlineData("(?<![A-Za-z])ab(?![0-9])", 2)]
    [InlineData(@"(?=\s)ab(?<= x)", 2)]
    [InlineData(@"\bsk-[A-Za-z0-9]{20}\b", 23)]
    [InlineData("x{abc", 5)]
    [InlineData("[?&]sig=", 5)]
    [InlineData(@"a\.b\-c", 5)]
    [InlineData(@"[a-z\-_]{3}", 3)]
    [InlineData(@"[]a]b", 2)]
    [InlineData("^ab$", 2)]
    [InlineData(@"\d\w\S", 3)]
    [InlineData(@"\t\n", 2)]
    [InlineData("(?>ab)c", 3)]
    public void Reads_the_shortest_match_of_a_pattern_that_cannot_hold_a_space(string pattern, int expected)
    {
        Assert.Equal(expected, SpaceFreeMatch.ShortestLength(pattern));
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("a( b)?")]
    [InlineData("a.b")]
    [InlineData(@"a\sb")]
    [InlineData(@"a\Wb")]
    [InlineData(@"a\Db")]
    [InlineData(@"a\ b")]
    [InlineData("a[^x]b")]
    [InlineData("[ -~]{5}")]
    [InlineData("[!-~ ]x")]
    [InlineData(@"[\s]x")]
    [InlineData(@"(a)\1")]
    [InlineData(@"(?<n>a)\k<n>")]
    [InlineData(@"\x41bc")]
    [InlineData(@"\u0041bc")]
    [InlineData(@"\p{L}x")]
    [InlineData("(?i)abc")]
    [InlineData("[a-z-[aeiou]]")]
    [InlineData("a)b")]
    [InlineData("(ab")]
    [InlineData("*a")]
    [InlineData("[ab")]
    [InlineData(@"ab\")]
    public void Gives_nothing_for_a_pattern_that_can_hold_a_space_or_that_it_cannot_read(string pattern)
    {
        Assert.Equal(0, SpaceFreeMatch.ShortestLength(pattern));
    }

    [Fact]
    public void Every_bare_row_is_read_from_its_pattern_but_those_whose_match_can_hold_a_space()
    {
        // A row whose pattern this reader cannot read would fall back to its anchor's length and quietly lose the gate
        // for every literal: such a row has to be named here, with its reason.
        var unread = SecretFormats.Bare.Where(f => SpaceFreeMatch.ShortestLength(f.Source) == 0).Select(f => f.Id).ToArray();
        Assert.Equal(MatchesHoldingSpaces, unread);
        Assert.All(SecretFormats.Bare, f => Assert.True(f.ShortestRun >= 2, f.Id + ": a gate under an anchor's length"));
    }

    [Fact]
    public void No_text_a_bare_pattern_matches_has_every_run_shorter_than_the_rows_gate()
    {
        // Each row's own sample, shrunk one character at a time while its pattern still matches, down to a match that is
        // near the shortest; and the same with spaces put in where the pattern still matches. A gate read too long from
        // a pattern, or taken from an anchor a match need not hold, fails here.
        var checkedTexts = 0;
        foreach (var format in SecretFormats.Bare)
        {
            var pattern = format.Pattern!;
            var sample = SecretFormatTableTests.Samples[format.Id]();
            var match = pattern.Match(sample);
            Assert.True(match.Success, format.Id + ": its sample does not match");
            var shortest = Shrink(match.Value, pattern);
            foreach (var text in new[] { sample, match.Value, shortest }.Concat(WithSpaces(shortest, pattern)))
            {
                Assert.True(
                    SecretScanner.FirstPass(text).LongestRun >= format.ShortestRun,
                    $"{format.Id}: a text of {text.Length} characters whose longest run is {SecretScanner.FirstPass(text).LongestRun} matches, but the gate is {format.ShortestRun}");
                checkedTexts++;
            }

            // The gate is not far from what the pattern can match: within a few characters of the shrunk match, or an
            // anchor's run for a match that holds spaces.
            if (!MatchesHoldingSpaces.Contains(format.Id))
            {
                Assert.InRange(shortest.Length - format.ShortestRun, 0, 8);
            }
        }

        Assert.True(checkedTexts > 3 * SecretFormats.Bare.Length, $"{checkedTexts} texts checked");
    }

    [Fact]
    public void The_formats_tried_alone_in_text_of_short_runs_are_the_few_whose_gate_is_under_the_anchor_search()
    {
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        var below = Enumerable.Range(0, SecretFormats.Bare.Length).Where(i => SecretFormats.Bare[i].ShortestRun < index.SearchFrom).ToArray();

        Assert.Equal(below, index.ShortRunFormats);
        Assert.InRange(index.ShortRunFormats.Length, 1, SecretScanner.FormatIndex.MaxTriedAlone);
        Assert.True(index.SearchFrom > 12, $"the anchor search starts at runs of {index.SearchFrom}: no message of short words skips it");
    }

    [Fact]
    public void The_check_before_the_formats_tried_alone_passes_each_of_their_anchors_in_each_case_and_turns_messages_away()
    {
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        foreach (var format in index.ShortRunFormats.Select(i => SecretFormats.Bare[i]))
        {
            foreach (var anchor in format.Anchors)
            {
                var spellings = format.AnchorComparison == StringComparison.OrdinalIgnoreCase
                    ? new[] { anchor, anchor.ToUpperInvariant(), anchor.ToLowerInvariant() }
                    : new[] { anchor };
                foreach (var text in spellings.SelectMany(a => new[] { a, "x " + a, "see " + a + " here" }))
                {
                    Assert.True(index.MayHoldShortAnchor(text), $"{format.Id}: '{text}' turned away");
                }
            }
        }

        // Messages as a code base writes them: none holds such an anchor, and the check must let them go.
        Assert.False(index.MayHoldShortAnchor("Unexpected character encountered while parsing value: {0}. Path '{1}', line {2}."));
        Assert.False(index.MayHoldShortAnchor("Could not convert string to integer: {0}."));
    }


    [Fact]
    public void The_first_pass_finds_the_short_anchors_pairs_exactly_where_the_check_before_the_formats_does()
    {
        // The scan reads the first pass's marker in place of MayHoldShortAnchor while the table holds the pairs: the two
        // must agree on every pair of ASCII characters, alone, after other text and before it, or a short format is lost.
        // While the short anchors start with more characters than the table has groups for, the scan asks
        // MayHoldShortAnchor itself and the first pass must mark nothing: then that is what is checked.
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        var agreed = 0;
        var found = 0;
        for (var first = (char)0; first < 128; first++)
        {
            for (var second = (char)0; second < 128; second++)
            {
                foreach (var text in new[] { new string(new[] { first, second }), "a " + first + second, first.ToString() + second + " z", "" + first + first + second + second })
                {
                    var expected = index.ShortPairsInTable && index.MayHoldShortAnchor(text);
                    var marked = (SecretScanner.FirstPass(text).Markers & SecretScanner.Markers.ShortAnchorPair) != 0;
                    Assert.True(expected == marked, $"pair {(int)first},{(int)second} in a text of {text.Length} characters: the check says {expected}, the first pass {marked}");
                    agreed++;
                    found += marked ? 1 : 0;
                }
            }
        }

        Assert.Equal(4 * 128 * 128, agreed);
        Assert.InRange(found, index.ShortPairsInTable ? 1 : 0, agreed / 100);
    }
    [Theory]
    [InlineData("key: -----BEGIN RSA PRIVATE KEY----- (PEM) in a message")]
    [InlineData("-----BEGIN OPENSSH PRIVATE KEY-----")]
    public void A_private_key_header_among_short_words_is_found_without_the_anchor_search(string text)
    {
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        Assert.True(SecretScanner.FirstPass(text).LongestRun < index.SearchFrom, "the text takes the path of short runs");

        Assert.Contains(SecretScanner.Scan(text, null), f => f.IsSecret && f.Kind == "PEM private key");
    }

    [Fact]
    public void A_token_that_fits_in_a_short_run_is_found_among_short_words_as_the_anchor_search_finds_it()
    {
        // A Slack legacy token of 17 characters, under the run at which the anchor search starts: found between short
        // words, and found the same where a long word elsewhere in the text sends the scan through the anchor search.
        var token = "xoxr-" + FakeToken.Make(string.Empty, 12, FakeToken.Alnum, seed: 5);
        var (shortRuns, searched) = BothPaths(token);

        Assert.Contains("Slack|legacy token|4|17", shortRuns);
        Assert.Equal(searched, shortRuns);
    }

    [Fact]
    public void Every_format_tried_alone_finds_in_text_of_short_runs_what_the_anchor_search_finds()
    {
        // Each such row's sample shrunk towards its shortest match, and the sample itself where it fits, read both ways.
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        var compared = 0;
        foreach (var format in index.ShortRunFormats.Select(i => SecretFormats.Bare[i]))
        {
            var sample = SecretFormatTableTests.Samples[format.Id]();
            var match = format.Pattern!.Match(sample).Value;
            foreach (var text in new[] { match, Shrink(match, format.Pattern) }.Where(t => SecretScanner.FirstPass(t).LongestRun < index.SearchFrom))
            {
                var (shortRuns, searched) = BothPaths(text);
                Assert.Equal(searched, shortRuns);
                compared++;
            }
        }

        Assert.True(compared >= index.ShortRunFormats.Length, $"{compared} texts compared");
    }

    /// <summary>What the scan finds of <paramref name="token"/> among short words, and with a long word after it, which makes the scan search for anchors.</summary>
    private static (List<string> ShortRuns, List<string> Searched) BothPaths(string token)
    {
        var index = SecretScanner.FormatIndex.Build(SecretFormats.Bare, SecretFormats.Variables);
        var shortText = "use " + token + " for it";
        var searchedText = "use " + token + " for " + new string('w', index.SearchFrom + 4);
        Assert.True(SecretScanner.FirstPass(shortText).LongestRun < index.SearchFrom, shortText.Length + " characters: not a text of short runs");
        Assert.True(SecretScanner.FirstPass(searchedText).LongestRun >= index.SearchFrom);

        static List<string> Kinds(string text) => SecretScanner.Scan(text, null).Where(f => f.IsSecret).Select(f => f.Provider + "|" + f.Kind + "|" + f.Start + "|" + f.Length).ToList();
        return (Kinds(shortText), Kinds(searchedText));
    }

    private static string Shrink(string text, Regex pattern)
    {
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i < text.Length; i++)
            {
                var shorter = text.Remove(i, 1);
                if (pattern.IsMatch(shorter))
                {
                    text = shorter;
                    changed = true;
                    i--;
                }
            }
        }

        return text;
    }

    private static IEnumerable<string> WithSpaces(string text, Regex pattern)
    {
        for (var i = 1; i < text.Length; i++)
        {
            var spaced = text.Substring(0, i) + " " + text.Substring(i);
            if (pattern.IsMatch(spaced))
            {
                yield return spaced;
            }

            var replaced = text.Substring(0, i) + " " + text.Substring(i + 1);
            if (pattern.IsMatch(replaced))
            {
                yield return replaced;
            }
        }
    }
}
