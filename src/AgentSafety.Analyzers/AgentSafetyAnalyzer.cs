using System.Collections.Immutable;
using System.Linq;
using AgentSafety.Analyzers.Common;
using AgentSafety.Analyzers.Destructive;
using AgentSafety.Analyzers.Environments;
using AgentSafety.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentSafety.Analyzers;

/// <summary>
/// The one analyzer the compiler loads. It runs every rule (<see cref="SecretsAnalyzer"/>,
/// <see cref="MixedEnvironmentConnectionStringsAnalyzer"/>, <see cref="UnguardedDestructiveCallAnalyzer"/>,
/// <see cref="DestructiveCommandTextAnalyzer"/>) behind one driver registration per syntax and operation kind.
/// </summary>
/// <remarks>
/// The driver charges every analyzer for walking each body's nodes and operations and for each callback it makes, work
/// that does not depend on what the callback does. Hosted here, the rules pay it once: on Newtonsoft.Json, timed in the
/// same rounds with the driver binding on one thread, about 1.2 ms a compilation less than four separate analyzers
/// (docs/quality.md). Each rule stays a <see cref="DiagnosticAnalyzer"/> in its own family's folder, tested alone; it
/// carries no <see cref="DiagnosticAnalyzerAttribute"/>, so a compiler never loads it a second time. Its choice of
/// generated code is kept: the host analyzes generated code and does not call a rule that declined it there. A rule
/// that throws is reported as AD0001 of this analyzer, and the rules after it are not called for that node; no rule
/// throws on any input the robustness tests give.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AgentSafetyAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<RuleRegistrations> rules;

    public AgentSafetyAnalyzer()
        : this(new SecretsAnalyzer(), new MixedEnvironmentConnectionStringsAnalyzer(), new UnguardedDestructiveCallAnalyzer(), new DestructiveCommandTextAnalyzer())
    {
    }

    /// <summary>Hosts the given rules: tests host one rule, or a rule that counts its calls.</summary>
    internal AgentSafetyAnalyzer(params DiagnosticAnalyzer[] rules)
    {
        this.rules = rules.Select(RuleRegistrations.Of).ToImmutableArray();
        SupportedDiagnostics = rules.SelectMany(r => r.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).ToImmutableArray();
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>The hosted rules, in the order their actions run on one node.</summary>
    internal ImmutableArray<DiagnosticAnalyzer> Rules => rules.Select(r => r.Rule).ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        if (rules.All(r => r.Concurrent))
        {
            context.EnableConcurrentExecution();
        }

        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var actions = new RuleActions();
            foreach (var rule in rules)
            {
                // The driver skips an analyzer all of whose diagnostics the project turned off; the host does it per rule.
                if (IsTurnedOff(rule.Rule, start.Compilation, start.CancellationToken))
                {
                    continue;
                }

                foreach (var action in rule.CompilationStartActions)
                {
                    actions.Start(start, rule, action);
                }
            }

            actions.RegisterWith(start);
        });
    }

    /// <summary>
    /// Every diagnostic of the rule is off for the whole compilation: <c>/nowarn</c>, a rule set, or a global
    /// <c>.editorconfig</c>/<c>.globalconfig</c> severity of <c>none</c>. A severity set per file still runs the rule,
    /// and the driver drops what it reports there.
    /// </summary>
    private static bool IsTurnedOff(DiagnosticAnalyzer rule, Compilation compilation, System.Threading.CancellationToken cancellationToken)
    {
        var options = compilation.Options;
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            if (!options.SpecificDiagnosticOptions.TryGetValue(descriptor.Id, out var severity)
                && !(options.SyntaxTreeOptionsProvider?.TryGetGlobalDiagnosticValue(descriptor.Id, cancellationToken, out severity) ?? false))
            {
                severity = descriptor.IsEnabledByDefault ? ReportDiagnostic.Default : ReportDiagnostic.Suppress;
            }

            if (severity != ReportDiagnostic.Suppress)
            {
                return false;
            }
        }

        return true;
    }
}
