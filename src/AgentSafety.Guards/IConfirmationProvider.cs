using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>
/// Asks for approval of a destructive operation. Providers are tried in the configured order; the first approval wins,
/// and when none approves the operation is refused with every provider's reason.
/// </summary>
public interface IConfirmationProvider
{
    /// <summary>The provider's name, shown in refusals and audit records.</summary>
    string Name { get; }

    /// <summary>Approves or refuses <paramref name="request"/>.</summary>
    Task<ConfirmationResult> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken);
}

/// <summary>Refuses everything: the last word of every provider chain.</summary>
public sealed class DenyAllConfirmationProvider : IConfirmationProvider
{
    /// <inheritdoc/>
    public string Name => "deny-all";

    /// <inheritdoc/>
    public Task<ConfirmationResult> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ConfirmationResult.Refuse(Name, RefusalReason.Denied, "this process approves no destructive operation on its own"));
}
