using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>ASA102: a credential whose scope is visibly wider than the job, with the narrower form to use.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OverScopedCredentialAnalyzer : SecretAnalyzerBase
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OverScopedCredential);

    private protected override Diagnostic? Report(SecretFinding finding, Location location, string value) =>
        finding.OverScope is { } overScope
            ? Diagnostic.Create(Descriptors.OverScopedCredential, location, Properties(finding), overScope, finding.Narrower ?? "a narrower credential")
            : null;
}
