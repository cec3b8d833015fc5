using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AgentSafety.Analyzers.Environments;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Environments.MixedEnvironmentConnectionStringsAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Environments;

public class MixedEnvironmentConnectionStringsAnalyzerTests
{
    private const string EmptyProgram = "class Program { static void Main() { } }";

    /// <summary>Location only; the message is compared only where a test names the arguments.</summary>
    private static DiagnosticResult Diagnostic() =>
        new(RuleIdentifiers.MixedEnvironmentConnectionStrings, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);

    /// <summary>
    /// For inputs where the harness's own suppression check does not apply: it puts a <c>#pragma warning disable</c> on
    /// top of every C# file, which shifts the C# location that a diagnostic in a JSON file names, and a test of
    /// <c>#pragma warning restore</c> re-enables what it disabled.
    /// </summary>
    private static Task VerifyWithoutSuppressionCheckAsync(string source, (string Path, string Text)[] files, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source, TestBehaviors = TestBehaviors.SkipSuppressionCheck };
        foreach (var file in files)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    private static DiagnosticResult DiagnosticWithMessage() => Verify.Diagnostic(RuleIdentifiers.MixedEnvironmentConnectionStrings);

    public class Valid
    {
        [Fact]
        public async Task Development_only_project_is_quiet()
        {
            const string source = """
                class Db
                {
                    const string Local = "Host=localhost;Database=shop;Username=app";
                    const string Tests = "Host=qa-db.internal;Database=shop_test;Username=app";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, new[]
            {
                ("appsettings.Development.json", """{ "ConnectionStrings": { "Default": "Host=localhost;Database=shop" } }"""),
                (".env.staging", "DATABASE_URL=postgres://app@db.internal/shop\n"),
            });
        }

        [Fact]
        public async Task Production_only_project_is_quiet()
        {
            const string source = """
                class Db
                {
                    const string Main = "Host=prod-db.example.com;Database=shop;Username=app";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, new[]
            {
                ("appsettings.json", """{ "ConnectionStrings": { "Default": "Host=db.internal;Database=shop" } }"""),
                ("appsettings.Production.json", """{ "ConnectionStrings": { "Default": "Host=db.internal;Database=shop" } }"""),
            });
        }

        [Fact]
        public async Task Unknown_hosts_beside_production_are_quiet()
        {
            const string source = """
                class Db
                {
                    const string A = "Host=db1.internal;Database=shop;Username=app";
                    const string B = "Server=sql.example.com;Initial Catalog=orders;User Id=app";
                    const string C = "Host=prod-db.example.com;Database=shop;Username=app";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task Word_boundary_decoys_are_not_production()
        {
            const string source = """
                class Db
                {
                    const string Catalog = "Host=product-catalog.example.com;Database=product_catalog;Username=app";
                    const string Devices = "Host=reproducer.example.com;Database=latest_devices;Username=app";
                    const string Stream = "Host=livestream.example.com;Database=productivity;Username=app";
                    const string Staging = "Host=staging-db.example.com;Database=shop;Username=app";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source);
        }

