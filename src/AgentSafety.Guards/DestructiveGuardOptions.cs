using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentSafety.Guards;

/// <summary>
/// How <see cref="Destructive"/> decides. Immutable once built: <see cref="Destructive.Configure"/> swaps the whole
/// snapshot atomically, so a run in flight always sees one consistent configuration.
/// </summary>
public sealed class DestructiveGuardOptions
{
    /// <summary>The providers, tried in order; the first approval wins.</summary>
    public IReadOnlyList<IConfirmationProvider> Providers { get; set; } = Array.Empty<IConfirmationProvider>();

    /// <summary>The process's environment; by default <see cref="GuardEnvironment.Current"/>.</summary>
    public Func<string> Environment { get; set; } = GuardEnvironment.Current;

    /// <summary>Log what would run and run nothing.</summary>
    public bool DryRun { get; set; }

    /// <summary>A wait between approval and running, during which cancelling the token stops the operation.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>Where audit records go; none by default.</summary>
    public IAuditSink? AuditSink { get; set; }

    /// <summary>The clock of audit records.</summary>
    public Func<DateTimeOffset> Clock { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// The default: signed approvals (keys from <c>AGENTSAFETY_APPROVER_KEYS</c>, tokens from <c>AGENTSAFETY_APPROVAL</c>),
    /// then a prompt for a person at a real terminal, then deny. <c>AGENTSAFETY_DRY_RUN=1</c> turns dry run on; no
    /// variable turns any check off.
    /// </summary>
    public static DestructiveGuardOptions CreateDefault()
    {
        var dryRun = System.Environment.GetEnvironmentVariable("AGENTSAFETY_DRY_RUN");
        var audit = System.Environment.GetEnvironmentVariable("AGENTSAFETY_AUDIT_FILE");
        return new DestructiveGuardOptions
        {
            Providers = new IConfirmationProvider[]
            {
                SignedApprovalProvider.FromEnvironment(),
                new ConsolePromptProvider(),
                new DenyAllConfirmationProvider(),
            },
            DryRun = dryRun is "1" || string.Equals(dryRun, "true", StringComparison.OrdinalIgnoreCase),
            AuditSink = string.IsNullOrWhiteSpace(audit) ? null : new JsonLinesAuditSink(audit!),
        };
    }

    internal DestructiveGuardOptions Snapshot()
    {
        if (Delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Delay), Delay, "the delay before running must not be negative");
        }

        return new DestructiveGuardOptions
        {
            Providers = (Providers ?? throw new ArgumentNullException(nameof(Providers))).ToArray(),
            Environment = Environment ?? throw new ArgumentNullException(nameof(Environment)),
            DryRun = DryRun,
            Delay = Delay,
            AuditSink = AuditSink,
            Clock = Clock ?? throw new ArgumentNullException(nameof(Clock)),
        };
    }
}
