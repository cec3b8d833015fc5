using System;
using System.Collections.Generic;
using System.Linq;
using AgentSafety.Analyzers.Secrets;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>
/// The name gate of the secrets scan's checks by name: a name it turns away must be one no named format applies to and
/// that holds no secret word, or findings are lost; a gate that turns nothing away is no gate.
/// </summary>
public class NameTriggersTests
{
    private static readonly string[] Words = NameTriggers.WordsOf(SecretFormats.Named, SecretScanner.SecretWords)!.ToArray();

    [Fact]
    public void The_shipped_tables_give_an_active_gate()
    {
        Assert.NotNull(NameTriggers.WordsOf(SecretFormats.Named, SecretScanner.SecretWords));
        Assert.True(SecretScanner.ScanBoundNames.Active);
    }

    [Fact]
    public void Every_word_passes_in_any_case_and_inside_a_longer_name()
    {
        foreach (var word in Words)
        {
            foreach (var name in new[] { word, word.ToUpperInvariant(), "my" + char.ToUpperInvariant(word[0]) + word.Substring(1) + "Value", "x_" + word + "_2" })
            {
                Assert.True(SecretScanner.ScanBoundNames.MayHoldWord(name), $"'{name}' holds '{word}' but was turned away");
            }
        }
    }

    [Fact]
    public void A_name_turned_away_is_one_no_check_by_name_reads()
    {
        // Names from words of code and configuration, glued in pairs and cased three ways, with the trigger words cut
        // short (the cases where a gate on too few letters would err) and random ASCII.
        var parts = new List<string> { "message", "value", "format", "reader", "json", "token", "path", "key", "client", "connection", "string", "project", "rail", "way", "cloud", "flare", "aws", "secret", "jwt", "data", "dog", "sign", "ing", "access", "api", "pass", "word", "auth", "priv", "ate", "cred", "ential" };
        parts.AddRange(Words.Select(w => w.Substring(0, w.Length - 1)));
        parts.AddRange(Words.Select(w => w.Substring(1)));
        var random = new Random(12);
        for (var i = 0; i < 400; i++)
        {
            parts.Add(new string(Enumerable.Range(0, random.Next(3, 12)).Select(_ => (char)random.Next(33, 127)).ToArray()));
        }

        var turnedAway = 0;
        foreach (var first in parts)
        {
            foreach (var second in parts.Take(60))
            {
                foreach (var name in new[] { first + second, first + "_" + second, char.ToUpperInvariant(first[0]) + first.Substring(1) + char.ToUpperInvariant(second[0]) + second.Substring(1) })
                {
                    if (SecretScanner.ScanBoundNames.MayHoldWord(name))
                    {
                        continue;
                    }

                    turnedAway++;
                    var lower = name.ToLowerInvariant();
                    Assert.DoesNotContain(SecretFormats.Named, f => f.AppliesToName(lower));
                    Assert.DoesNotContain(SecretScanner.SecretWords, w => lower.Contains(w));
                }
            }
        }

        Assert.True(turnedAway > 10_000, $"only {turnedAway} names turned away");
    }

    [Theory]
    [InlineData("message")]
    [InlineData("JsonReaderValue")]
    [InlineData("lineNumber")]
    public void Ordinary_names_are_turned_away(string name) => Assert.False(SecretScanner.ScanBoundNames.MayHoldWord(name));

    [Theory]
    [InlineData("RailwayProjectToken")]
    [InlineData("DbPassword")]
    [InlineData("JWT_SIGNING_KEY")]
    [InlineData("ApiKey")]
    public void Credential_names_pass(string name) => Assert.True(SecretScanner.ScanBoundNames.MayHoldWord(name));

    [Fact]
    public void A_name_outside_ascii_is_always_read() => Assert.True(SecretScanner.ScanBoundNames.MayHoldWord("ca\u212Ae"));

    [Fact]
    public void A_word_the_gate_cannot_tell_by_three_letters_turns_it_off()
    {
        Assert.False(new NameTriggers(new[] { "id" }).Active);
        Assert.True(new NameTriggers(new[] { "id" }).MayHoldWord("nothing"));
        Assert.False(new NameTriggers(null).Active);
    }
}
