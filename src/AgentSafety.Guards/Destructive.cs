using System;
using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>
/// Runs a destructive operation only after a person approved exactly that action on exactly that resource in this
/// environment. A token's id is spent in the configured <see cref="IApprovalLedger"/> before the operation starts, so
/// a token runs once wherever that ledger reaches (once per process when none is configured). With no approval and no
/// person at a terminal it throws <see cref="DestructiveOperationDeniedException"/> and the operation never starts.
/// </summary>
public static class Destructive
{
    private static DestructiveGuardOptions? _options;

    /// <summary>
    /// The configuration in force: the one given to <see cref="Configure(DestructiveGuardOptions)"/>, else
    /// <see cref="DestructiveGuardOptions.CreateDefault"/>. Immutable, so handing it out changes nothing.
    /// </summary>
    public static DestructiveGuardOptions Options
    {
        get
        {
            var current = Volatile.Read(ref _options);
            if (current is not null)
            {
                return current;
            }

            Interlocked.CompareExchange(ref _options, DestructiveGuardOptions.CreateDefault(), null);
            return Volatile.Read(ref _options)!;
        }
    }

    /// <summary>Replaces the configuration, atomically: the only way to change what the guard uses.</summary>
    public static void Configure(DestructiveGuardOptions options) =>
        Volatile.Write(ref _options, options ?? throw new ArgumentNullException(nameof(options)));

    /// <summary>
    /// Replaces the configuration with the current one changed by <paramref name="change"/>, for example
    /// <c>Destructive.Configure(o =&gt; o.Ledger = ledger)</c>.
    /// </summary>
    public static void Configure(Action<DestructiveGuardOptionsBuilder> change)
    {
        if (change is null)
        {
            throw new ArgumentNullException(nameof(change));
        }

        var builder = new DestructiveGuardOptionsBuilder(Options);
        change(builder);
        Configure(builder.Build());
    }

    /// <summary>Back to the default configuration.</summary>
    public static void Reset() => Volatile.Write(ref _options, null);

