using System;
using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>The terminal a person would type at; replaceable in tests.</summary>
public interface IGuardConsole
{
    /// <summary>True only when both input and output are a real terminal, not redirected (CI, an agent's shell, a service).</summary>
    bool IsInteractive { get; }

    /// <summary>Writes a line to the person.</summary>
    void WriteLine(string text);

    /// <summary>Reads the person's answer; null at end of input.</summary>
    string? ReadLine();
}

/// <summary>The process's own console.</summary>
public sealed class SystemGuardConsole : IGuardConsole
{
    /// <inheritdoc/>
    public bool IsInteractive => !Console.IsInputRedirected && !Console.IsOutputRedirected && !Console.IsErrorRedirected;

    /// <inheritdoc/>
    public void WriteLine(string text) => Console.Error.WriteLine(text);

    /// <inheritdoc/>
    public string? ReadLine() => Console.ReadLine();
}

/// <summary>
/// Asks a person at a real terminal to type the resource's name, as GitHub does before deleting a repository. Without
/// a terminal it refuses: an agent's shell has redirected input, and typing "yes" is something an agent can do.
/// </summary>
public sealed class ConsolePromptProvider : IConfirmationProvider
{
    private readonly IGuardConsole _console;

    /// <summary>Creates the provider over a console.</summary>
    public ConsolePromptProvider(IGuardConsole? console = null) => _console = console ?? new SystemGuardConsole();

    /// <inheritdoc/>
    public string Name => "console prompt";

    /// <inheritdoc/>
    public Task<ConfirmationResult> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        if (!_console.IsInteractive)
        {
            return Task.FromResult(ConfirmationResult.Refuse(Name, RefusalReason.NoTerminal, "no person at an interactive terminal to ask"));
        }

        _console.WriteLine($"DESTRUCTIVE OPERATION: {request.Action} on '{request.Resource}' in environment '{request.Environment}'.");
        _console.WriteLine($"Type the resource name ({request.Resource}) to approve, anything else to refuse:");
        var typed = _console.ReadLine();
        return Task.FromResult(string.Equals(typed?.Trim(), request.Resource, StringComparison.Ordinal)
            ? ConfirmationResult.Approve(Name, "the person at the terminal typed the resource name")
            : ConfirmationResult.Refuse(Name, RefusalReason.TypedNameMismatch, "the name typed at the terminal was not the resource name"));
    }
}

/// <summary>
/// Development only, and only when switched on in code: approves a request named in <c>AGENTSAFETY_DEV_APPROVE</c> as
/// <c>action@resource</c>, unsigned. It refuses in production whatever the variable says, because an agent can set any
/// variable.
/// </summary>
public sealed class UnsignedDevelopmentApprovalProvider : IConfirmationProvider
{
    /// <summary>The variable it reads.</summary>
    public const string Variable = "AGENTSAFETY_DEV_APPROVE";

    private readonly Func<string?> _value;

    /// <summary>Creates the provider; by default it reads <see cref="Variable"/>.</summary>
    public UnsignedDevelopmentApprovalProvider(Func<string?>? value = null) =>
        _value = value ?? (() => System.Environment.GetEnvironmentVariable(Variable));

    /// <inheritdoc/>
    public string Name => "unsigned development approval";

    /// <inheritdoc/>
    public Task<ConfirmationResult> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        if (GuardEnvironment.IsProduction(request.Environment))
        {
            return Task.FromResult(ConfirmationResult.Refuse(Name, RefusalReason.UnsignedInProduction, "unsigned approvals do not work in production"));
        }

        var wanted = request.Action + "@" + request.Resource;
        foreach (var entry in SignedApprovalProvider.SplitList(_value()))
        {
            if (string.Equals(entry, wanted, StringComparison.Ordinal))
            {
                return Task.FromResult(ConfirmationResult.Approve(Name, $"unsigned development approval in {Variable}"));
            }
        }

        return Task.FromResult(ConfirmationResult.Refuse(Name, RefusalReason.NoApproval, $"{Variable} does not name {wanted}"));
    }
}
