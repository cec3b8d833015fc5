using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Environments.MixedEnvironmentConnectionStringsAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>
/// ASA301 and <c>AgentSafety.Guards.EnvironmentGuard.Connection</c>, the call its code fix writes: a guarded string is
/// not reported, but still counts as a side, so the unguarded other side is reported naming it.
/// </summary>
public class GuardedConnectionStringsTests
{
    private const string ProductionTarget = "host 'prod-db.example.com', database 'shop'";
    private const string StagingTarget = "host 'staging-db.example.com', database 'shop'";

    private static DiagnosticResult Diagnostic() => Verify.Diagnostic(RuleIdentifiers.MixedEnvironmentConnectionStrings);

    [Fact]
    public async Task Guarded_literals_on_both_sides_are_quiet()
    {
        const string source = """
            using AgentSafety.Guards;
            using Npgsql;

            class Db
            {
                static NpgsqlConnection Production() => new NpgsqlConnection(EnvironmentGuard.Connection("Host=prod-db.example.com;Database=shop;Username=app"));
                static NpgsqlConnection Staging() => new NpgsqlConnection(AgentSafety.Guards.EnvironmentGuard.Connection(("Host=staging-db.example.com;Database=shop;Username=app"), "Staging"));
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Constants_and_locals_whose_every_use_is_guarded_are_quiet()
    {
        const string source = """
            using static AgentSafety.Guards.EnvironmentGuard;
            using Npgsql;

            class Db
            {
                const string Production = "Host=prod-db.example.com;Database=shop;Username=app";
                static readonly string Staging = "Host=staging-db.example.com;Database=shop;Username=app";

                static NpgsqlConnection Open() => new NpgsqlConnection(Connection(Production));
                static NpgsqlDataSource Source() => NpgsqlDataSource.Create(Connection(Db.Production));
                static NpgsqlConnection OpenStaging() => new NpgsqlConnection(Connection(connectionString: Staging, environmentName: "Staging"));

                static NpgsqlConnection Local()
                {
                    const string test = "Host=qa-db.example.com;Database=shop_test;Username=app";
                    return new NpgsqlConnection(Connection(test));
                }
            }
            """;
        await Verify.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task Constant_with_one_unguarded_use_is_still_reported()
    {
        const string source = """
            using AgentSafety.Guards;
            using Npgsql;

            class Db
            {
                const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
                const string Staging = {|#1:"Host=staging-db.example.com;Database=shop;Username=app"|};

                static NpgsqlConnection Open() => new NpgsqlConnection(EnvironmentGuard.Connection(Production));
                static NpgsqlConnection Raw() => new NpgsqlConnection(Production);
                static NpgsqlConnection OpenStaging() => new NpgsqlConnection(EnvironmentGuard.Connection(Staging));
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("production", ProductionTarget, "staging", "Test0.cs(7,28)"));
    }

    [Fact]
    public async Task Unused_constant_is_not_guarded()
    {
        // "Every use is guarded" holds for a constant with no use at all; it guards nothing, so it is still reported.
        const string source = """
            using AgentSafety.Guards;
            using Npgsql;

            class Db
            {
                const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
                static NpgsqlConnection Staging() => new NpgsqlConnection(EnvironmentGuard.Connection({|#1:"Host=staging-db.example.com;Database=shop;Username=app"|}));
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("production", ProductionTarget, "staging", "Test0.cs(7,91)"));
    }

    [Fact]
    public async Task Unguarded_side_is_reported_naming_the_guarded_one()
    {
        const string source = """
            using AgentSafety.Guards;
            using Npgsql;

            class Db
            {
                const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};

                static NpgsqlConnection Open() => new NpgsqlConnection(EnvironmentGuard.Connection(Production));
                static NpgsqlConnection Staging() => new NpgsqlConnection({|#1:"Host=staging-db.example.com;Database=shop;Username=app"|});
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Diagnostic().WithLocation(1).WithLocation(0).WithArguments("staging", StagingTarget, "production", "Test0.cs(6,31)"));
    }

    [Fact]
    public async Task A_projects_own_EnvironmentGuard_does_not_guard()
    {
        const string source = """
            using MyApp.Safety;
            using Npgsql;

            namespace MyApp.Safety
            {
                static class EnvironmentGuard
                {
                    public static string Connection(string connectionString) => connectionString;
                }
            }

            class Db
            {
                const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};

                static NpgsqlConnection Open() => new NpgsqlConnection(EnvironmentGuard.Connection(Production));
                static NpgsqlConnection Staging() => new NpgsqlConnection(EnvironmentGuard.Connection({|#1:"Host=staging-db.example.com;Database=shop;Username=app"|}));
            }
            """;
        await Verify.VerifyAnalyzerAsync(
            source,
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("production", ProductionTarget, "staging", "Test0.cs(17,91)"),
            Diagnostic().WithLocation(1).WithLocation(0).WithArguments("staging", StagingTarget, "production", "Test0.cs(14,31)"));
    }

    [Fact]
    public async Task Top_level_local_used_unguarded_in_another_statement_is_still_reported()
    {
        const string source = """
            using AgentSafety.Guards;
            using Npgsql;

            var production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
            using var guarded = new NpgsqlConnection(EnvironmentGuard.Connection(production));
            using var raw = new NpgsqlConnection(production);
            using var staging = new NpgsqlConnection(EnvironmentGuard.Connection({|#1:"Host=staging-db.example.com;Database=shop;Username=app"|}));
            """;
        var test = new Verify.Test { TestCode = source };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(
            Diagnostic().WithLocation(0).WithLocation(1).WithArguments("production", ProductionTarget, "staging", "Test0.cs(7,70)"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Configuration_file_is_never_guarded()
    {
        const string source = """
            using AgentSafety.Guards;
            using Npgsql;

            class Db
            {
                static NpgsqlConnection Staging() => new NpgsqlConnection(EnvironmentGuard.Connection({|#0:"Host=staging-db.example.com;Database=shop;Username=app"|}));
            }
            """;
        var test = new Verify.Test { TestCode = source, TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        test.TestState.AdditionalFiles.Add(("appsettings.Production.json", """{ "ConnectionStrings": { "Default": "Host=db.internal;Database=shop" } }"""));
        test.ExpectedDiagnostics.Add(
            Diagnostic().WithLocation("appsettings.Production.json", 1, 37).WithLocation(0)
                .WithArguments("production", "host 'db.internal', database 'shop'", "staging", "Test0.cs(6,91)"));
        await test.RunAsync(CancellationToken.None);
    }
}
