using System;

namespace AgentSafety.Guards;

/// <summary>
/// Thrown by <see cref="EnvironmentGuard.Connection(string)"/> when a connection string belongs to another environment
/// than the running process: a production connection string in a staging process, or the reverse.
/// </summary>
/// <remarks>The message names the host and database only; it never holds the connection string, its user or its password.</remarks>
public sealed class EnvironmentMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception with a message only.</summary>
    public EnvironmentMismatchException(string message)
        : base(message)
    {
        ConnectionEnvironment = string.Empty;
        CurrentEnvironment = string.Empty;
        Target = string.Empty;
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public EnvironmentMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
        ConnectionEnvironment = string.Empty;
        CurrentEnvironment = string.Empty;
        Target = string.Empty;
    }

    internal EnvironmentMismatchException(string message, string connectionEnvironment, string currentEnvironment, string target)
        : base(message)
    {
        ConnectionEnvironment = connectionEnvironment;
        CurrentEnvironment = currentEnvironment;
        Target = target;
    }

    /// <summary>The environment the connection string was classified as: <c>Production</c>, <c>Staging</c>, <c>Test</c> or <c>Development</c>.</summary>
    public string ConnectionEnvironment { get; }

    /// <summary>The environment of the running process, as the guard read it.</summary>
    public string CurrentEnvironment { get; }

    /// <summary>The host and database the connection string points at, without credentials.</summary>
    public string Target { get; }
}
