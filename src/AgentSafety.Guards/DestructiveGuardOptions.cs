using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentSafety.Guards;

/// <summary>
/// How <see cref="Destructive"/> decides. Immutable: every property is init-only and validated when set, the provider
/// list is copied, so <see cref="Destructive.Options"/> can hand the instance out and a run in flight always sees one
/// consistent configuration. <see cref="Destructive.Configure(DestructiveGuardOptions)"/> is the only way to change what
/// the guard uses; build a changed copy with <c>with { … }</c> or <see cref="DestructiveGuardOptionsBuilder"/>.
/// </summary>
/// <example>
/// <code>
/// Destructive.Configure(new DestructiveGuardOptions { Providers = new IConfirmationProvider[] { provider } });
/// Destructive.Configure(DestructiveGuardOptions.CreateDefault() with { Ledger = new FileApprovalLedger("/var/lib/agentsafety") });
/// </code>
/// </example>
public sealed record DestructiveGuardOptions
{
    private readonly IReadOnlyList<IConfirmationProvider> _providers = Array.Empty<IConfirmationProvider>();
    private readonly Func<string> _environment = GuardEnvironment.Current;
    private readonly TimeSpan _delay = TimeSpan.Zero;
    private readonly Func<DateTimeOffset> _clock = () => DateTimeOffset.UtcNow;

    /// <summary>The providers, tried in order; the first approval wins. Copied when set.</summary>
    public IReadOnlyList<IConfirmationProvider> Providers
    {
        get => _providers;
        init => _providers = Array.AsReadOnly((value ?? throw new ArgumentNullException(nameof(Providers))).ToArray());
    }

    /// <summary>The process's environment; by default <see cref="GuardEnvironment.Current"/>.</summary>
    public Func<string> Environment
    {
        get => _environment;
        init => _environment = value ?? throw new ArgumentNullException(nameof(Environment));
    }

    /// <summary>Log what would run and run nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>A wait between approval and running, during which cancelling the token stops the operation.</summary>
    public TimeSpan Delay
    {
        get => _delay;
        init => _delay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(Delay), value, "the delay before running must not be negative");
    }

    /// <summary>Where audit records go; none by default.</summary>
    public IAuditSink? AuditSink { get; init; }

    /// <summary>The clock of audit records.</summary>
    public Func<DateTimeOffset> Clock
    {
        get => _clock;
        init => _clock = value ?? throw new ArgumentNullException(nameof(Clock));
    }

    /// <summary>
    /// Where signed approvals are spent. Each approved token's id is claimed here, atomically, before the operation
    /// runs, and a second claim is refused as <see cref="RefusalReason.AlreadyUsed"/>. A shared ledger
    /// (<c>AgentSafety.Guards.PostgreSql</c>) makes a token run once anywhere; <see cref="FileApprovalLedger"/> once
    /// per machine. Null: once per process only (<see cref="InMemoryApprovalLedger.Process"/>).
    /// </summary>
    public IApprovalLedger? Ledger { get; init; }

    /// <summary>The ledger claims go to: <see cref="Ledger"/>, else the process's own memory.</summary>
    internal IApprovalLedger EffectiveLedger => Ledger ?? InMemoryApprovalLedger.Process;

    /// <summary>
    /// The default: signed approvals (keys from <c>AGENTSAFETY_APPROVER_KEYS</c>, tokens from <c>AGENTSAFETY_APPROVAL</c>),
    /// then a prompt for a person at a real terminal, then deny; approvals spent in the machine-wide
    /// <see cref="FileApprovalLedger.Default"/>. <c>AGENTSAFETY_DRY_RUN=1</c> turns dry run on; no variable turns any check off.
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
            Ledger = FileApprovalLedger.Default(),
        };
    }
}

/// <summary>
/// A mutable draft of <see cref="DestructiveGuardOptions"/>, for code that sets options one statement at a time
/// (<c>services.AddAgentSafetyGuards(options => options.Delay = …)</c>). <see cref="Build"/> makes the immutable options.
/// </summary>
public sealed class DestructiveGuardOptionsBuilder
{
    /// <summary>Starts from <paramref name="from"/>, or from an empty configuration (no provider: everything is refused).</summary>
    public DestructiveGuardOptionsBuilder(DestructiveGuardOptions? from = null)
    {
        var o = from ?? new DestructiveGuardOptions();
        Providers = o.Providers;
        Environment = o.Environment;
        DryRun = o.DryRun;
        Delay = o.Delay;
        AuditSink = o.AuditSink;
        Clock = o.Clock;
        Ledger = o.Ledger;
    }

    /// <inheritdoc cref="DestructiveGuardOptions.Providers"/>
    public IReadOnlyList<IConfirmationProvider> Providers { get; set; }

    /// <inheritdoc cref="DestructiveGuardOptions.Environment"/>
    public Func<string> Environment { get; set; }

    /// <inheritdoc cref="DestructiveGuardOptions.DryRun"/>
    public bool DryRun { get; set; }

    /// <inheritdoc cref="DestructiveGuardOptions.Delay"/>
    public TimeSpan Delay { get; set; }

    /// <inheritdoc cref="DestructiveGuardOptions.AuditSink"/>
    public IAuditSink? AuditSink { get; set; }

    /// <inheritdoc cref="DestructiveGuardOptions.Clock"/>
    public Func<DateTimeOffset> Clock { get; set; }

    /// <inheritdoc cref="DestructiveGuardOptions.Ledger"/>
    public IApprovalLedger? Ledger { get; set; }

    /// <summary>The immutable options; throws when a value is invalid (a null list, a negative delay).</summary>
    public DestructiveGuardOptions Build() => new()
    {
        Providers = Providers,
        Environment = Environment,
        DryRun = DryRun,
        Delay = Delay,
        AuditSink = AuditSink,
        Clock = Clock,
        Ledger = Ledger,
    };
}
