using System;
using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>How far a ledger's memory reaches: what "runs once" means with it.</summary>
public enum ApprovalLedgerScope
{
    /// <summary>One process: another process can run the same token again.</summary>
    Process,

    /// <summary>One machine (a folder on it): processes on another machine can run the same token again.</summary>
    Machine,

    /// <summary>Every process that uses the same shared store (a database): the token runs once anywhere.</summary>
    Shared,
}

/// <summary>One approval being spent: the token's id and what it approved.</summary>
public sealed class ApprovalClaim
{
    /// <summary>Creates a claim.</summary>
    public ApprovalClaim(string tokenId, DateTimeOffset expires, ConfirmationRequest request, string? approverFingerprint)
    {
        TokenId = string.IsNullOrEmpty(tokenId) ? throw new ArgumentException("a claim needs the token's id", nameof(tokenId)) : tokenId;
        Expires = expires;
        Request = request ?? throw new ArgumentNullException(nameof(request));
        ApproverFingerprint = approverFingerprint;
    }

    /// <summary>The token's <c>jti</c>: the unique key of the ledger.</summary>
    public string TokenId { get; }

    /// <summary>When the token expires: after it, the id may be forgotten, because the token is refused anyway.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>The approved action, resource and environment, kept beside the id for the record.</summary>
    public ConfirmationRequest Request { get; }

    /// <summary>The fingerprint of the key that signed the token.</summary>
    public string? ApproverFingerprint { get; }
}

/// <summary>
/// Records each approval token's id, atomically, before the operation it approves runs: the first claim of an id wins,
/// every later claim of the same id, from any process that shares the ledger, is refused as
/// <see cref="RefusalReason.AlreadyUsed"/>. Implementations must make the check and the record one atomic step (a unique
/// key, an exclusive create), never a read followed by a write.
/// </summary>
public interface IApprovalLedger
{
    /// <summary>How far the ledger reaches.</summary>
    ApprovalLedgerScope Scope { get; }

    /// <summary>Where the ledger is, for messages (no credentials): <c>the file ledger in /var/lib/agentsafety</c>.</summary>
    string Description { get; }

    /// <summary>True when this call recorded the id first; false when it was already recorded. Throws when the ledger cannot be reached.</summary>
    Task<bool> TryClaimAsync(ApprovalClaim claim, CancellationToken cancellationToken);
}

/// <summary>What a ledger's scope means in a sentence.</summary>
public static class ApprovalLedgerText
{
    /// <summary>"runs once (…)" only for a shared ledger; otherwise it says how far the promise reaches.</summary>
    public static string RunsOnce(IApprovalLedger? ledger) => (ledger?.Scope ?? ApprovalLedgerScope.Process) switch
    {
        ApprovalLedgerScope.Shared => $"runs once: its id is spent in {ledger!.Description}",
        ApprovalLedgerScope.Machine => $"runs once on this machine: its id is spent in {ledger!.Description}; another machine does not see it",
        _ => "runs once per process: no approval ledger is configured, so another process could run the same token again",
    };
}
