// Shared source: compiled into AgentSafety.Analyzers (rule ASA301) and into AgentSafety.Guards (EnvironmentGuard),
// so that the analyzer and the runtime guard classify a connection string the same way.
namespace AgentSafety.Shared;

internal enum DeploymentEnvironment
{
    Unknown = 0,
    Development,
    Test,
    Staging,
    Production,
}

internal static class EnvironmentClassifier
{
    /// <summary>Classifies an environment name such as <c>Production</c>, <c>Staging</c> or <c>Development</c>.</summary>
    public static DeploymentEnvironment ClassifyEnvironmentName(string? name) => DeploymentEnvironment.Unknown;

    /// <summary>Classifies a connection string by its host and database names.</summary>
    public static DeploymentEnvironment ClassifyConnectionString(string? connectionString) => DeploymentEnvironment.Unknown;
}
