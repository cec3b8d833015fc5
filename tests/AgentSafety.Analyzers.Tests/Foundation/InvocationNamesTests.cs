using System.Linq;
using AgentSafety.Analyzers.Common;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Foundation;

public class InvocationNamesTests
{
    private static readonly string LongName = "Delete" + new string('x', 80);

    public static TheoryData<string> Names() => new()
    {
        "Delete", "DeleteAsync", "Execute", "ExecuteNonQuery", "ExecuteSqlRawAsync", "Query", "QueryFirst", "Q", "É", "Ändern",
        LongName, LongName + "y", "Keep", "Deface", "Exec", "Quer", string.Empty,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void The_shared_table_lets_through_every_name_that_is_read(string name)
    {
        var sets = new[]
        {
            InvocationNames.Of(new[] { "Delete", "É", LongName }),
            InvocationNames.Of(new[] { "Start" }, "Execute", "Query", LongName.Substring(0, 70)),
            InvocationNames.Of(new[] { "Ändern" }, "Q"),
            InvocationNames.Every,
        };
        var table = new byte[InvocationNames.ShapeCount];
        for (var i = 0; i < sets.Length; i++)
        {
            sets[i].Mark(table, (byte)(1 << i));
        }

        for (var i = 0; i < sets.Length; i++)
        {
            if (sets[i].Reads(name))
            {
                Assert.True((table[InvocationNames.ShapeOf(name)] & (1 << i)) != 0, $"set {i} reads '{name}', but its shape is not marked");

                // Each set alone: the detail bits must let through every name the set reads, whatever the others mark.
                var details = new ulong[InvocationNames.DetailBits / 64];
                sets[i].MarkDetails(details);
                var detail = InvocationNames.DetailOf(name);
                Assert.True((details[detail >> 6] & (1UL << (detail & 63))) != 0, $"set {i} reads '{name}', but its detail bit is not set");
            }
        }
    }

    [Fact]
    public void Names_are_read_whole_or_by_prefix_and_the_table_turns_away_other_shapes()
    {
        var names = InvocationNames.Of(new[] { "Delete" }, "Execute");
        var table = new byte[InvocationNames.ShapeCount];
        names.Mark(table, 1);

        Assert.True(names.Reads("Delete"));
        Assert.True(names.Reads("ExecuteScalar"));
        Assert.False(names.Reads("Deface"));
        Assert.False(names.Reads("Exec"));
        Assert.False(names.Reads("DeleteAsync"));
        Assert.Equal(0, table[InvocationNames.ShapeOf("Keep")]);
        Assert.Equal(0, table[InvocationNames.ShapeOf("Exec")]);
        Assert.Equal(1, table[InvocationNames.ShapeOf("Deface")]);

        // Delete's shape and Execute's 57 lengths from 7 to 63 characters.
        Assert.Equal(1 + (InvocationNames.MaxLength - 7 + 1), table.Count(b => b != 0));
        Assert.True(InvocationNames.Every.Reads("anything"));
    }

    [Fact]
    public void The_detail_bits_turn_away_names_that_share_only_length_and_first_letter()
    {
        var names = InvocationNames.Of(new[] { "Delete", "Add" }, "Execute", "Query");
        var details = new ulong[InvocationNames.DetailBits / 64];
        names.MarkDetails(details);
        bool Marked(string name) => (details[InvocationNames.DetailOf(name) >> 6] & (1UL << (InvocationNames.DetailOf(name) & 63))) != 0;

        Assert.True(Marked("Delete"));
        Assert.True(Marked("Add"));
        Assert.True(Marked("ExecuteScalar"));
        Assert.True(Marked("Query"));
        Assert.True(Marked("QueryFirst"));

        // Newtonsoft.Json's most frequent names past the (length, first letter) table: same length and first letter as a
        // name or prefix read here, another second letter.
        Assert.False(Marked("Divide"));
        Assert.False(Marked("Abs"));
        Assert.False(Marked("EnsureChars"));
        Assert.False(Marked("EatWhitespace"));

        // Two names and two prefixes, one bit per length each (57 and 59 lengths up to 63): apart from collisions, which
        // would only let more names through, exactly those bits.
        var set = details.Sum(word => System.Numerics.BitOperations.PopCount(word));
        Assert.InRange(set, 100, 2 + 57 + 59);

        // A one-letter prefix takes every second letter: 128 bits a length.
        var oneLetter = new ulong[InvocationNames.DetailBits / 64];
        InvocationNames.Of(System.Array.Empty<string>(), "Q").MarkDetails(oneLetter);
        Assert.InRange(oneLetter.Sum(word => System.Numerics.BitOperations.PopCount(word)), 7000, 1 + (62 * 128));
    }
}
