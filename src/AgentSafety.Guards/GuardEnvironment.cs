using System;

namespace AgentSafety.Guards;

/// <summary>The environment a guarded process runs in, as ASP.NET Core and the generic host read it.</summary>
public static class GuardEnvironment
{
    /// <summary><c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>, else <c>Production</c> (fail safe, as ASP.NET Core).</summary>
    public static string Current()
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        if (!string.IsNullOrWhiteSpace(dotnet))
        {
            return dotnet!.Trim();
        }

        var aspnet = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        return string.IsNullOrWhiteSpace(aspnet) ? "Production" : aspnet!.Trim();
    }

    /// <summary>True for production names, and for names no rule recognises: unknown counts as production.</summary>
    public static bool IsProduction(string environment) =>
        AgentSafety.Shared.EnvironmentClassifier.ClassifyEnvironmentName(environment) is AgentSafety.Shared.DeploymentEnvironment.Production or AgentSafety.Shared.DeploymentEnvironment.Unknown;
}
