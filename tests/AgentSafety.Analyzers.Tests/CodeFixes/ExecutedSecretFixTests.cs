using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Secrets;
using AgentSafety.Analyzers.Secrets;
using AgentSafety.Analyzers.Tests.Secrets;
using Xunit;

namespace AgentSafety.Analyzers.Tests.CodeFixes;

/// <summary>
/// ASA101's fix moves the secret, and only the secret: the fixed program, run with the environment variable set to the
/// original secret, builds a header, URL or connection string byte for byte equal to the original.
/// </summary>
public class ExecutedSecretFixTests
{
    // Name → the literal with its secret between bars, and whether it is a const. Names only in test names: the fake
    // tokens are built at run time and never shown.
    private static readonly System.Collections.Generic.Dictionary<string, (string Marked, bool Const)> Cases = new()
    {
        ["Bearer header"] = ("Bearer |" + FakeToken.Make("ghp_", 36, seed: 11) + "|", false),
        ["token header"] = ("token |" + FakeToken.Make("ghp_", 36, seed: 12) + "|", false),
        ["URL with the key in the query"] = ("https://api.example.com/v1/charges?key=|" + FakeToken.Make("sk_live_", 24, seed: 13) + "|&currency=usd", false),
        ["connection string password"] = ("Host=db.internal;Database=app;Username=app;Password=|Xk29-lpQ-77|;Port=5432", false),
        ["const field"] = ("Bearer |" + FakeToken.Make("ghp_", 36, seed: 14) + "|", true),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in Cases.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Fixed_program_builds_the_same_value_from_the_environment(string name)
    {
        var (marked, isConst) = Cases[name];
        var parts = marked.Split('|');
        var original = string.Concat(parts);
        var secret = parts[1];
        var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(original, quote: true);
        var source = isConst
            ? $$"""
                public static class Program
                {
                    private const string Value = {{literal}};

                    public static string Build() => Value;
                }
                """
            : $$"""
                public static class Program
                {
                    public static string Build() => {{literal}};
                }
                """;

        var fixedSource = await FixedProgram.FixAsync(source, new ReadSecretFromEnvironmentCodeFix(), new SecretsAnalyzer());
        Assert.DoesNotContain(secret, fixedSource, StringComparison.Ordinal);
        var variable = Regex.Match(fixedSource, "GetEnvironmentVariable\\(\"(\\w+)\"\\)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(variable), name + ": no environment read in\n" + fixedSource);

        using var program = await FixedProgram.LoadAsync(fixedSource);
        var before = Environment.GetEnvironmentVariable(variable);
        try
        {
            Environment.SetEnvironmentVariable(variable, secret);
            var built = (string?)await program.CallAsync("Build");
            Assert.True(string.Equals(original, built, StringComparison.Ordinal), $"{name}: the fixed program builds another value ({SecretScanner.Redact(built ?? string.Empty)})");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
