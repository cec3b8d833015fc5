using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// What the ASA101 code fix reads of the secrets analyzer's diagnostics. <see cref="SecretsAnalyzer"/> is the one
/// analyzer; this base stays so that the fix, in its own assembly, keeps compiling against the same name.
/// </summary>
public abstract class SecretAnalyzerBase : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that names the environment variable the fix reads the secret from.</summary>
    internal const string EnvironmentVariableProperty = "EnvironmentVariable";

    /// <summary>Where the secret starts in the literal's value, and how long it is: the fix replaces that part only.</summary>
    internal const string SecretStartProperty = "SecretStart";

    internal const string SecretLengthProperty = "SecretLength";
}
