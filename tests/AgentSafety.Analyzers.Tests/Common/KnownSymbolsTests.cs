using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Common;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Common;

public class KnownSymbolsTests
{
    private const string Source = @"
using System.Data.Common;
namespace App
{
    public class Runner { public void ExecuteAll() { } }
    public class Job : Runner { }
    public class Process { }
    public abstract class AuditedCommand : DbCommand { }
    public class ReportCommand : AuditedCommand { protected override DbConnection DbConnection { get; set; } = null!; protected override DbParameterCollection DbParameterCollection => null!; protected override DbTransaction DbTransaction { get; set; } = null!; public override string CommandText { get; set; } = """"; public override int CommandTimeout { get; set; } public override System.Data.CommandType CommandType { get; set; } public override bool DesignTimeVisible { get; set; } public override System.Data.UpdateRowSource UpdatedRowSource { get; set; } public override void Cancel() { } public override int ExecuteNonQuery() => 0; public override object ExecuteScalar() => null!; public override void Prepare() { } protected override DbParameter CreateDbParameter() => null!; protected override DbDataReader ExecuteDbDataReader(System.Data.CommandBehavior behavior) => null!; }
    public class DbCommandLookalike { }
}
namespace Fake.Data.Common { public class DbCommand { } public class Sub : DbCommand { } }";

    [Fact]
    public async Task Types_of_other_names_are_answered_without_looking_the_known_type_up()
    {
        var compilation = await TestReferences.CompileAsync("KnownSymbolsNames", ("Types.cs", Source));
        var symbols = KnownSymbols.For(compilation);

        Assert.False(symbols.IsDbCommand(compilation.GetTypeByMetadataName("App.Job")));
        Assert.False(symbols.IsHttp(compilation.GetTypeByMetadataName("App.Runner")));
        Assert.False(symbols.IsRedis(compilation.GetTypeByMetadataName("App.Runner")));
        Assert.False(symbols.IsSqlExtension(compilation.GetTypeByMetadataName("App.Runner")));
        Assert.False(symbols.IsProcessStartInfo(compilation.GetTypeByMetadataName("App.Job")));
        Assert.Equal(0, symbols.Lookups);
    }

    [Fact]
    public async Task A_type_of_the_known_name_is_decided_by_its_symbol()
    {
        var compilation = await TestReferences.CompileAsync("KnownSymbolsSymbols", ("Types.cs", Source));
        var symbols = KnownSymbols.For(compilation);

        // App.Process has the name of System.Diagnostics.Process, and a base chain of that name is only looked up.
        Assert.False(symbols.IsProcess(compilation.GetTypeByMetadataName("App.Process")));
        Assert.False(symbols.IsDbCommand(compilation.GetTypeByMetadataName("Fake.Data.Common.Sub")));
        Assert.True(symbols.IsDbCommand(compilation.GetTypeByMetadataName("App.ReportCommand")));
        Assert.True(symbols.IsDbCommand(compilation.GetTypeByMetadataName("Npgsql.NpgsqlCommand")));
        Assert.True(symbols.IsDbCommand(compilation.GetTypeByMetadataName("System.Data.IDbCommand")));
        Assert.True(symbols.IsHttp(compilation.GetTypeByMetadataName("System.Net.Http.HttpClient")));
        Assert.True(symbols.IsRedis(compilation.GetTypeByMetadataName("StackExchange.Redis.IDatabase")));
        Assert.True(symbols.Lookups > 0);
    }

    [Fact]
    public async Task A_type_asked_after_another_gets_its_own_verdict_not_the_last_ones()
    {
        var compilation = await TestReferences.CompileAsync("KnownSymbolsLast", ("Types.cs", Source));
        var symbols = KnownSymbols.For(compilation);
        var command = compilation.GetTypeByMetadataName("App.ReportCommand");
        var other = compilation.GetTypeByMetadataName("Fake.Data.Common.Sub");
        var npgsql = compilation.GetTypeByMetadataName("Npgsql.NpgsqlCommand");

        // Runs of one type, then a switch, in both directions: the verdict of the type asked last is kept for repeats only.
        var asked = new[] { command, command, other, other, command, npgsql, other, command, other };
        Assert.Equal(
            new[] { true, true, false, false, true, true, false, true, false },
            asked.Select(type => symbols.IsDbCommand(type)).ToArray());
    }

    [Fact]
    public async Task Compilations_with_the_same_references_share_one_lookup_of_the_destructive_operation_attribute()
    {
        var with = await TestReferences.CompileAsync("KnownSymbolsGuards", ("Types.cs", Source));
        var without = with.WithReferences(with.References.Where(r => r.Display?.Contains("AgentSafety.Guards", System.StringComparison.Ordinal) != true));
        Assert.Equal(with.References.Count() - 1, without.References.Count());
        KnownSymbols.ReferencesVerdict? last = null;

        Assert.True(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(with, ref last));
        Assert.Equal(1, KnownSymbols.For(with).Lookups);

        // A clone and an edit keep the references: answered from the last verdict, with no lookup of their own.
        var clone = with.Clone();
        var edited = with.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Added { }", (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)with.SyntaxTrees.First().Options));
        Assert.True(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(clone, ref last));
        Assert.True(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(edited, ref last));
        Assert.Equal(0, KnownSymbols.For(clone).Lookups);
        Assert.Equal(0, KnownSymbols.For(edited).Lookups);

        // Other references, then the first again: each is looked up, and each answer is its own.
        Assert.False(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(without, ref last));
        Assert.Equal(1, KnownSymbols.For(without).Lookups);
        Assert.False(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(without.Clone(), ref last));
        Assert.True(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(with.Clone(), ref last));

        // Another assembly name is not answered from the last verdict (what metadata shows can depend on it).
        var renamed = without.WithAssemblyName("Other");
        Assert.False(KnownSymbols.ReferencesDefineDestructiveOperationAttribute(renamed, ref last));
        Assert.Equal(1, KnownSymbols.For(renamed).Lookups);
    }
}
