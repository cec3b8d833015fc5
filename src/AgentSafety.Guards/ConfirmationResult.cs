using System;

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

    /// <summary>The token was already spent: used for a run before, in this process or, with a ledger, in any process that shares it.</summary>
    AlreadyUsed,

    /// <summary>No person is at a terminal to ask.</summary>
    NoTerminal,

    /// <summary>The person typed another name than the resource's.</summary>
    TypedNameMismatch,

    /// <summary>The provider refuses everything.</summary>
    Denied,

    /// <summary>Unsigned development approvals do not work in production.</summary>
    UnsignedInProduction,

    /// <summary>The approval ledger could not record the token's id, so the guard could not make sure it runs once.</summary>
    LedgerUnavailable,
}

/// <summary>A provider's answer to a <see cref="ConfirmationRequest"/>.</summary>
public sealed class ConfirmationResult
{
    private ConfirmationResult(bool approved, RefusalReason reason, string provider, string detail, string? approverFingerprint, string? tokenId = null, DateTimeOffset? tokenExpires = null)
    {
        TokenId = tokenId;
        TokenExpires = tokenExpires;
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

    /// <summary>
    /// The id of the token that approved (its <c>jti</c>), for approvals that must be spent in the approval ledger
    /// before the operation runs; null for approvals that are not tokens (a person at the terminal).
    /// </summary>
    public string? TokenId { get; }

    /// <summary>When the approving token expires; set with <see cref="TokenId"/>.</summary>
    public DateTimeOffset? TokenExpires { get; }

    /// <summary>An approval.</summary>
    public static ConfirmationResult Approve(string provider, string detail, string? approverFingerprint = null) =>
        new(true, RefusalReason.None, provider, detail, approverFingerprint);

    /// <summary>An approval by a token, which the guard spends in its approval ledger before the operation runs.</summary>
    public static ConfirmationResult ApproveToken(string provider, string detail, string? approverFingerprint, string tokenId, DateTimeOffset tokenExpires) =>
        new(true, RefusalReason.None, provider, detail, approverFingerprint, tokenId ?? throw new ArgumentNullException(nameof(tokenId)), tokenExpires);

    /// <summary>A refusal.</summary>
    public static ConfirmationResult Refuse(string provider, RefusalReason reason, string detail) =>
        new(false, reason, provider, detail, null);
}