    /// <summary>Runs <paramref name="operation"/> once a person approved it.</summary>
    [ConfirmationGuard]
    public static Task RunAsync(string action, string resource, Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default)
    {
        Require(operation, nameof(operation));
        return RunCoreAsync<bool>(action, resource, async ct => { await operation(ct).ConfigureAwait(false); return true; }, cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/> once a person approved it and returns its result; in dry run, <c>default</c>.</summary>
    [ConfirmationGuard]
    public static Task<T> RunAsync<T>(string action, string resource, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        Require(operation, nameof(operation));
        return RunCoreAsync(action, resource, operation, cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/>, which takes no cancellation token, once a person approved it.</summary>
    [ConfirmationGuard]
    public static Task RunAsync(string action, string resource, Func<Task> operation, CancellationToken cancellationToken = default)
    {
        Require(operation, nameof(operation));
        return RunCoreAsync<bool>(action, resource, async _ => { await operation().ConfigureAwait(false); return true; }, cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/>, which takes no cancellation token, once a person approved it; in dry run, <c>default</c>.</summary>
    [ConfirmationGuard]
    public static Task<T> RunAsync<T>(string action, string resource, Func<Task<T>> operation, CancellationToken cancellationToken = default)
    {
        Require(operation, nameof(operation));
        return RunCoreAsync(action, resource, _ => operation(), cancellationToken);
    }

    /// <summary>Runs <paramref name="operation"/> synchronously once a person approved it.</summary>
    [ConfirmationGuard]
    public static void Run(string action, string resource, Action operation)
    {
        Require(operation, nameof(operation));
        RunCoreAsync<bool>(action, resource, _ => { operation(); return Task.FromResult(true); }, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="operation"/> synchronously once a person approved it; in dry run, <c>default</c>.</summary>
    [ConfirmationGuard]
    public static T Run<T>(string action, string resource, Func<T> operation)
    {
        Require(operation, nameof(operation));
        return RunCoreAsync(action, resource, _ => Task.FromResult(operation()), CancellationToken.None).GetAwaiter().GetResult();
    }

    private static async Task<T> RunCoreAsync<T>(string action, string resource, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(action))
        {
            throw new ArgumentException("name the destructive action (for example \"aws:s3:DeleteBucket\"); an empty action cannot be approved", nameof(action));
        }

        if (string.IsNullOrWhiteSpace(resource))
        {
            throw new ArgumentException("name the resource the operation destroys; an empty resource cannot be approved", nameof(resource));
        }

        var options = Options;
        var request = new ConfirmationRequest(action, resource, options.Environment() ?? "Production");
        Audit(options, AuditEvent.Requested, request);

        ConfirmationResult? approval = null;
        var refusals = new System.Collections.Generic.List<ConfirmationResult>();
        foreach (var provider in options.Providers)
        {
            var answer = await provider.ConfirmAsync(request, cancellationToken).ConfigureAwait(false);
            if (answer.IsApproved)
            {
                approval = answer;
                break;
            }

            refusals.Add(answer);
        }

        if (approval is null)
        {
            var main = refusals.Count == 0 ? ConfirmationResult.Refuse("none", RefusalReason.Denied, "no confirmation provider is configured") : refusals[0];
            var detail = string.Join("; ", refusals.ConvertAll(r => $"{r.Provider}: {r.Detail}"));
            if (refusals.Count == 0)
            {
                detail = main.Detail;
            }

            Audit(options, AuditEvent.Refused, request, main.Provider, null, detail);
            throw new DestructiveOperationDeniedException(request.Action, request.Resource, request.Environment, main.Reason, detail, options.EffectiveLedger);
        }

        Audit(options, AuditEvent.Approved, request, approval.Provider, approval.ApproverFingerprint, approval.Detail);

        if (options.DryRun)
        {
            Audit(options, AuditEvent.DryRun, request, approval.Provider, approval.ApproverFingerprint, "dry run: approved, not run");
            return default!;
        }

        await SpendAsync(options, request, approval, cancellationToken).ConfigureAwait(false);

        if (options.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(options.Delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Audit(options, AuditEvent.Cancelled, request, approval.Provider, approval.ApproverFingerprint, "cancelled during the delay before running");
                throw;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        Audit(options, AuditEvent.Started, request, approval.Provider, approval.ApproverFingerprint);
        try
        {
            var result = await operation(cancellationToken).ConfigureAwait(false);
            Audit(options, AuditEvent.Succeeded, request, approval.Provider, approval.ApproverFingerprint);
            return result;
        }
        catch (Exception e)
        {
            Audit(options, AuditEvent.Failed, request, approval.Provider, approval.ApproverFingerprint, e.GetType().FullName + ": " + e.Message);
            throw;
        }
    }

    /// <summary>Spends the approving token's id in the ledger, atomically, or refuses: the step that makes a token run once.</summary>
    private static async Task SpendAsync(DestructiveGuardOptions options, ConfirmationRequest request, ConfirmationResult approval, CancellationToken cancellationToken)
    {
        if (approval.TokenId is null)
        {
            return;
        }

        var ledger = options.EffectiveLedger;
        var claim = new ApprovalClaim(approval.TokenId, approval.TokenExpires ?? DateTimeOffset.MaxValue, request, approval.ApproverFingerprint);
        RefusalReason reason;
        string detail;
        try
        {
            if (await ledger.TryClaimAsync(claim, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            reason = RefusalReason.AlreadyUsed;
            detail = $"the approving token was already spent in {ledger.Description}: a token approves one run";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fail closed: a token that cannot be recorded as spent could be replayed, so it does not run.
            reason = RefusalReason.LedgerUnavailable;
            detail = $"{ledger.Description} could not record the approving token ({e.GetType().Name}: {e.Message})";
        }

        Audit(options, AuditEvent.Refused, request, approval.Provider, approval.ApproverFingerprint, detail);
        throw new DestructiveOperationDeniedException(request.Action, request.Resource, request.Environment, reason, detail, ledger);
    }

    private static void Audit(DestructiveGuardOptions options, AuditEvent @event, ConfirmationRequest request, string? provider = null, string? fingerprint = null, string? detail = null) =>
        options.AuditSink?.Write(new AuditRecord(options.Clock(), @event, request, provider, fingerprint, detail));

    private static void Require(object operation, string name)
    {
        if (operation is null)
        {
            throw new ArgumentNullException(name, "the operation to run must not be null");
        }
    }
}
