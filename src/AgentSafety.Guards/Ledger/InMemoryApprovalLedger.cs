using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>
/// Spent token ids in this process's memory: what the guard uses when no ledger is configured. It stops a token from
/// running twice in one process, and nothing more: a new process starts with an empty memory.
/// </summary>
public sealed class InMemoryApprovalLedger : IApprovalLedger
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);

    /// <summary>The process's own ledger, shared by every configuration that names no other.</summary>
    public static InMemoryApprovalLedger Process { get; } = new();

    /// <inheritdoc/>
    public ApprovalLedgerScope Scope => ApprovalLedgerScope.Process;

    /// <inheritdoc/>
    public string Description => "this process's memory";

    /// <inheritdoc/>
    public Task<bool> TryClaimAsync(ApprovalClaim claim, CancellationToken cancellationToken)
    {
        if (claim is null)
        {
            throw new ArgumentNullException(nameof(claim));
        }

        return Task.FromResult(_spent.TryAdd(claim.TokenId, claim.Expires));
    }
}
