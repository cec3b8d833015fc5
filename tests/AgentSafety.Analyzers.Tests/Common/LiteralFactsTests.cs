using AgentSafety.Analyzers.Common;
using AgentSafety.Analyzers.Secrets;
using AgentSafety.Shared;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Common;

/// <summary>
/// The secrets scan tells the connection-string rule, for the value it read last, whether it holds '=' or "://": the
/// answer must be what that rule's own test gives, and must never be given for another value.
/// </summary>
/// <remarks>
/// The fact is one field shared by every thread, and every other test's scans write it: these tests run alone, after the
/// parallel ones, so that what they read is what they wrote.
/// </remarks>
[Collection(LiteralFactsTests.Alone)]
public class LiteralFactsTests
{
    public const string Alone = "literal facts, alone";

    // Built at run time, so that each is its own string object, as two tokens' values are.
    private static string Fresh(string text) => new(text.ToCharArray());

    [Theory]
    [InlineData("Unexpected character encountered while parsing value: {0}.")]
    [InlineData("Host=prod-db.example.com;Database=shop;Username=app")]
    [InlineData("postgres://app@prod-db.example.com:5432/shop")]
    [InlineData("Data Source=orders.db")]
    [InlineData("a:b:c//d/e:f")]
    [InlineData("x=1 and nothing else")]
    public void The_fact_about_the_value_read_last_agrees_with_the_rules_own_test(string text)
    {
        var value = Fresh(text);
        SecretScanner.Scan(value, null);

        // Turned away by the fact only where the rule's own test turns it away too.
        Assert.True(LiteralFacts.MayBeConnectionString(value) || !EnvironmentClassifier.MightBeConnectionString(value));
    }

    [Fact]
    public void A_value_without_equals_or_scheme_read_last_is_turned_away_and_no_other_value_is()
    {
        var sentence = Fresh("Unexpected character encountered while parsing value: {0}.");
        SecretScanner.Scan(sentence, null);
        Assert.False(LiteralFacts.MayBeConnectionString(sentence));

        // The same text in another string object, and another text, are not the value read: their readers search.
        Assert.True(LiteralFacts.MayBeConnectionString(Fresh(sentence)));
        Assert.True(LiteralFacts.MayBeConnectionString(Fresh("Host=prod-db;Database=shop")));

        var connection = Fresh("Host=prod-db.example.com;Database=shop");
        SecretScanner.Scan(connection, null);
        Assert.True(LiteralFacts.MayBeConnectionString(connection));
        Assert.True(LiteralFacts.MayBeConnectionString(sentence));
    }

    [Fact]
    public void Threads_that_overwrite_each_others_fact_never_turn_away_a_value_that_may_be_a_connection_string()
    {
        // Two threads scan, in turn, values with and without '='; each asks about its own value right after its scan,
        // when the other thread has often written since. A value is turned away only if it truly holds neither.
        var texts = new[] { "Unexpected character encountered while parsing value: {0}.", "Host=prod-db.example.com;Database=shop", "postgres://app@prod-db:5432/shop", "Could not convert string to integer: {0}." };
        var wrong = 0;
        var turnedAway = 0;
        System.Threading.Tasks.Parallel.For(0, 2, thread =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var value = Fresh(texts[(i + thread) % texts.Length]);
                SecretScanner.Scan(value, null);
                if (!LiteralFacts.MayBeConnectionString(value))
                {
                    System.Threading.Interlocked.Increment(ref turnedAway);
                    if (value.Contains('=') || value.Contains("://"))
                    {
                        System.Threading.Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.Equal(0, wrong);
        Assert.True(turnedAway > 0, "no value was turned away: the fact is never kept");
    }
}

[CollectionDefinition(LiteralFactsTests.Alone, DisableParallelization = true)]
public sealed class LiteralFactsCollection
{
}
