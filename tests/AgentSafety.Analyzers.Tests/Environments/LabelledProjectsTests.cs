using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Environments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using AgentSafety.Analyzers.Tests.Verifiers;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>
/// A labelled set of small projects, in the shape of the held-out set: each mixed project must be reported at every
/// connection string of both sides, and no single-environment project at all. Each project is compiled on its own.
/// </summary>
public class LabelledProjectsTests
{
    /// <summary>A project: C# sources and configuration files, and the marked connection strings that must be reported.</summary>
    public sealed record Project(string Name, bool Mixed, (string Path, string Text)[] Files);

    // "⟦" and "⟧" mark a connection string that must be reported; they are removed before compiling.
    private static readonly Project[] Projects =
    {
        new("incident: staging tool with both strings in C#", true, new[]
        {
            ("Tool.cs", """
                using Npgsql;
                static class Tool
                {
                    const string Staging = ⟦"Host=staging-db.pocketops.internal;Database=pocketops;Username=ops"⟧;
                    const string Production = ⟦"Host=prod-db.pocketops.internal;Database=pocketops;Username=ops"⟧;
                    static NpgsqlConnection Open(bool prod) => new NpgsqlConnection(prod ? Production : Staging);
                }
                """),
        }),
        new("appsettings per environment", true, new[]
        {
            ("Program.cs", "class Program { static void Main() { } }"),
            ("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Warning" } } }"""),
            ("appsettings.Production.json", """{ "ConnectionStrings": { "Default": ⟦"Server=sql.internal;Database=shop;User Id=shop"⟧ } }"""),
            ("appsettings.Staging.json", """{ "ConnectionStrings": { "Default": ⟦"Server=sql.internal;Database=shop;User Id=shop"⟧ } }"""),
        }),
        new("development and production appsettings", true, new[]
        {
            ("Program.cs", "class Program { static void Main() { } }"),
            ("appsettings.Development.json", """{ "ConnectionStrings": { "Db": ⟦"Host=localhost;Port=5432;Database=orders"⟧ } }"""),
            ("appsettings.json", """{ "ConnectionStrings": { "Db": ⟦"Host=orders-prd.postgres.database.azure.com;Database=orders;Ssl Mode=Require"⟧ } }"""),
        }),
        new("key-named pair in one file", true, new[]
        {
            ("Program.cs", "class Program { static void Main() { } }"),
            ("appsettings.json", """
                {
                  "ConnectionStrings": {
                    "Production": ⟦"Data Source=sql1.corp;Initial Catalog=crm;Integrated Security=true"⟧,
                    "QA": ⟦"Data Source=sql2.corp;Initial Catalog=crm;Integrated Security=true"⟧
                  }
                }
                """),
        }),
        new("mongo and redis URLs in C#, production in JSON", true, new[]
        {
            ("Cache.cs", """
                class Cache
                {
                    public const string Redis = ⟦"redis://dev-cache.internal:6379"⟧;
                }
                """),
            ("appsettings.json", """{ "Mongo": { "Url": ⟦"mongodb+srv://app@live-cluster.abcd.mongodb.net/catalog"⟧ } }"""),
        }),
        new(".env files", true, new[]
        {
            ("Program.cs", "class Program { static void Main() { } }"),
            (".env.production", "DATABASE_URL=⟦postgres://app@db.internal:5432/app⟧\n"),
            (".env.development", "DATABASE_URL=⟦postgres://app@localhost:5432/app⟧\n"),
        }),
        new("Azure storage and Service Bus", true, new[]
        {
            ("Storage.cs", """
                class Storage
                {
                    const string Dev = ⟦"UseDevelopmentStorage=true"⟧;
                    const string Bus = ⟦"Endpoint=sb://orders-prod.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=placeholder"⟧;
                }
                """),
        }),
        new("SQL Server strings with verbatim and concatenation", true, new[]
        {
            ("Db.cs", """
                class Db
                {
                    const string ProdHost = "sql-prod-01.corp";
                    public const string Main = ⟦"Server=" + ProdHost + ";Database=erp;Trusted_Connection=True"⟧;
                    public static string Uat(string password) => ⟦$"Server=sql-uat.corp;Database=erp;User Id=erp;Password={password}"⟧;
                }
                """),
        }),
        new("production-only service", false, new[]
        {
            ("Db.cs", """
                class Db
                {
                    const string Main = "Host=prod-db.example.com;Database=shop;Username=app";
                }
                """),
            ("appsettings.json", """{ "ConnectionStrings": { "Shop": "Host=prod-db.example.com;Database=shop" } }"""),
            ("appsettings.Production.json", """{ "ConnectionStrings": { "Shop": "Host=db.internal;Database=shop" } }"""),
        }),
        new("development-only tool", false, new[]
        {
            ("Db.cs", """
                class Db
                {
                    const string Local = "Server=(localdb)\\MSSQLLocalDB;Database=tool;Trusted_Connection=True";
                    const string Docker = "Host=host.docker.internal;Database=tool;Username=postgres";
                }
                """),
            ("appsettings.Development.json", """{ "ConnectionStrings": { "Tool": "Host=localhost;Database=tool" } }"""),
        }),
        new("test project with QA and localhost", false, new[]
        {
            ("Fixture.cs", """
                class Fixture
                {
                    const string Qa = "Host=qa-db.internal;Database=orders_test;Username=ci";
                    const string Local = "mongodb://localhost:27017/orders_test";
                }
                """),
        }),
        new("staging-only deployment", false, new[]
        {
            ("Program.cs", "class Program { static void Main() { } }"),
            ("appsettings.Staging.json", """{ "ConnectionStrings": { "Main": "Host=db.internal;Database=main" } }"""),
            (".env.staging", "DATABASE_URL=postgres://app@stg-db.internal/main\n"),
        }),
        new("unknown hosts only", false, new[]
        {
            ("Db.cs", """
                class Db
                {
                    const string A = "Host=db1.internal;Database=shop;Username=app";
                    const string B = "Server=tcp:acme.database.windows.net,1433;Initial Catalog=acme;Encrypt=True";
                    const string C = "mongodb://app@mongo.internal:27017/acme";
                }
                """),
            ("appsettings.json", """{ "ConnectionStrings": { "Default": "Host=pg.internal;Database=acme" } }"""),
        }),
        new("word-boundary decoys beside staging", false, new[]
        {
            ("Db.cs", """
                class Db
                {
                    const string Catalog = "Host=product-catalog.example.com;Database=product_catalog;Username=app";
                    const string Deliveries = "Host=livestream.example.com;Database=deliveries;Username=app";
                    const string Latest = "Host=reproducer.example.com;Database=latest;Username=app";
                    const string Staging = "Host=staging-db.example.com;Database=shop;Username=app";
                }
                """),
        }),
        new("environment variable names and URLs that are not connection strings", false, new[]
        {
            ("Config.cs", """
                using System;
                class Config
                {
                    static string Prod => Environment.GetEnvironmentVariable("PROD_DATABASE_URL") ?? "";
                    static string Stg => Environment.GetEnvironmentVariable("ConnectionStrings__Staging") ?? "";
                    const string Api = "https://api.prod.example.com/v1?region=eu;tier=gold";
                    const string Query = "SELECT id FROM staging_orders WHERE env = 'prod'; -- report";
                }
                """),
        }),
        new("broken production JSON beside staging C#", false, new[]
        {
            ("Db.cs", """
                class Db
                {
                    const string Staging = "Host=staging-db.example.com;Database=shop;Username=app";
                }
                """),
            ("appsettings.Production.json", """{ "ConnectionStrings": { "Default": "Host=prod-db.example.com;Database=shop" """),
        }),
    };

    public static IEnumerable<object[]> Names() => Projects.Select(p => new object[] { p.Name });

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Mixed_projects_are_reported_at_every_side_and_others_are_quiet(string name)
    {
        var project = Projects.Single(p => p.Name == name);
        var expected = new List<(string Path, TextSpan Span)>();
        var trees = new List<SyntaxTree>();
        var additional = new List<AdditionalText>();
        foreach (var (path, marked) in project.Files)
        {
            var (text, spans) = Unmark(marked);
            expected.AddRange(spans.Select(s => (path, s)));
            if (path.EndsWith(".cs", System.StringComparison.Ordinal))
            {
                trees.Add(CSharpSyntaxTree.ParseText(text, path: path));
            }
            else
            {
                additional.Add(new InMemoryAdditionalText(path, text));
            }
        }

        Assert.Equal(project.Mixed, expected.Count > 0);

        var compilation = CSharpCompilation.Create(
            "P",
            trees,
            Verifiers.TestReferences.SdkReferences.Add(MetadataReference.CreateFromFile(typeof(object).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MixedEnvironmentConnectionStringsAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional.ToImmutableArray()), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);

        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        var actual = diagnostics
            .Where(d => d.Id == RuleIdentifiers.MixedEnvironmentConnectionStrings)
            .Select(d => (d.Location.GetLineSpan().Path, d.Location.SourceSpan))
            .OrderBy(x => x.Path, System.StringComparer.Ordinal).ThenBy(x => x.SourceSpan.Start)
            .ToList();
        Assert.Equal(
            expected.OrderBy(x => x.Path, System.StringComparer.Ordinal).ThenBy(x => x.Span.Start).ToList(),
            actual);
    }

    private static (string Text, List<TextSpan> Spans) Unmark(string marked)
    {
        var builder = new System.Text.StringBuilder();
        var spans = new List<TextSpan>();
        var start = -1;
        foreach (var c in marked)
        {
            if (c == '⟦')
            {
                start = builder.Length;
            }
            else if (c == '⟧')
            {
                spans.Add(TextSpan.FromBounds(start, builder.Length));
            }
            else
            {
                builder.Append(c);
            }
        }

        return (builder.ToString(), spans);
    }
}
