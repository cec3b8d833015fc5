using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Common;
using AgentSafety.Analyzers.Tests.Secrets;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Foundation;

/// <summary>
/// The one analyzer the compiler loads hosts every rule: it must report exactly what the rules report each on its own
/// (every other test runs a rule alone), keep each rule's choice about generated code, and skip a rule the project
/// turned off.
/// </summary>
public class AgentSafetyAnalyzerTests
{
    private const string Code = """
        using System.Diagnostics;
        using System.Threading.Tasks;
        using AgentSafety.Guards;

        class Settings { public const string GitHubToken = "{{TOKEN}}"; }

        class Buckets { Task M(Amazon.S3.IAmazonS3 s3) => s3.DeleteBucketAsync("logs"); }

        class Tables { Npgsql.NpgsqlCommand M(Npgsql.NpgsqlConnection c) => new Npgsql.NpgsqlCommand("DROP TABLE orders", c); }

        class Shell { void M() => Process.Start("bash", "-c \"rm -rf /var/lib/postgresql\""); }

        class Db
        {
            public const string Prod = "Host=prod-db.shop.internal;Database=shop_production";
            public const string Staging = "Host=staging-db.shop.internal;Database=shop_staging";
            public static readonly string Guarded = EnvironmentGuard.Connection("Host=prod-db2.shop.internal;Database=shop_production");
        }
        """;

    [Fact]
    public void Every_rule_in_the_assembly_is_hosted_and_every_descriptor_supported()
    {
        var host = new AgentSafetyAnalyzer();
        var rules = typeof(AgentSafetyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t != typeof(AgentSafetyAnalyzer))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(rules, host.Rules.Select(r => r.GetType()).OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.All(rules, r => Assert.Null(Attribute.GetCustomAttribute(r, typeof(DiagnosticAnalyzerAttribute))));
        var descriptorIds = typeof(Descriptors).GetFields().Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id).OrderBy(id => id, StringComparer.Ordinal);
        Assert.Equal(descriptorIds, host.SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_host_reports_exactly_what_each_rule_reports_alone()
    {
        var compilation = await CompileCodeAsync("Hosted");
        var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(
            new InMemoryAdditionalText("appsettings.Development.json", """{ "ConnectionStrings": { "Shop": "Host=localhost;Database=shop_dev" } }"""),
            new InMemoryAdditionalText("AgentSafety.DestructiveApis.txt", "M:Ops.NoSuch.Client.Wipe(*);wipes nothing that exists\n")));

        var hosted = await HostEqualsRulesAloneAsync(analyzer => RunAsync(compilation, options, analyzer));

        // Each rule reports something here, or the comparison above proves nothing about it.
        Assert.All(new[] { "ASA101", "ASA201", "ASA202", "ASA203", "ASA301" }, id => Assert.Contains(hosted, d => d.StartsWith(id, StringComparison.Ordinal)));
    }

    /// <summary>
    /// The IDE analyzes the open document (syntax, then semantics) as the user types, without compilation end actions:
    /// the host must give there what each rule gives alone, so that hosting ASA301's end action costs no live squiggle.
    /// </summary>
    [Fact]
    public async Task Per_document_analysis_as_the_IDE_runs_it_equals_the_rules_alone()
    {
        var compilation = await CompileCodeAsync("Live");
        var tree = compilation.SyntaxTrees.Single();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        async Task<List<string>> DocumentAsync(DiagnosticAnalyzer analyzer)
        {
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
            var syntax = await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None);
            var semantic = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
            return Described(syntax.Concat(semantic));
        }

        var hosted = await HostEqualsRulesAloneAsync(DocumentAsync);

        Assert.All(new[] { "ASA101", "ASA201", "ASA202" }, id => Assert.Contains(hosted, d => d.StartsWith(id, StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(GeneratedCodeAnalysisFlags.None, 1)]
    [InlineData(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, 2)]
    public async Task A_rule_that_declines_generated_code_is_not_called_there(GeneratedCodeAnalysisFlags mode, int expectedCalls)
    {
        var rule = new CountingRule(mode);
        var compilation = await TestReferences.CompileAsync(
            "Generated",
            ("Written.cs", "class A { void M() => System.Console.WriteLine(); }"),
            ("Written.g.cs", "class B { void M() => System.Console.WriteLine(); }"));

        await RunAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), new AgentSafetyAnalyzer(rule, new CountingRule(GeneratedCodeAnalysisFlags.None)));

        Assert.Equal(expectedCalls, rule.Invocations);
        Assert.Equal(expectedCalls, rule.Classes);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Every_rule_sharing_a_kind_is_called_once_per_node_in_written_and_generated_code(int rules)
    {
        // Two rules on one kind are called one after the other, three and more through the loop over the handlers; class
        // declarations are a syntax kind, creations an operation kind, both taken that way (calls go through the dispatch).
        var counting = Enumerable.Range(0, rules)
            .Select(i => new CountingRule(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics, $"COUNT00{i}"))
            .ToArray();
        var compilation = await TestReferences.CompileAsync(
            "Shared",
            ("Written.cs", "class A { object M() => new object(); }"),
            ("Written.g.cs", "class B { object M() => new object(); }"));

        await RunAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), new AgentSafetyAnalyzer(counting));

        Assert.All(counting, rule =>
        {
            Assert.Equal(2, rule.Classes);
            Assert.Equal(2, rule.Creations);
        });
    }

