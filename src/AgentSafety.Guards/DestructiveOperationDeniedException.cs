using System;

namespace AgentSafety.Guards;

/// <summary>A destructive operation was refused and did not run.</summary>
public sealed class DestructiveOperationDeniedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DestructiveOperationDeniedException(string action, string resource, string environment, RefusalReason reason, string detail)
        : base(BuildMessage(action, resource, environment, reason, detail))
    {
        Action = action;
        Resource = resource;
        Environment = environment;
        Reason = reason;
    }

    /// <summary>The refused action.</summary>
    public string Action { get; }

    /// <summary>The resource it would have destroyed.</summary>
    public string Resource { get; }

    /// <summary>The environment the process runs in.</summary>
    public string Environment { get; }

    /// <summary>The main reason.</summary>
    public RefusalReason Reason { get; }

    /// <summary>The command a person with an approver key runs to approve exactly this operation.</summary>
    public static string ApproveCommand(string action, string resource, string environment) =>
        $"agentsafety approve --key <approver.key> --action {Quote(action)} --resource {Quote(resource)} --environment {Quote(environment)}";

    private static string BuildMessage(string action, string resource, string environment, RefusalReason reason, string detail) =>
        $"Refused destructive operation '{action}' on '{resource}' in environment '{environment}' ({reason}): {detail}. It did not run. "
        + $"To approve it, a person who holds an approver key runs `{ApproveCommand(action, resource, environment)}` "
        + "and hands the token to this job in AGENTSAFETY_APPROVAL; the approval is valid for this action, resource and environment only, for at most 15 minutes.";

    private static string Quote(string value) =>
        value.Length > 0 && value.IndexOfAny(new[] { ' ', '"', '\'', '$', '`', '\\', ';', '&', '|', '<', '>', '(', ')', '*', '?' }) < 0
            ? value
            : "'" + value.Replace("'", "'\\''") + "'";
}
