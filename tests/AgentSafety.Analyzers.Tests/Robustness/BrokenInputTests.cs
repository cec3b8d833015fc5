using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Robustness;

/// <summary>
/// Half-typed, broken, huge and odd inputs: what the IDE hands the analyzers on every keystroke. No analyzer may throw
/// (AD0001) on any of them.
/// </summary>
public class BrokenInputTests
{
    private static readonly string HugeLiteral = new string('A', 2_000_000);

    public static TheoryData<string, string> BrokenSources() => new()
    {
        { "unterminated string", "class C { string s = \"Host=prod-db;Password=abc" },
        { "unterminated verbatim string", "class C { string s = @\"ghp_" },
        { "missing braces", "class C { void M() { var x = new System.Net.Http.HttpClient(); x.PostAsync(\"https://backboard.railway.app/graphql/v2\", " },
        { "half-typed invocation", "class C { void M(Amazon.S3.IAmazonS3 s3) { s3.DeleteBucketAsync( } }" },
        { "half-typed member access", "class C { void M(StackExchange.Redis.IServer s) { s. } }" },
        { "if blocks", "#if DEBUG\nclass C { const string T = \"Host=staging-db;Database=stg\"; }\n#else\nclass C { const string T = \"Host=prod-db;Database=prod\"; \n#endif\n}" },
        { "huge literal", "class C { const string S = \"" + HugeLiteral + "\"; }" },
        { "huge concatenation", "class C { const string S = " + string.Join(" + ", Enumerable.Repeat("\"Host=prod-db;\"", 3000)) + "; }" },
        { "non-ascii", "class Ç { string ß = \"Host=prod-ünïcödé;Database=日本語;Password=パスワード\"; string e = \"🔑🔑🔑\"; }" },
        { "raw interpolated", "class C { void M(int id) { var s = $$\"\"\"\n  mutation { volumeDelete(volumeId: \"{{id}}\") }\n  \"\"\"; } }" },
        { "utf8 literal", "class C { System.ReadOnlySpan<byte> M() => \"Password=abc123XYZ\"u8; }" },
        { "nul and control characters", "class C { string s = \"\0\u0001\u0002ghp_\u0000\"; }" },
        { "only garbage", "}}}}{{{{ \"\"\" @@@ $$$ ))) ;;;" },
        { "empty", string.Empty },
        { "attribute and switch constants", "class A : System.Attribute { public A(string s) {} } [A(\"sk_live_xxxxxxxxxxxxxxxxxxxx\")] class C { int M(string s) { switch (s) { case \"Password=x\": return 1; } return 0; } }" },
        { "deep nesting", "class C { string M() => " + string.Concat(Enumerable.Repeat("(", 500)) + "\"x\"" + string.Concat(Enumerable.Repeat(")", 500)) + "; }" },
    };

    public static TheoryData<string, string, string> BrokenAdditionalFiles() => new()
    {
        { "empty json", "appsettings.json", string.Empty },
        { "malformed json", "appsettings.Production.json", "{ \"ConnectionStrings\": { \"Db\": \"Host=prod-db;Password=abc" },
        { "json with nul bytes", "appsettings.json", "{\0\0\"a\":\0\"b\"}" },
        { "binary-looking env", ".env", "\u0089PNG\r\n\u001a\n\0\0\0\rIHDR" + new string('\uFFFD', 500) },
        { "deeply nested json", "appsettings.json", string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + string.Concat(Enumerable.Repeat("}", 5000)) },
        { "huge env value", "staging.env", "TOKEN=" + new string('x', 2_000_000) },
        { "catalogue with garbage", "AgentSafety.DestructiveApis.txt", "M:\nT:\n!\n;;;\nM:Nope.(((\nN:\n\0" },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public async Task No_analyzer_throws_on_broken_source(string name, string source)
    {
        var exceptions = await RunAllAsync(new[] { source }, ImmutableArray<AdditionalText>.Empty);

        Assert.True(exceptions.Count == 0, $"{name}: " + string.Join("\n", exceptions));
    }

    [Theory]
    [MemberData(nameof(BrokenAdditionalFiles))]
    public async Task No_analyzer_throws_on_broken_additional_file(string name, string path, string text)
    {
        var exceptions = await RunAllAsync(
            new[] { "class C { const string S = \"Host=staging-db;Database=app_staging\"; }" },
            ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(path, text)));

        Assert.True(exceptions.Count == 0, $"{name}: " + string.Join("\n", exceptions));
    }

    public static TheoryData<string> DescriptorIds() => Foundation.DescriptorTests.DescriptorIds();

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_is_reported_by_an_analyzer_these_tests_run(string id)
    {
        // A descriptor no discovered analyzer supports is never run over the broken inputs above.
        var supporting = AllAnalyzers.Create().Where(a => a.SupportedDiagnostics.Any(d => d.Id == id)).ToArray();

        Assert.True(supporting.Length > 0, $"no analyzer found by {nameof(AllAnalyzers)} supports {id}");
    }

    [Fact]
    public void Analyzers_report_only_the_descriptors_that_exist()
    {
        var supported = AllAnalyzers.Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(x => x, StringComparer.Ordinal);
        var descriptors = Foundation.DescriptorTests.AllDescriptors().Select(d => d.Id).OrderBy(x => x, StringComparer.Ordinal);

        Assert.Equal(descriptors, supported);
    }

    internal static async Task<List<string>> RunAllAsync(IEnumerable<string> sources, ImmutableArray<AdditionalText> additionalFiles)
    {
        var compilation = await TestReferences.CompileAsync("Robustness", sources.Select((s, i) => ($"File{i}.cs", s)).ToArray());

        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers.Create(),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles),
                (e, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {e}"); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
        return exceptions;
    }
}
