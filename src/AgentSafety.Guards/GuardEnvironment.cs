using System;

namespace AgentSafety.Guards;

/// <summary>
/// The environment a guarded process runs in, as ASP.NET Core and the generic host read it. The one resolver: the
/// destructive-operation guard and <see cref="EnvironmentGuard"/> both ask it.
/// </summary>
public static class GuardEnvironment
{
    /// <summary><c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>, else <c>Production</c> (fail safe, as ASP.NET Core).</summary>
    public static string Current() => Resolve().Name;

    /// <summary>True for production names, and for names no rule recognises: unknown counts as production.</summary>
    public static bool IsProduction(string environment) =>
        AgentSafety.Shared.EnvironmentClassifier.ClassifyEnvironmentName(environment) is AgentSafety.Shared.DeploymentEnvironment.Production or AgentSafety.Shared.DeploymentEnvironment.Unknown;

    /// <summary>The environment's name and where it came from, for messages that must say why a process counts as what it does.</summary>
    internal static (string Name, string Source) Resolve()
    {
        var dotnet = System.Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        if (!string.IsNullOrWhiteSpace(dotnet))
        {
            return (dotnet!.Trim(), "DOTNET_ENVIRONMENT=" + dotnet.Trim());
        }

        var aspnet = System.Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        if (!string.IsNullOrWhiteSpace(aspnet))
        {
            return (aspnet!.Trim(), "ASPNETCORE_ENVIRONMENT=" + aspnet.Trim());
        }

        return ("Production", "DOTNET_ENVIRONMENT and ASPNETCORE_ENVIRONMENT are unset, so the process counts as Production, as in ASP.NET Core");
    }
}
