using System.Linq;
using AgentSafety.Analyzers.Common;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Common;

public class KeyValueTextTests
{
    private static KeyValueLine[] Read(string text, char[]? separators = null) =>
        KeyValueText.Read(text, separators ?? KeyValueText.AnySeparator).ToArray();

    [Fact]
    public void Every_span_maps_back_to_the_value_in_the_raw_text_across_crlf_lines()
    {
        var text = "A=one\r\n  B = two  \r\nc: three\r\n";
        var lines = Read(text);

        Assert.Equal(new[] { "A", "B", "c" }, lines.Select(l => l.Key));
        Assert.Equal(new[] { "one", "two", "three" }, lines.Select(l => l.Value));
        Assert.All(lines, l => Assert.Equal(l.Value, text.Substring(l.Span.Start, l.Span.Length)));
        Assert.All(lines, l => Assert.Equal(l.Span, l.QuotedSpan));
        Assert.Equal(text.IndexOf("  B", System.StringComparison.Ordinal), lines[1].LineStart);
        Assert.Equal('\r', text[lines[1].LineEnd]);
    }

    [Fact]
    public void A_quoted_value_is_read_without_its_quotes_and_the_quoted_span_keeps_them()
    {
        var text = "DB=\"Host=prod;Password=x\" # the live one\nKEY: 'single'\nOPEN=\"unclosed\n";
        var lines = Read(text);

        Assert.Equal(new[] { "Host=prod;Password=x", "single", "unclosed" }, lines.Select(l => l.Value));
        Assert.All(lines, l => Assert.Equal(l.Value, text.Substring(l.Span.Start, l.Span.Length)));
        Assert.Equal("\"Host=prod;Password=x\"", text.Substring(lines[0].QuotedSpan.Start, lines[0].QuotedSpan.Length));
        Assert.Equal("'single'", text.Substring(lines[1].QuotedSpan.Start, lines[1].QuotedSpan.Length));
    }

    [Fact]
    public void Export_is_not_part_of_the_key()
    {
        var line = Assert.Single(Read("export   API_TOKEN=abc123\n"));

        Assert.Equal("API_TOKEN", line.Key);
        Assert.Equal("abc123", line.Value);
    }

    [Fact]
    public void Comment_lines_and_trailing_comments_are_not_values_but_a_hash_inside_a_word_is()
    {
        var text = "# KEY=commented\n   # OTHER: too\nURL=https://host/page#part # note\nEMPTY=\n=novalue\n";
        var line = Assert.Single(Read(text));

        Assert.Equal("URL", line.Key);
        Assert.Equal("https://host/page#part", line.Value);
        Assert.Equal(line.Value, text.Substring(line.Span.Start, line.Span.Length));
    }

    [Fact]
    public void With_equals_only_a_colon_stays_in_the_key_or_value()
    {
        var text = "ConnectionStrings:Db=Host=prod\nhost: not-a-dotenv-line\n";

        var line = Assert.Single(Read(text, KeyValueText.EqualsOnly));
        Assert.Equal("ConnectionStrings:Db", line.Key);
        Assert.Equal("Host=prod", line.Value);

        Assert.Equal(new[] { "ConnectionStrings", "host" }, Read(text).Select(l => l.Key));
    }
}
