using System;
using AgentSafety.Shared;

namespace AgentSafety.Guards;

/// <summary>
/// Refuses, at run time, a connection string that belongs to another environment than the running process. It
/// classifies the string with the same shared rules as the analyzer rule ASA301 (host and database names: <c>prod</c>,
/// <c>staging</c>, <c>dev</c>, <c>test</c>, <c>qa</c>, <c>uat</c> ...; <c>localhost</c>, loopback and emulators are development).
/// </summary>
/// <remarks>
/// <para>The current environment is <c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>; when both are unset it is
/// <c>Production</c>, as in ASP.NET Core, so a staging connection string in an unconfigured process is refused.</para>
/// <para>Decision table (rows: the connection string; columns: the process):</para>
/// <code>
///                 Development  Test   Staging  Production  unrecognised name
///   Development   allow        allow  refuse   refuse      refuse
///   Test          allow        allow  refuse   refuse      refuse
///   Staging       refuse       refuse allow    refuse      refuse
///   Production    refuse       refuse refuse   allow       refuse
///   Unknown       allow        allow  allow    allow       allow
/// </code>
/// <para>A development process may use test databases (developers run tests against them) and a test process may use
/// <c>localhost</c>; staging and production accept only their own. A string whose host and database name no environment
/// (<c>db.internal</c>) is allowed everywhere: the guard refuses what it can prove wrong, and ASA301 does not report
/// such strings either. QA, UAT, sandbox and preview process names count as Test, Staging, Test and Staging.</para>
/// </remarks>
public static class EnvironmentGuard
{
    /// <summary>Returns <paramref name="connectionString"/> when its environment matches the current process's environment.</summary>
    /// <param name="connectionString">The connection string to check; it is returned unchanged.</param>
    /// <returns><paramref name="connectionString"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="connectionString"/> is null.</exception>
    /// <exception cref="EnvironmentMismatchException">The connection string belongs to another environment.</exception>
    public static string Connection(string connectionString)
    {
        if (connectionString is null)
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        var (name, source) = GuardEnvironment.Resolve();
        return Check(connectionString, name, source);
    }

    /// <summary>
    /// Returns <paramref name="connectionString"/> when its environment matches <paramref name="environmentName"/>, for hosts
    /// that know their environment otherwise (<c>builder.Environment.EnvironmentName</c>).
    /// </summary>
    /// <param name="connectionString">The connection string to check; it is returned unchanged.</param>
    /// <param name="environmentName">The environment of the running process: <c>Production</c>, <c>Staging</c>, <c>Development</c> ...</param>
    /// <returns><paramref name="connectionString"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EnvironmentMismatchException">The connection string belongs to another environment.</exception>
    public static string Connection(string connectionString, string environmentName)
    {
        if (connectionString is null)
        {
            throw new ArgumentNullException(nameof(connectionString));
        }

        if (environmentName is null)
        {
            throw new ArgumentNullException(nameof(environmentName));
        }

        return Check(connectionString, environmentName.Trim(), "environment '" + environmentName.Trim() + "'");
    }

    /// <summary>Whether a string of environment <paramref name="connection"/> may be used in a process of environment <paramref name="current"/>.</summary>
    internal static bool IsAllowed(DeploymentEnvironment connection, DeploymentEnvironment current) => connection switch
    {
        DeploymentEnvironment.Unknown => true,
        DeploymentEnvironment.Development or DeploymentEnvironment.Test =>
            current is DeploymentEnvironment.Development or DeploymentEnvironment.Test,
        _ => connection == current,
    };

    private static string Check(string connectionString, string currentName, string currentSource)
    {
        if (!EnvironmentClassifier.TryParseConnectionString(connectionString, out var info) || info is null)
        {
            return connectionString;
        }

        var connection = EnvironmentClassifier.Classify(info);
        var current = EnvironmentClassifier.ClassifyEnvironmentName(currentName);
        if (IsAllowed(connection, current))
        {
            return connectionString;
        }

        var connectionName = Capitalize(EnvironmentClassifier.DisplayName(connection));
        var target = info.Describe();
        var currentText = current == DeploymentEnvironment.Unknown
            ? "a process whose environment '" + currentName + "' is not recognised (" + currentSource + "), which accepts only connection strings of no known environment"
            : "a " + Capitalize(EnvironmentClassifier.DisplayName(current)) + " process (" + currentSource + ")";
        var message =
            "Refused a " + connectionName + " connection string (" + target + ") in " + currentText + ". " +
            "Give this process the connection string of its own environment from that environment's secret store, " +
            "or run it with DOTNET_ENVIRONMENT set to the environment it is meant to reach.";
        return Throw(message, connectionName, currentName, target);
    }

    private static string Throw(string message, string connectionName, string currentName, string target) =>
        throw new EnvironmentMismatchException(message, connectionName, currentName, target);

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);
}
