using System;
using System.Text;

namespace AgentSafety.Guards;

/// <summary>A destructive operation was refused and did not run.</summary>
public sealed class DestructiveOperationDeniedException : Exception
{
    /// <summary>Creates the exception; its message says a token would run once per process (no ledger known).</summary>
    public DestructiveOperationDeniedException(string action, string resource, string environment, RefusalReason reason, string detail)
        : this(action, resource, environment, reason, detail, null)
    {
    }

    /// <summary>Creates the exception; its message says how far "runs once" reaches with <paramref name="ledger"/>.</summary>
    public DestructiveOperationDeniedException(string action, string resource, string environment, RefusalReason reason, string detail, IApprovalLedger? ledger)
        : base(BuildMessage(action, resource, environment, reason, detail, ledger))
    {
        Action = action;
        Resource = resource;
        Environment = environment;
        Reason = reason;
        ApprovalCommand = ApproveCommand(action, resource, environment);
    }

    /// <summary>The refused action.</summary>
    public string Action { get; }

    /// <summary>The resource it would have destroyed.</summary>
    public string Resource { get; }

    /// <summary>The environment the process runs in.</summary>
    public string Environment { get; }

    /// <summary>The main reason.</summary>
    public RefusalReason Reason { get; }

    /// <summary>The command, quoted for a POSIX shell, that approves exactly this operation: <see cref="ApproveCommand"/>.</summary>
    public string ApprovalCommand { get; }

    /// <summary>
    /// The command a person with an approver key runs to approve exactly this operation, each value quoted for a POSIX
    /// shell (sh, bash, zsh) so that a resource holding spaces, quotes, newlines or <c>$</c> reaches the tool unchanged.
    /// The tool reads the key from <c>~/.agentsafety/approver.key</c> unless given <c>--key</c>.
    /// </summary>
    public static string ApproveCommand(string action, string resource, string environment) =>
        $"agentsafety approve --action {ShellQuote(action)} --resource {ShellQuote(resource)} --environment {ShellQuote(environment)}";

    /// <summary>
    /// <paramref name="value"/> as one POSIX shell word: unchanged when it holds only characters no shell treats
    /// specially, else in single quotes, inside which only the single quote itself needs care (<c>'\''</c>).
    /// </summary>
    public static string ShellQuote(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var plain = value.Length > 0;
        foreach (var c in value)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.' or '/' or ':' or '@' or '%' or '+' or ',' or '='))
            {
                plain = false;
                break;
            }
        }

        return plain ? value : new StringBuilder(value.Length + 2).Append('\'').Append(value.Replace("'", "'\\''")).Append('\'').ToString();
    }

    private static string BuildMessage(string action, string resource, string environment, RefusalReason reason, string detail, IApprovalLedger? ledger) =>
        $"Refused destructive operation '{action}' on '{resource}' in environment '{environment}' ({reason}): {detail}. It did not run.\n"
        + "To approve it, a person who holds an approver key runs (add --key <file> when the key is not ~/.agentsafety/approver.key):\n\n"
        + "    " + ApproveCommand(action, resource, environment) + "\n\n"
        + "and hands the token to this job in AGENTSAFETY_APPROVAL. The approval is valid for this action, resource and environment only, "
        + "for at most 15 minutes, and " + ApprovalLedgerText.RunsOnce(ledger) + ".";
}