    [Fact]
    public async Task An_invocation_action_runs_only_for_the_method_names_it_reads_hosted_or_alone()
    {
        var compilation = await TestReferences.CompileAsync(
            "Names",
            ("Written.cs", "class A { void Delete() { } void Deface() { } void Keep() { } void M() { Delete(); Keep(); Delete(); Deface(); } }"),
            ("Written.g.cs", "class B { void Delete() { } void M() => Delete(); }"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var counting = new CountingRule(GeneratedCodeAnalysisFlags.None);

        var hosted = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCallRule(), counting));
        var alone = await RunAsync(compilation, options, new NamedCallRule());

        // Two Delete calls in written code; Keep is not read, nor Deface, whose length and first letter are Delete's; generated
        // code is declined. A rule without names beside it still sees every call of written code.
        Assert.Equal(2, hosted.Count);
        Assert.All(hosted, d => Assert.Contains("NAME001", d, StringComparison.Ordinal));
        Assert.All(hosted, d => Assert.Contains("Delete called", d, StringComparison.Ordinal));
        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), hosted.OrderBy(d => d, StringComparer.Ordinal));
        Assert.Equal(4, counting.Invocations);
    }

    [Theory]
    [InlineData("Add", 3)]
    [InlineData("Where", 1)]
    [InlineData("Invoke", 2)]
    [InlineData("Delete", 0)]
    public async Task A_call_is_read_by_the_name_of_the_method_called_not_the_name_written(string read, int expected)
    {
        // The host turns calls away by the name written before it reads the called method: a delegate written Delete()
        // calls Invoke, a collection initializer calls Add and a query calls Where with neither name written as a call.
        var compilation = await TestReferences.CompileAsync(
            "WrittenNames",
            ("Written.cs", @"
using System; using System.Collections.Generic; using System.Linq;
class A
{
    Action Delete = () => { };
    void M(int[] xs)
    {
        Delete();
        Delete.Invoke();
        var list = new List<int> { 1, 2 };
        var q = from x in xs where x > 0 select x;
        list.Add(3);
    }
}"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var names = InvocationNames.Of(new[] { read });

        var hosted = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCallRule(names)));
        var alone = await RunAsync(compilation, options, new NamedCallRule(names));

        Assert.Equal(expected, hosted.Count);
        Assert.All(hosted, d => Assert.Contains(read + " called", d, StringComparison.Ordinal));
        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), hosted.OrderBy(d => d, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Names_that_pass_the_shared_table_are_each_read_by_their_own_rules_whatever_was_called_before()
    {
        // 200 names of one shape (length, first two letters): the first rule reads the even ones, the second every tenth. Each
        // is called twice, in two orders, so that the host's verdicts kept per name meet a name read and one not read
        // in the same place, and a name called again after others.
        var methods = string.Concat(Enumerable.Range(100, 200).Select(i => $"void Ex{i}() {{ }} "));
        var calls = string.Concat(Enumerable.Range(100, 200).Select(i => $"Ex{i}(); ")) + string.Concat(Enumerable.Range(100, 200).Reverse().Select(i => $"Ex{i}(); "));
        var compilation = await TestReferences.CompileAsync("Verdicts", ("Written.cs", $"class A {{ {methods} void M() {{ {calls} }} }}"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var evens = InvocationNames.Of(Enumerable.Range(100, 200).Where(i => i % 2 == 0).Select(i => $"Ex{i}"));
        var tenths = InvocationNames.Of(Enumerable.Range(100, 200).Where(i => i % 10 == 0).Select(i => $"Ex{i}"));

        var hosted = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCallRule(evens), new NamedCallRule(tenths)));
        var alone = (await RunAsync(compilation, options, new NamedCallRule(evens))).Concat(await RunAsync(compilation, options, new NamedCallRule(tenths)));

        Assert.Equal(2 * (100 + 20), hosted.Count);
        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), hosted.OrderBy(d => d, StringComparer.Ordinal));
        var called = hosted.Select(d => d.Substring(d.IndexOf(" Ex", StringComparison.Ordinal) + 1, 5)).ToList();
        Assert.All(called, name => Assert.True(int.Parse(name.Substring(2), CultureInfo.InvariantCulture) % 2 == 0, name));
        Assert.Equal(4, called.Count(name => name == "Ex110"));
        Assert.Equal(2, called.Count(name => name == "Ex112"));
        Assert.DoesNotContain("Ex111", called);
    }

    [Fact]
    public async Task A_creation_action_runs_for_the_type_names_it_reads_and_an_unfiltered_one_beside_it_for_every_creation()
    {
        // Vault is read, Valve (its length and first letter) and Keep are not; a generic type is read by its name alone.
        var compilation = await TestReferences.CompileAsync(
            "Creations",
            ("Written.cs", @"
class Vault { public Vault(string s) { } }
class Valve { public Valve(string s) { } }
class Keep<T> { }
class A
{
    object[] M() => new object[] { new Vault(""a""), new Valve(""b""), new Keep<int>(), new Vault(""c""), new System.Text.StringBuilder() };
}"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var counting = new CountingRule(GeneratedCodeAnalysisFlags.None);

        var hosted = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCreationRule("Vault"), counting));
        var alone = await RunAsync(compilation, options, new NamedCreationRule("Vault"));
        var generic = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCreationRule("Keep")));

        Assert.Equal(new[] { "Vault created", "Vault created" }, hosted.Select(d => d.Contains("Vault created", StringComparison.Ordinal) ? "Vault created" : d));
        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), hosted.OrderBy(d => d, StringComparer.Ordinal));
        Assert.Equal(5, counting.Creations);
        Assert.Single(generic, d => d.Contains("Keep created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_creation_written_with_another_name_is_read_by_the_created_types_name()
    {
        // The host lets a creation go by the name it is written with; an alias (local, global in another file, inside a
        // namespace) writes a read type under another name, and an alias named like a read type writes another type.
        // Qualified, alias-qualified, target-typed and nested creations are read as well.
        var compilation = await TestReferences.CompileAsync(
            "CreationAliases",
            ("Types.cs", @"
public class Vault { public Vault(string s) { } public class Inner { } }
public class Valve { public Valve(string s) { } }
namespace N2 { public class Vault { public Vault(string s) { } } }"),
            ("Global.cs", "global using GlobalVault = Vault;"),
            ("Written.cs", @"
using LocalVault = Vault;
class A
{
    object[] M()
    {
        Vault targetTyped = new(""t"");
        return new object[] { new LocalVault(""a""), new GlobalVault(""b""), new N2.Vault(""c""), new global::Vault(""d""), new Valve(""e""), targetTyped, new Vault.Inner() };
    }
}
namespace N
{
    using Vault = global::Valve;
    using Safe = global::Vault;
    class B { object[] M() => new object[] { new Vault(""f""), new Safe(""g"") }; }
}"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        var hosted = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCreationRule("Vault")));
        var alone = await RunAsync(compilation, options, new NamedCreationRule("Vault"));

        // t (line 6), a, b, c, d (line 7) and g (line 14) create a type named Vault; e and f create Valve, Inner is
        // another name. Lines are zero-based, the first line of Written.cs being empty.
        var lines = hosted.Select(d => d.Substring(0, d.IndexOf(')', StringComparison.Ordinal) + 1)).OrderBy(l => l, StringComparer.Ordinal);
        Assert.Equal(
            new[] { "NAME002 Written.cs: (14,61)", "NAME002 Written.cs: (6,28)", "NAME002 Written.cs: (7,30)", "NAME002 Written.cs: (7,51)", "NAME002 Written.cs: (7,73)", "NAME002 Written.cs: (7,92)" },
            lines);
        Assert.All(hosted, d => Assert.Contains("Vault created", d, StringComparison.Ordinal));
        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), hosted.OrderBy(d => d, StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_shipped_rules_read_sdk_types_created_through_aliases()
    {
        // The real NetworkCredential and NpgsqlCommand written under aliases: ASA101 at the constant passed as the
        // password, ASA202 at the DROP sent through the command; the same as each rule alone.
        var compilation = await TestReferences.CompileAsync(
            "SdkAliases",
            ("Global.cs", "global using Command = Npgsql.NpgsqlCommand;"),
            ("Written.cs", @"
using Credential = System.Net.NetworkCredential;
class A
{
    const string Value = ""Tr0ub4dor-and-3"";
    object M() => new Credential(""deploy"", Value);
    void N(Npgsql.NpgsqlConnection connection) => new Command(""DROP TABLE accounts"", connection).ExecuteNonQuery();
}"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);

        var hosted = await HostEqualsRulesAloneAsync(analyzer => RunAsync(compilation, options, analyzer));

        Assert.Single(hosted, d => d.StartsWith("ASA101 Written.cs: (5,", StringComparison.Ordinal));
        Assert.Single(hosted, d => d.StartsWith("ASA202 Written.cs: (6,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_reads_its_own_rules_names_after_a_host_whose_rules_read_others()
    {
        // The shared table is reused between compilations only for the very same names.
        var compilation = await TestReferences.CompileAsync(
            "Reuse",
            ("Written.cs", "class A { void Delete() { } void Keep() { } void M() { Delete(); Keep(); Delete(); } }"));
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var keeps = InvocationNames.Of(new[] { "Keep" });

        var first = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCallRule()));
        var second = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCallRule(keeps)));
        var third = await RunAsync(compilation, options, new AgentSafetyAnalyzer(new NamedCallRule(keeps), new NamedCallRule()));

        Assert.Equal(new[] { "Delete called", "Delete called" }, first.Select(d => d.Contains("Delete called", StringComparison.Ordinal) ? "Delete called" : d));
        Assert.Equal(new[] { "Keep called" }, second.Select(d => d.Contains("Keep called", StringComparison.Ordinal) ? "Keep called" : d));
        Assert.Equal(3, third.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(12)]
    public async Task Every_hosted_rule_reads_its_names_beyond_the_eight_the_shared_table_holds(int rules)
    {
        var compilation = await TestReferences.CompileAsync(
            "ManyRules",
            ("Written.cs", "class A { void Delete() { } void Keep() { } void M() { Delete(); Keep(); Delete(); } }"));

        var hosted = await RunAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), new AgentSafetyAnalyzer(Enumerable.Range(0, rules).Select(_ => (DiagnosticAnalyzer)new NamedCallRule()).ToArray()));

        Assert.Equal(2 * rules, hosted.Count);
        Assert.All(hosted, d => Assert.Contains("Delete called", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_the_project_turned_off_is_not_run()
    {
        var off = new CountingRule(GeneratedCodeAnalysisFlags.None, "OFF001");
        var on = new CountingRule(GeneratedCodeAnalysisFlags.None, "ON001");
        var compilation = (await TestReferences.CompileAsync("TurnedOff", ("Code.cs", "class A { void M() => System.Console.WriteLine(); }")))
            .WithOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["OFF001"] = ReportDiagnostic.Suppress }));

        await RunAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), new AgentSafetyAnalyzer(off, on));

        Assert.Equal(0, off.Invocations);
        Assert.Equal(1, on.Invocations);
    }

    [Fact]
    public async Task A_rule_registering_what_the_host_does_not_share_fails_loudly()
    {
        var compilation = await TestReferences.CompileAsync("Unsupported", ("Code.cs", "class A { }"));
        var exceptions = new List<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new AgentSafetyAnalyzer(new SymbolRule())),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));

        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

        var exception = Assert.Single(exceptions);
        Assert.IsType<NotSupportedException>(exception);
        Assert.Contains("RegisterSymbolAction", exception.Message, StringComparison.Ordinal);
    }

    private static Task<CSharpCompilation> CompileCodeAsync(string name) =>
        TestReferences.CompileAsync(name, ("Code.cs", Code.Replace("{{TOKEN}}", FakeToken.Make("ghp_", 36), StringComparison.Ordinal)));

    /// <summary>Asserts that the shipped host reports, by <paramref name="run"/>, what its rules report alone; returns the host's.</summary>
    private static async Task<List<string>> HostEqualsRulesAloneAsync(Func<DiagnosticAnalyzer, Task<List<string>>> run)
    {
        var host = new AgentSafetyAnalyzer();
        var hosted = await run(host);
        var alone = new List<string>();
        foreach (var rule in host.Rules)
        {
            alone.AddRange(await run(rule));
        }

        Assert.Equal(alone.OrderBy(d => d, StringComparer.Ordinal), hosted.OrderBy(d => d, StringComparer.Ordinal));
        return hosted;
    }

    private static async Task<List<string>> RunAsync(Compilation compilation, AnalyzerOptions options, DiagnosticAnalyzer analyzer) =>
        Described(await compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options).GetAnalyzerDiagnosticsAsync(CancellationToken.None));

    private static List<string> Described(IEnumerable<Diagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        return all.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} +{d.AdditionalLocations.Count}").ToList();
    }

    /// <summary>Counts the invocations and class declarations it is called for; reports nothing.</summary>
