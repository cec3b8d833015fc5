using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Environments;
using AgentSafety.Analyzers.CodeFixes.Environments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Fix = AgentSafety.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    AgentSafety.Analyzers.Environments.MixedEnvironmentConnectionStringsAnalyzer,
    AgentSafety.Analyzers.CodeFixes.Environments.MixedEnvironmentConnectionStringsCodeFix>;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>
/// The fix guards the use. A string whose every use is then guarded is no longer reported; one with a use left unguarded
/// still is (FixedState lists what remains), and no second fix is offered on an already guarded use.
/// </summary>
public class MixedEnvironmentConnectionStringsCodeFixTests
{
    private static DiagnosticResult Diagnostic(int markup) =>
        new DiagnosticResult(RuleIdentifiers.MixedEnvironmentConnectionStrings, DiagnosticSeverity.Warning)
            .WithLocation(markup)
            .WithOptions(DiagnosticOptions.IgnoreAdditionalLocations);

    private static Task RunAsync(string source, string fixedSource, int diagnostics) =>
        RunAsync(source, fixedSource, Enumerable.Range(0, diagnostics).ToArray(), Enumerable.Range(0, diagnostics).ToArray());

    private static Task RunAsync(string source, string fixedSource, int[] before, int[] after)
    {
        var test = new Fix.Test
        {
            TestCode = source,
            FixedCode = fixedSource,

            // ASA301 is reported at compilation end (it needs both sides), so its diagnostics are not local to a tree,
            // which the testing library rejects for a code fix by default. Fix All and the compile check stay on.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        foreach (var i in before)
        {
            test.ExpectedDiagnostics.Add(Diagnostic(i));
        }

        foreach (var i in after)
        {
            test.FixedState.ExpectedDiagnostics.Add(Diagnostic(i));
        }

        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Wraps_a_literal_passed_to_a_connection_constructor()
    {
        const string source = """
            using Npgsql;

            class Db
            {
                static NpgsqlConnection Production() => new NpgsqlConnection({|#0:"Host=prod-db.example.com;Database=shop;Username=app"|});
                static NpgsqlConnection Staging() => new NpgsqlConnection({|#1:"Host=staging-db.example.com;Database=shop;Username=app"|});
            }
            """;
        const string fixedSource = """
            using AgentSafety.Guards;
            using Npgsql;

            class Db
            {
                static NpgsqlConnection Production() => new NpgsqlConnection(EnvironmentGuard.Connection({|#0:"Host=prod-db.example.com;Database=shop;Username=app"|}));
                static NpgsqlConnection Staging() => new NpgsqlConnection(EnvironmentGuard.Connection({|#1:"Host=staging-db.example.com;Database=shop;Username=app"|}));
            }
            """;
        // Every use is guarded now: nothing is left to report.
        await RunAsync(source, fixedSource, new[] { 0, 1 }, Array.Empty<int>());
    }

    [Fact]
    public async Task Wraps_the_uses_of_a_constant()
    {
        const string source = """
            using Microsoft.Data.SqlClient;
            using Npgsql;

            class Db
            {
                const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
                const string Staging = {|#1:"Server=stg-sql.example.com;Database=shop;User Id=app"|};

                static NpgsqlConnection Open() => new NpgsqlConnection(Production);
                static NpgsqlDataSource Source() => NpgsqlDataSource.Create(Db.Production);
                static SqlConnection OpenStaging() => new SqlConnection(Staging);
                static string Describe() => Production.Substring(0, 4);
            }
            """;
        const string fixedSource = """
            using AgentSafety.Guards;
            using Microsoft.Data.SqlClient;
            using Npgsql;

            class Db
            {
                const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
                const string Staging = {|#1:"Server=stg-sql.example.com;Database=shop;User Id=app"|};

                static NpgsqlConnection Open() => new NpgsqlConnection(EnvironmentGuard.Connection(Production));
                static NpgsqlDataSource Source() => NpgsqlDataSource.Create(EnvironmentGuard.Connection(Db.Production));
                static SqlConnection OpenStaging() => new SqlConnection(EnvironmentGuard.Connection(Staging));
                static string Describe() => Production.Substring(0, 4);
            }
            """;
        // Describe() still reads the production string unguarded; the staging one is guarded wherever it is used.
        await RunAsync(source, fixedSource, new[] { 0, 1 }, new[] { 0 });
    }

    [Fact]
    public async Task Wraps_the_argument_of_a_Use_method()
    {
        const string source = """
            using AgentSafety.Guards;

            static class Setup
            {
                public static void UseDatabase(this Options options, string cs) { }

                static void Configure(Options options)
                {
                    options.UseDatabase({|#0:"Host=prod-db.example.com;Database=shop;Username=app"|});
                    options.UseDatabase({|#1:"Host=localhost;Database=shop;Username=app"|});
                }
            }

            class Options { }
            """;
        const string fixedSource = """
            using AgentSafety.Guards;

            static class Setup
            {
                public static void UseDatabase(this Options options, string cs) { }

                static void Configure(Options options)
                {
                    options.UseDatabase(EnvironmentGuard.Connection({|#0:"Host=prod-db.example.com;Database=shop;Username=app"|}));
                    options.UseDatabase(EnvironmentGuard.Connection({|#1:"Host=localhost;Database=shop;Username=app"|}));
                }
            }

            class Options { }
            """;
        await RunAsync(source, fixedSource, new[] { 0, 1 }, Array.Empty<int>());
    }

    [Fact]
    public async Task Wraps_a_redis_configuration_passed_to_Connect()
    {
        const string source = """
            using AgentSafety.Guards;
            using StackExchange.Redis;

            class Cache
            {
                static ConnectionMultiplexer Production() => ConnectionMultiplexer.Connect({|#0:"prod-cache.internal:6379,ssl=true,abortConnect=false"|});
                static ConnectionMultiplexer Staging() => ConnectionMultiplexer.Connect(EnvironmentGuard.Connection({|#1:"stg-cache.internal:6379,ssl=true"|}));
            }
            """;
        const string fixedSource = """
            using AgentSafety.Guards;
            using StackExchange.Redis;

            class Cache
            {
                static ConnectionMultiplexer Production() => ConnectionMultiplexer.Connect(EnvironmentGuard.Connection({|#0:"prod-cache.internal:6379,ssl=true,abortConnect=false"|}));
                static ConnectionMultiplexer Staging() => ConnectionMultiplexer.Connect(EnvironmentGuard.Connection({|#1:"stg-cache.internal:6379,ssl=true"|}));
            }
            """;
        // The staging configuration is guarded already, so only the production one is reported, and fixed.
        await RunAsync(source, fixedSource, new[] { 0 }, Array.Empty<int>());
    }

    [Fact]
    public async Task No_fix_where_the_string_does_not_reach_a_connection()
    {
        const string source = """
            using System;

            class Db
            {
                static readonly string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
                const string Staging = {|#1:"Host=staging-db.example.com;Database=shop;Username=app"|};

                static void Print() => Console.WriteLine(Staging);
            }
            """;
        await RunAsync(source, source, 2);
    }

    [Fact]
    public async Task No_fix_when_only_the_name_says_the_environment()
    {
        // The guard classifies the string, not its name: wrapping "db1.internal" would look safe and refuse nothing.
        const string source = """
            using Npgsql;

            class Db
            {
                static NpgsqlConnection ProductionDb() => new NpgsqlConnection(ProductionConnection);
                const string ProductionConnection = {|#0:"Host=db1.internal;Database=shop;Username=app"|};
                const string StagingConnection = {|#1:"Host=db2.internal;Database=shop;Username=app"|};
                static NpgsqlConnection StagingDb() => new NpgsqlConnection(StagingConnection);
            }
            """;
        await RunAsync(source, source, 2);
    }
}