        [Fact]
        public async Task Environment_variable_names_are_not_connection_strings()
        {
            const string source = """
                using System;
                class Db
                {
                    static string Production() => Environment.GetEnvironmentVariable("PROD_DATABASE_URL") ?? "";
                    static string Staging() => Environment.GetEnvironmentVariable("ConnectionStrings__Staging") ?? "";
                    const string Url = "https://prod.example.com/api?key=value;x=1";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, new[]
            {
                ("appsettings.json", """{ "Hint": "set STAGING_DATABASE_URL=... and PROD_DATABASE_URL=..." }"""),
            });
        }

        [Fact]
        public async Task Broken_json_yields_nothing_and_does_not_crash()
        {
            const string source = """
                class Db
                {
                    const string Staging = "Host=staging-db.example.com;Database=shop;Username=app";
                }
                """;
            await Verify.VerifyAnalyzerAsync(source, new[]
            {
                ("appsettings.Production.json", "{ \"ConnectionStrings\": { \"Default\": \"Host=prod-db.example.com;Database=shop\" "),
                ("appsettings.json", "{ \"ConnectionStrings\": { \"Default\": \"Host=prod-db.example.com;Data"),
                ("appsettings.Local.json", "]]]}}}{\\\"\u0000\uFFFF"),
                ("appsettings.Other.json", ""),
            });
        }

        [Fact]
        public async Task Files_that_are_not_configuration_are_not_read()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                ("README.md", "Production: Host=prod-db.example.com;Database=shop\nStaging: Host=staging-db.example.com;Database=shop\n"),
            });
        }
    }

    public class Diagnostics
    {
        [Fact]
        public async Task Reports_production_and_staging_constants_at_each_side_naming_the_other()
        {
            const string source = """
                class Db
                {
                    const string Production = {|#0:"Host=prod-db.example.com;Database=shop;Username=app"|};
                    const string Staging = {|#1:"Host=staging-db.example.com;Database=shop;Username=app"|};
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                DiagnosticWithMessage().WithLocation(0).WithLocation(1)
                    .WithArguments("production", "host 'prod-db.example.com', database 'shop'", "staging", "Test0.cs(4,28)"),
                DiagnosticWithMessage().WithLocation(1).WithLocation(0)
                    .WithArguments("staging", "host 'staging-db.example.com', database 'shop'", "production", "Test0.cs(3,31)"));
        }

        [Fact]
        public async Task Reports_appsettings_pair_by_file_name()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                ("appsettings.json", "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } }\n}\n"),
                ("appsettings.Production.json", "{\n  \"ConnectionStrings\": {\n    \"Shop\": \"Host=db.internal;Database=shop;Username=app\"\n  }\n}\n"),
                ("appsettings.Staging.json", "{\n  \"ConnectionStrings\": {\n    \"Shop\": \"Host=db.internal;Database=shop;Username=app\"\n  }\n}\n"),
            },
            DiagnosticWithMessage().WithLocation("appsettings.Production.json", 3, 13).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("production", "host 'db.internal', database 'shop'", "staging", "appsettings.Staging.json(3,13)"),
            DiagnosticWithMessage().WithLocation("appsettings.Staging.json", 3, 13).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("staging", "host 'db.internal', database 'shop'", "production", "appsettings.Production.json(3,13)"));
        }

