using System.Linq;
using System.Threading;
using AgentSafety.Analyzers.Common;
using AgentSafety.Analyzers.Tests.Verifiers;
using AgentSafety.Shared;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Secrets;

public class ConfigurationFileTests
{
    [Fact]
    public void A_file_is_read_and_parsed_once_for_every_rule()
    {
        var file = new InMemoryAdditionalText("appsettings.Development.json", "{ \"Jwt\": { \"Key\": \"abc\" } }");

        var first = ConfigurationFile.Read(file, CancellationToken.None);
        var second = ConfigurationFile.Read(file, CancellationToken.None);

        Assert.Same(first, second);
        Assert.Same(first.JsonEntries(CancellationToken.None), second.JsonEntries(CancellationToken.None));
        Assert.Equal(ConfigurationFileKind.Json, first.Kind);
        Assert.Equal(DeploymentEnvironment.Development, first.Environment);
    }

    [Fact]
    public void Entries_carry_key_path_name_section_and_an_offset_map_through_escapes()
    {
        var text = "{\n  \"Jwt\": { \"Keys\": [ \"a\\u0041\\\"b\", \"plain\" ] },\n  // comment\n  \"Name\": \"x\",\n}";

        var entries = ConfigurationJson.Read(text, CancellationToken.None);

        var escaped = entries[0];
        Assert.Equal(("Jwt:Keys:0", "Keys", "Jwt", "aA\"b"), (escaped.KeyPath, escaped.Name, escaped.Section, escaped.Value));
        Assert.Equal("\\u0041", text.Substring(escaped.MapToRaw(1, 1).Start, escaped.MapToRaw(1, 1).Length));
        Assert.Equal("\\\"b", text.Substring(escaped.MapToRaw(2, 2).Start, escaped.MapToRaw(2, 2).Length));
        Assert.Equal(("Jwt:Keys:1", "plain"), (entries[1].KeyPath, entries[1].Value));
        Assert.Equal("plain", text.Substring(entries[1].RawSpan.Start, entries[1].RawSpan.Length));
        Assert.Equal(("Name", string.Empty), (entries[2].Name, entries[2].Section));
    }

    [Theory]
    [InlineData("{ \"a\": \"b\" ")]
    [InlineData("{ \"a\": \"b\" } }")]
    [InlineData("{ \"a\": \"b\n\" }")]
    [InlineData("not json")]
    public void Text_that_is_not_json_yields_nothing(string text)
    {
        Assert.Empty(ConfigurationJson.Read(text, CancellationToken.None));
    }

    [Theory]
    [InlineData("appsettings.json", "Json")]
    [InlineData(".env.production", "DotEnv")]
    [InlineData("deploy/staging.env", "DotEnv")]
    [InlineData("values.yaml", "Text")]
    [InlineData("AnalyzerReleases.Shipped.md", "None")]
    [InlineData("Program.cs", "None")]
    public void One_classifier_names_each_file_kind(string path, string kind)
    {
        Assert.Equal(kind, ConfigurationFile.KindOf(path).ToString());
    }
}
