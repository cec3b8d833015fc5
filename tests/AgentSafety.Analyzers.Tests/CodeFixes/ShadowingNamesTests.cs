using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Destructive;
using AgentSafety.Analyzers.CodeFixes.Environments;
using AgentSafety.Analyzers.CodeFixes.Secrets;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Environments;
using AgentSafety.Analyzers.Secrets;
using AgentSafety.Analyzers.Tests.Secrets;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace AgentSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// Every fix in a project whose own names are in scope where the fix writes its code: a namespace <c>Ops.Destructive</c>
/// (the code lives in <c>Ops.App</c>), enums and classes named <c>Environment</c>, <c>EnvironmentGuard</c> and
/// <c>Destructive</c>, and a <c>Destructive</c> class with a <c>RunAsync</c> of its own that guards nothing. The fixed
/// code must compile, and the inserted calls must bind to AgentSafety.Guards and System, not to the user's types.
/// </summary>
public class ShadowingNamesTests
{
    private static readonly Dictionary<string, string> Shadows = new()
    {
        ["namespace"] = """
            namespace Ops.Destructive { public class Marker { } }
            namespace Ops.Environment { public class Marker { } }
            namespace Ops.EnvironmentGuard { public class Marker { } }
            """,
        ["enum"] = """
            namespace Ops.App
            {
                public enum Environment { Staging, Production }
                public enum EnvironmentGuard { Off, On }
                public enum Destructive { No, Yes }
            }
            """,
        ["class"] = """
            namespace Ops.App
            {
                public class Environment { }
                public static class EnvironmentGuard { public static string Connection(string value) => value; }
                public class Destructive { }
            }
            """,
        ["user Destructive with its own RunAsync"] = """
            namespace Ops.App
            {
                using System;
                using System.Threading;
                using System.Threading.Tasks;

                // Looks like the guard, approves everything.
                public static class Destructive
                {
                    public static Task RunAsync(string action, string resource, Func<CancellationToken, Task> operation) => operation(CancellationToken.None);
                    public static Task<T> RunAsync<T>(string action, string resource, Func<CancellationToken, Task<T>> operation) => operation(CancellationToken.None);
                    public static void Run(string action, string resource, Action operation) => operation();
                }
            }
            """,
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var fix in new[] { "ASA101", "ASA201", "ASA202", "ASA301" })
        {
            foreach (var shadow in Shadows.Keys)
            {
                data.Add(fix, shadow);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fix_compiles_and_binds_to_the_real_guard_with_a_shadowing_name_in_scope(string rule, string shadow)
    {
        var (code, fixer, analyzer, method, type) = rule switch
        {
            "ASA101" => ($$"""
                namespace Ops.App
                {
                    public static class Settings
                    {
                        public static string Header() => "Bearer {{FakeToken.Make("ghp_", 36)}}";
                    }
                }
                """, (CodeFixProvider)new ReadSecretFromEnvironmentCodeFix(), (DiagnosticAnalyzer)new SecretsAnalyzer(), "GetEnvironmentVariable", "System.Environment"),
            "ASA201" => ("""
                namespace Ops.App
                {
                    using System.Threading.Tasks;
                    using Amazon.S3;

                    public static class Cleanup
                    {
                        public static async Task Run(IAmazonS3 s3, string bucket) => await s3.DeleteBucketAsync(bucket);
                    }
                }
                """, new WrapInConfirmationGuardCodeFix(), new UnguardedDestructiveCallAnalyzer(), "RunAsync", "AgentSafety.Guards.Destructive"),
            "ASA202" => ("""
                namespace Ops.App
                {
                    using Microsoft.Data.SqlClient;

                    public static class Cleanup
                    {
                        public static void Run(SqlConnection connection)
                        {
                            using var cmd = new SqlCommand("DROP TABLE orders", connection);
                            cmd.ExecuteNonQuery();
                        }
                    }
                }
                """, new WrapInConfirmationGuardCodeFix(), new DestructiveCommandTextAnalyzer(), "Run", "AgentSafety.Guards.Destructive"),
            _ => ("""
                namespace Ops.App
                {
                    using Npgsql;

                    public static class Db
                    {
                        public static NpgsqlConnection Production() => new NpgsqlConnection("Host=prod-db.example.com;Database=shop;Username=app");
                        public static NpgsqlConnection Staging() => new NpgsqlConnection("Host=staging-db.example.com;Database=shop;Username=app");
                    }
                }
                """, new MixedEnvironmentConnectionStringsCodeFix(), new MixedEnvironmentConnectionStringsAnalyzer(), "Connection", "AgentSafety.Guards.EnvironmentGuard"),
        };

        var source = code + "\n" + Shadows[shadow];
        var fixedSource = await FixedProgram.FixAsync(source, fixer, analyzer);

        var compilation = await TestReferences.CompileAsync("Shadowed", ("Program.cs", fixedSource));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => e.ToString())) + "\n" + fixedSource);

        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var calls = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == method)
            .Select(i => model.GetSymbolInfo(i).Symbol as IMethodSymbol)
            .Where(s => s is not null && s.ContainingNamespace.ToDisplayString() != "Ops.App")
            .ToArray();
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.Equal(type, c!.ContainingType.ToDisplayString()));
        Assert.DoesNotContain(tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>(), i =>
            i.Expression is MemberAccessExpressionSyntax m && m.Name.Identifier.ValueText == method
            && model.GetSymbolInfo(i).Symbol?.ContainingNamespace.ToDisplayString() == "Ops.App");
    }

    [Fact]
    public async Task No_guard_fix_where_AgentSafety_Guards_is_not_referenced()
    {
        const string source = """
            using System.Threading.Tasks;
            using Amazon.S3;

            public static class Cleanup
            {
                public static Task Run(IAmazonS3 s3, string bucket) => s3.DeleteBucketAsync(bucket);
            }
            """;
        using var workspace = new AdhocWorkspace();
        var references = (await TestReferences.AllAsync()).Where(r => !(r.Display ?? string.Empty).EndsWith("AgentSafety.Guards.dll", System.StringComparison.OrdinalIgnoreCase));
        var document = workspace.AddProject("NoGuards", LanguageNames.CSharp)
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddDocument("Cleanup.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        Assert.Null(compilation.GetTypeByMetadataName("AgentSafety.Guards.Destructive"));
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<DiagnosticAnalyzer>(new UnguardedDestructiveCallAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.NotEmpty(diagnostics);

        var offered = 0;
        foreach (var diagnostic in diagnostics)
        {
            await new WrapInConfirmationGuardCodeFix().RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (_, _) => offered++, System.Threading.CancellationToken.None));
        }

        Assert.Equal(0, offered);
    }
}
