namespace AgentSafety.Analyzers;

/// <summary>
/// The rule IDs. They are fixed: dashboards, <c>.editorconfig</c> files and suppressions key on them.
/// </summary>
public static class RuleIdentifiers
{
    public const string HardcodedSecret = "ASA101";
    public const string OverScopedCredential = "ASA102";
    public const string UnguardedDestructiveCall = "ASA201";
    public const string DestructiveCommandText = "ASA202";
    public const string UnresolvedDestructiveApiEntry = "ASA203";
    public const string MixedEnvironmentConnectionStrings = "ASA301";

    public static string GetHelpUri(string id) =>
        "https://github.com/AgentSafety/AgentSafety.Analyzers/blob/main/docs/rules/" + id + ".md";
}
