using System.Threading;
using System.Threading.Tasks;
using AgentSafety.Analyzers.CodeFixes.Secrets;
using AgentSafety.Analyzers.Secrets;
using AgentSafety.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>
/// One rule of <see cref="SecretsAnalyzer"/>, which reports ASA101 and ASA102 from one scan: the other rule is turned
/// off, so that a test of one states only that rule's findings.
/// </summary>
internal abstract class SecretRuleVerifier
{
    private readonly string rule;
    private readonly string other;

    protected SecretRuleVerifier(string rule, string other)
    {
        this.rule = rule;
        this.other = other;
    }

    public DiagnosticResult Diagnostic(string diagnosticId) => CSharpAnalyzerVerifier<SecretsAnalyzer>.Diagnostic(diagnosticId);

    public Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, System.Array.Empty<(string, string)>(), expected);

    public Task VerifyAnalyzerAsync(string source, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<SecretsAnalyzer>.Test { TestCode = source };
        test.DisabledDiagnostics.Add(other);
        foreach (var (path, text) in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add((path, text));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public override string ToString() => rule;

    protected static string AsAsa101(string markup) => markup.Replace("[|", "{|ASA101:").Replace("|]", "|}");
}

/// <summary>ASA101 of <see cref="SecretsAnalyzer"/>.</summary>
internal sealed class Asa101 : SecretRuleVerifier
{
    public static readonly Asa101 Verifier = new();

    private Asa101()
        : base("ASA101", "ASA102")
    {
    }

    public static Task VerifyCodeFixAsync(string source, string fixedSource) =>
        VerifyCodeFixAsync(source, System.Array.Empty<DiagnosticResult>(), fixedSource);

    /// <summary>
    /// The ASA101 code fix over the analyzer with ASA102 off. <c>[|…|]</c> marks an ASA101 finding: the analyzer has two
    /// descriptors, so the markup names the rule.
    /// </summary>
    public static Task VerifyCodeFixAsync(string source, DiagnosticResult[] expected, string fixedSource)
    {
        var test = new CSharpCodeFixVerifier<SecretsAnalyzer, ReadSecretFromEnvironmentCodeFix>.Test { TestCode = AsAsa101(source), FixedCode = AsAsa101(fixedSource) };
        test.DisabledDiagnostics.Add("ASA102");
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }
}

/// <summary>ASA102 of <see cref="SecretsAnalyzer"/>.</summary>
internal sealed class Asa102 : SecretRuleVerifier
{
    public static readonly Asa102 Verifier = new();

    private Asa102()
        : base("ASA102", "ASA101")
    {
    }
}