#pragma warning disable RS1001 // a test double, never loaded by a compiler
    private sealed class CountingRule : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        private readonly GeneratedCodeAnalysisFlags mode;
        private int invocations;
        private int classes;
        private int creations;

        public CountingRule(GeneratedCodeAnalysisFlags mode, string id = "COUNT001")
        {
            this.mode = mode;
            SupportedDiagnostics = ImmutableArray.Create(new DiagnosticDescriptor(id, "count", "count", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));
        }

        public int Invocations => invocations;

        public int Classes => classes;

        public int Creations => creations;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(mode);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterOperationAction(_ => Interlocked.Increment(ref invocations), OperationKind.Invocation);
                start.RegisterSyntaxNodeAction(_ => Interlocked.Increment(ref classes), SyntaxKind.ClassDeclaration);
                start.RegisterOperationAction(_ => Interlocked.Increment(ref creations), OperationKind.ObjectCreation);
            });
        }
    }

    /// <summary>Reports every invocation it is called for, having asked only for calls of methods named Delete.</summary>
#pragma warning disable RS1001 // a test double, never loaded by a compiler
    private sealed class NamedCallRule : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // a test double's rule, never released
        private static readonly DiagnosticDescriptor Called = new("NAME001", "called", "{0} called", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        private static readonly InvocationNames Deletes = InvocationNames.Of(new[] { "Delete" });

        private readonly InvocationNames names;

        public NamedCallRule(InvocationNames? names = null) => this.names = names ?? Deletes;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Called);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterInvocationAction(
                () => names,
                c => c.ReportDiagnostic(Diagnostic.Create(Called, c.Operation.Syntax.GetLocation(), ((Microsoft.CodeAnalysis.Operations.IInvocationOperation)c.Operation).TargetMethod.Name))));
        }
    }

    /// <summary>Reports every creation it is called for, having asked only for types of one name.</summary>
#pragma warning disable RS1001 // a test double, never loaded by a compiler
    private sealed class NamedCreationRule : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
#pragma warning disable RS2008 // a test double's rule, never released
        private static readonly DiagnosticDescriptor Created = new("NAME002", "created", "{0} created", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);
#pragma warning restore RS2008

        private readonly string typeName;

        public NamedCreationRule(string typeName) => this.typeName = typeName;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Created);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterCreationAction(
                name => name == typeName,
                c => c.ReportDiagnostic(Diagnostic.Create(Created, c.Operation.Syntax.GetLocation(), c.Operation.Type?.Name))));
        }
    }

    /// <summary>Registers a symbol action, which the host does not share out.</summary>
#pragma warning disable RS1001 // a test double, never loaded by a compiler
    private sealed class SymbolRule : DiagnosticAnalyzer
#pragma warning restore RS1001
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(new DiagnosticDescriptor("SYM001", "symbol", "symbol", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterSymbolAction(_ => { }, SymbolKind.NamedType));
        }
    }
}
