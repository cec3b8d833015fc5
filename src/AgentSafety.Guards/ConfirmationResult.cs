namespace AgentSafety.Guards;

/// <summary>Why a request was not approved.</summary>
public enum RefusalReason
{
    /// <summary>Approved; no refusal.</summary>
    None = 0,

    /// <summary>No approval token was offered.</summary>
    NoApproval,

    /// <summary>The token approves another action.</summary>
    WrongAction,

    /// <summary>The token approves another resource.</summary>
    WrongResource,

    /// <summary>The token approves another environment.</summary>
    WrongEnvironment,

    /// <summary>The token has expired.</summary>
    Expired,

    /// <summary>The token's signature does not verify: it was altered or forged.</summary>
    BadSignature,

    /// <summary>The token was signed by a key that is not among the approver keys.</summary>
    UnknownKey,

    /// <summary>The token is not a token.</summary>
    Malformed,

    /// <summary>The token was already used for a run in this process.</summary>
    AlreadyUsed,

    /// <summary>No person is at a terminal to ask.</summary>
    NoTerminal,

    /// <summary>The person typed another name than the resource's.</summary>
    TypedNameMismatch,

    /// <summary>The provider refuses everything.</summary>
    Denied,

    /// <summary>Unsigned development approvals do not work in production.</summary>
    UnsignedInProduction,
}

/// <summary>A provider's answer to a <see cref="ConfirmationRequest"/>.</summary>
public sealed class ConfirmationResult
{
    private ConfirmationResult(bool approved, RefusalReason reason, string provider, string detail, string? approverFingerprint)
    {
        IsApproved = approved;
        Reason = reason;
        Provider = provider;
        Detail = detail;
        ApproverFingerprint = approverFingerprint;
    }

    /// <summary>True when the operation may run.</summary>
    public bool IsApproved { get; }

    /// <summary>Why not, when not approved.</summary>
    public RefusalReason Reason { get; }

    /// <summary>The provider that answered.</summary>
    public string Provider { get; }

    /// <summary>A sentence a person can read; never contains a token.</summary>
    public string Detail { get; }

    /// <summary>The fingerprint of the approving key, for signed approvals.</summary>
    public string? ApproverFingerprint { get; }

    /// <summary>An approval.</summary>
    public static ConfirmationResult Approve(string provider, string detail, string? approverFingerprint = null) =>
        new(true, RefusalReason.None, provider, detail, approverFingerprint);

    /// <summary>A refusal.</summary>
    public static ConfirmationResult Refuse(string provider, RefusalReason reason, string detail) =>
        new(false, reason, provider, detail, null);
}
