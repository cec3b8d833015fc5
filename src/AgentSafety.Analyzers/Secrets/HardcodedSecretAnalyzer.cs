using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>ASA101: a secret written into C# or into a configuration file; shown only redacted.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardcodedSecretAnalyzer : SecretAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardcodedSecret);

    private protected override Diagnostic? Report(SecretFinding finding, Location location, string value) =>
        finding.IsSecret
            ? Diagnostic.Create(Descriptors.HardcodedSecret, location, Properties(finding), finding.Provider, finding.Kind, SecretScanner.Redact(value.Substring(finding.Start, finding.Length)))
            : null;
}
