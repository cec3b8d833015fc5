using Microsoft.CodeAnalysis;

namespace AgentSafety.Analyzers;

/// <summary>
/// Every diagnostic the package reports, in one place, so that IDs, categories, severities and help links cannot drift apart.
/// </summary>
internal static class Descriptors
{
    private const string Security = "Security";
    private const string Reliability = "Reliability";

    public static readonly DiagnosticDescriptor HardcodedSecret = Create(
        RuleIdentifiers.HardcodedSecret,
        Security,
        DiagnosticSeverity.Warning,
        title: "Hardcoded secret",
        messageFormat: "Hardcoded {0} ({1}) '{2}': read it from the environment or a secret store, and rotate it, because it is already in source history",
        description: "A credential written into source or configuration files is readable by every person and every agent that can read the repository, and stays in its history after it is removed.");

    public static readonly DiagnosticDescriptor OverScopedCredential = Create(
        RuleIdentifiers.OverScopedCredential,
        Security,
        DiagnosticSeverity.Warning,
        title: "Over-scoped credential",
        messageFormat: "Over-scoped credential: {0}; use {1} instead",
        description: "A credential whose scope is wider than the job turns any mistake made with it into a mistake against everything it can reach.");

    public static readonly DiagnosticDescriptor UnguardedDestructiveCall = Create(
        RuleIdentifiers.UnguardedDestructiveCall,
        Reliability,
        DiagnosticSeverity.Warning,
        title: "Destructive infrastructure call without a confirmation guard",
        messageFormat: "'{0}' {1} and no confirmation guard wraps it: wrap it in Destructive.RunAsync so that a person approves it",
        description: "A call that deletes infrastructure (a volume, a database, a bucket, a namespace, a backup) runs in seconds and cannot be undone. It must run only after a person approved it.");

    public static readonly DiagnosticDescriptor DestructiveCommandText = Create(
        RuleIdentifiers.DestructiveCommandText,
        Reliability,
        DiagnosticSeverity.Warning,
        title: "Destructive command text sent without a confirmation guard",
        messageFormat: "{0} '{1}' reaches '{2}' and no confirmation guard wraps it: wrap the call in Destructive.RunAsync so that a person approves it",
        description: "SQL, shell, CLI, GraphQL or REST text that destroys infrastructure or data, sent to an executor that nothing asked a person to confirm.");

    public static readonly DiagnosticDescriptor UnresolvedDestructiveApiEntry = Create(
        RuleIdentifiers.UnresolvedDestructiveApiEntry,
        Reliability,
        DiagnosticSeverity.Info,
        title: "Destructive API catalogue entry matches nothing",
        messageFormat: "Entry '{0}' in AgentSafety.DestructiveApis.txt matches no symbol in this compilation: {1}",
        description: "A line of the user catalogue that resolves to no symbol protects nothing; it is usually a typo or a missing overload signature.");

    public static readonly DiagnosticDescriptor MixedEnvironmentConnectionStrings = Create(
        RuleIdentifiers.MixedEnvironmentConnectionStrings,
        Security,
        DiagnosticSeverity.Warning,
        title: "Production and non-production connection strings in one project",
        messageFormat: "This {0} connection string ({1}) sits in the same project as the {2} connection string at {3}: every deployment carries both; move the production one to the production environment's secret store",
        description: "When one project holds production and non-production connection strings, every deployment of it, staging included, carries the production one, and any code or agent running there can reach production.",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(
        string id,
        string category,
        DiagnosticSeverity severity,
        string title,
        string messageFormat,
        string description,
        params string[] customTags) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: RuleIdentifiers.GetHelpUri(id),
            customTags: customTags);
}