        [Fact]
        public async Task Reports_key_named_pair_in_one_file()
        {
            const string json = """
                {
                  // comments and trailing commas are allowed in appsettings files
                  "ConnectionStrings": {
                    "ProductionDb": "Host=db1.internal;Database=shop;Username=app",
                    "StagingDb": "Host=db2.internal;Database=shop;Username=app",
                    "ProductCatalog": "Host=db3.internal;Database=catalog;Username=app",
                  },
                }
                """;
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[] { ("appsettings.json", json) },
                Diagnostic().WithLocation("appsettings.json", 4, 21).WithLocation("appsettings.json", 5, 18),
                Diagnostic().WithLocation("appsettings.json", 5, 18).WithLocation("appsettings.json", 4, 21));
        }

        [Fact]
        public async Task Reports_mixed_csharp_and_json()
        {
            const string source = """
                using Npgsql;
                class Db
                {
                    static NpgsqlConnection Open() => new NpgsqlConnection({|#0:"Host=prod-db.example.com;Database=shop;Username=app"|});
                }
                """;
            await VerifyWithoutSuppressionCheckAsync(source, new[]
            {
                ("appsettings.Staging.json", """{ "ConnectionStrings": { "Shop": "Host=db.internal;Database=shop" } }"""),
            },
            Diagnostic().WithLocation(0).WithLocation("appsettings.Staging.json", 1, 34),
            Diagnostic().WithLocation("appsettings.Staging.json", 1, 34).WithLocation(0));
        }

        [Fact]
        public async Task Development_localhost_counts_as_non_production()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                ("appsettings.Development.json", """{"ConnectionStrings":{"Shop":"Server=(localdb)\\MSSQLLocalDB;Database=shop;Trusted_Connection=True"}}"""),
                ("appsettings.Production.json", """{"ConnectionStrings":{"Shop":"Server=tcp:shop.database.windows.net,1433;Database=shop;Encrypt=True"}}"""),
            },
            Diagnostic().WithLocation("appsettings.Development.json", 1, 30).WithLocation("appsettings.Production.json", 1, 30),
            Diagnostic().WithLocation("appsettings.Production.json", 1, 30).WithLocation("appsettings.Development.json", 1, 30));
        }

        [Fact]
        public async Task A_production_host_in_the_staging_file_is_production()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                ("appsettings.Staging.json", "{\"A\":\"Host=prod-db.example.com;Database=shop\",\n\"B\":\"Host=db.internal;Database=shop\"}"),
            },
            DiagnosticWithMessage().WithLocation("appsettings.Staging.json", 1, 6).WithLocation("appsettings.Staging.json", 2, 5)
                .WithArguments("production", "host 'prod-db.example.com', database 'shop'", "staging", "appsettings.Staging.json(2,5)"),
            Diagnostic().WithLocation("appsettings.Staging.json", 2, 5).WithLocation("appsettings.Staging.json", 1, 6));
        }

        [Fact]
        public async Task Reports_dotenv_files_by_name_and_urls()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                (".env.production", "# production\nexport DATABASE_URL=\"postgres://app@pg.internal:5432/shop\"\nREDIS_URL=rediss://cache.internal:6380\n"),
                ("staging.env", "MONGO=mongodb+srv://app@cluster0.example.mongodb.net/shop # staging cluster\n"),
            },
            Diagnostic().WithLocation(".env.production", 2, 21).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            Diagnostic().WithLocation(".env.production", 3, 11).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
            DiagnosticWithMessage().WithLocation("staging.env", 1, 7).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                .WithArguments("staging", "host 'cluster0.example.mongodb.net', database 'shop'", "production", ".env.production(2,21) and 1 more"));
        }

        [Fact]
        public async Task Reports_in_memory_configuration_keys_and_azure_strings()
        {
            const string source = """
                using System.Collections.Generic;
                class Settings
                {
                    static readonly Dictionary<string, string?> Production = new()
                    {
                        ["ConnectionStrings:Production"] = {|#0:"Host=db1.internal;Database=shop;Username=app"|},
                    };

                    static readonly Dictionary<string, string?> Sandbox = new()
                    {
                        { "ConnectionStrings:Sandbox", {|#1:"Host=db2.internal;Database=shop;Username=app"|} },
                    };

                    static string Storage => {|#2:"UseDevelopmentStorage=true"|};
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                DiagnosticWithMessage().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
                    .WithArguments("production", "host 'db1.internal', database 'shop'", "non-production", "Test0.cs(11,40) and 1 more"),
                Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task Reads_bare_hosts_only_in_the_connection_strings_section()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                ("appsettings.json", """{ "ConnectionStrings": { "Redis": "prod-redis.internal:6379", "Name": "Shop" }, "Cache": { "Host": "stg-redis.internal:6379" } }"""),
                ("appsettings.Development.json", """{ "ConnectionStrings": { "Redis": "localhost" } }"""),
            },
            Diagnostic().WithLocation("appsettings.Development.json", 1, 35).WithLocation("appsettings.json", 1, 35),
            Diagnostic().WithLocation("appsettings.json", 1, 35).WithLocation("appsettings.Development.json", 1, 35));
        }

        [Fact]
        public async Task Reports_xml_and_yaml_configuration()
        {
            await Verify.VerifyAnalyzerAsync(EmptyProgram, new[]
            {
                ("web.config", "<connectionStrings>\n  <add name=\"Production\" connectionString=\"Server=sql1.internal;Database=shop;User Id=app\" />\n</connectionStrings>\n"),
                ("settings.yaml", "database:\n  staging: Host=db.internal;Database=shop_stg\n"),
            },
            DiagnosticWithMessage().WithLocation("settings.yaml", 2, 12).WithLocation("web.config", 2, 43)
                .WithArguments("staging", "host 'db.internal', database 'shop_stg'", "production", "web.config(2,43)"),
            Diagnostic().WithLocation("web.config", 2, 43).WithLocation("settings.yaml", 2, 12));
        }

        [Fact]
        public async Task Reports_connection_string_builders_concatenations_and_interpolations()
        {
            const string source = """
                using Npgsql;
                using Microsoft.Data.SqlClient;

                class Db
                {
                    const string ProdHost = "prod-pg.internal";

                    static NpgsqlConnectionStringBuilder Production() => {|#0:new NpgsqlConnectionStringBuilder { Host = ProdHost, Database = "shop", Port = 5432 }|};
                    static SqlConnectionStringBuilder Staging() => {|#1:new() { DataSource = "sql-stg.internal", InitialCatalog = "shop" }|};
                    static string Qa(string password) => {|#2:"Host=qa-db.internal;Database=shop;Password="|} + password;
                    static string Uat(string password) => {|#3:$"Host=uat-db.internal;Database=shop;Password={password}"|};
                    const string Dev = {|#4:"Host=" + "dev-db.internal" + ";Database=shop"|};
                    static NpgsqlConnectionStringBuilder Unknown() => new NpgsqlConnectionStringBuilder { Host = "db.internal", Database = "shop" };
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(4).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task Reads_a_url_whose_scheme_separator_is_split_between_concatenated_literals()
        {
            // No part holds '=', and "://" exists only once the parts are joined.
            const string source = """
                class Db
                {
                    const string Production = {|#0:"postgres:" + "//app@prod-db.internal:5432/shop"|};
                    const string Staging = {|#1:"postgres:/" + "/app@staging-db.internal:5432/shop"|};
                    const string Qa = {|#2:"postgres" + ":" + "/" + "/app@qa-db.internal:5432/shop"|};
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task Reads_each_concatenation_once_whichever_part_holds_the_first_text()
        {
            // Each concatenation is read once, as one connection string, from its first text part: after a name, as an
            // interpolated string, inside parentheses on either side, and at the head of a 300-part chain. A part read a
            // second time, or a whole not read, changes the count.
            var chain = string.Concat(Enumerable.Range(0, 300).Select(i => $" + \"/p{i}\""));
            var source = $$"""
                class Db
                {
                    const string TimeoutKey = "Timeout";
                    const string ProdHost = "prod-db.internal";
                    const string QaHost = "qa-db.internal";
                    const string Production = {|#0:"Host=" + ProdHost + ";Database=shop"|};
                    const string Staging = {|#1:TimeoutKey + "=15;Host=staging-db.internal;Database=shop"|};
                    const string Qa = {|#2:$"Host={QaHost}" + ";Database=shop"|};
                    const string Uat = ({|#3:"Host=uat-db.internal" + (";Database=" + "shop")|});
                    const string Dev = {|#4:TimeoutKey + ("=15;Host=" + "dev-db.internal") + ";Database=shop"|};
                    const string Sandbox = {|#5:"postgres://app@sandbox-db.internal:5432/shop"{{chain}}|};
                    static string Sum() => "1" + 2 + 3;
                    static int Count(int a, int b) => a + b + 1;
                }
                """;
            await Verify.VerifyAnalyzerAsync(
                source,
                Enumerable.Range(0, 6).Select(i => Diagnostic().WithLocation(i).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)).ToArray());
        }

        [Fact]
        public async Task Suppression_with_pragma_is_honoured()
        {
            const string source = """
                class Db
                {
                #pragma warning disable ASA301 // Migration tool run by the DBA on call
                    const string Production = "Host=prod-db.example.com;Database=shop;Username=app";
                #pragma warning restore ASA301
                    const string Staging = {|#0:"Host=staging-db.example.com;Database=shop;Username=app"|};
                }
                """;
            await VerifyWithoutSuppressionCheckAsync(source, System.Array.Empty<(string, string)>(), Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public async Task Large_files_complete_and_find_both_sides()
        {
            var source = new StringBuilder("class Big\n{\n");
            for (var i = 0; i < 5000; i++)
            {
                source.Append("    const string S").Append(i).Append(" = \"");
                source.Append((i % 3) switch
                {
                    0 => "Host=db" + i + ".internal;Database=shop" + i,
                    1 => "plain text number " + i + " with = and ; but no keys",
                    _ => "https://api.example.com/v1/items/" + i,
                });
                source.Append("\";\n");
            }

            source.Append("    const string P = {|#0:\"Host=prod-db.example.com;Database=shop\"|};\n");
            source.Append("    const string Q = \"").Append(new string('x', 200_000)).Append("=;\";\n");
            source.Append("}\n");

            var json = new StringBuilder("{ \"ConnectionStrings\": {\n");
            for (var i = 0; i < 5000; i++)
            {
                json.Append("  \"Db").Append(i).Append("\": \"Host=db").Append(i).Append(".internal;Database=shop\",\n");
            }

            json.Append("  \"Staging\": \"Host=db.internal;Database=shop\"\n} }\n");

            await Verify.VerifyAnalyzerAsync(source.ToString(), new[] { ("appsettings.json", json.ToString()) },
                Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations),
                Diagnostic().WithLocation("appsettings.json", 5002, 14).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations));
        }

        [Fact]
        public void Descriptor_is_a_compilation_end_diagnostic()
        {
            var descriptor = new MixedEnvironmentConnectionStringsAnalyzer().SupportedDiagnostics.Single();
            Assert.Contains(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.CompilationEnd, descriptor.CustomTags);
        }
    }
}
