using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace AgentSafety.Guards;

/// <summary>
/// Approves a request when a token signed by one of the approver keys names exactly its action, resource and
/// environment and has not expired. The process holds only public keys, so nothing it can read lets it approve itself.
/// A token approves one run per provider instance; <see cref="Destructive"/> then spends its id in the configured
/// <see cref="IApprovalLedger"/> before running, which is what makes it run once across processes.
/// </summary>
public sealed class SignedApprovalProvider : IConfirmationProvider
{
    /// <summary>The environment variable that carries tokens (one or several, separated by white space, ',' or ';').</summary>
    public const string TokenVariable = "AGENTSAFETY_APPROVAL";

    /// <summary>The environment variable that lists approver public keys: public JWKs (one, a JSON array, or a JWK Set), or short <c>asapk1.</c> texts separated by white space, ',' or ';'.</summary>
    public const string KeysVariable = "AGENTSAFETY_APPROVER_KEYS";

    private readonly IReadOnlyList<ApproverPublicKey> _keys;
    private readonly Func<IEnumerable<string>> _tokens;
    private readonly Func<DateTimeOffset> _clock;
    private readonly ConcurrentDictionary<string, byte> _used = new(StringComparer.Ordinal);

    /// <summary>Creates the provider over explicit keys and a token source.</summary>
    public SignedApprovalProvider(IEnumerable<ApproverPublicKey> keys, Func<IEnumerable<string>> tokens, Func<DateTimeOffset>? clock = null)
    {
        _keys = (keys ?? throw new ArgumentNullException(nameof(keys))).ToArray();
        _tokens = tokens ?? throw new ArgumentNullException(nameof(tokens));
        _clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <inheritdoc/>
    public string Name => "signed approval";

    /// <summary>Keys from <see cref="KeysVariable"/> and tokens from <see cref="TokenVariable"/>, read at each request.</summary>
    public static SignedApprovalProvider FromEnvironment(IEnumerable<ApproverPublicKey>? extraKeys = null)
    {
        var keys = ApproverPublicKey.ParseList(System.Environment.GetEnvironmentVariable(KeysVariable), out _)
            .Concat(extraKeys ?? Enumerable.Empty<ApproverPublicKey>());
        return new SignedApprovalProvider(keys, () => SplitList(System.Environment.GetEnvironmentVariable(TokenVariable)));
    }

    /// <inheritdoc/>
    public Task<ConfirmationResult> ConfirmAsync(ConfirmationRequest request, CancellationToken cancellationToken)
    {
        var tokens = _tokens().Where(t => !string.IsNullOrWhiteSpace(t)).ToArray();
        if (tokens.Length == 0)
        {
            return Task.FromResult(ConfirmationResult.Refuse(Name, RefusalReason.NoApproval, $"no approval token in {TokenVariable}"));
        }

        if (_keys.Count == 0)
        {
            return Task.FromResult(ConfirmationResult.Refuse(Name, RefusalReason.UnknownKey, $"no approver public key is configured ({KeysVariable})"));
        }

        var refusals = new List<(RefusalReason Reason, string Detail)>();
        foreach (var text in tokens)
        {
            var (result, reason, detail) = Check(text, request);
            if (result is not null)
            {
                return Task.FromResult(result);
            }

            refusals.Add((reason, detail));
        }

        // The most specific refusal first: a token for the right pair but the wrong environment says more than a malformed one.
        var best = refusals.OrderBy(r => Specificity(r.Reason)).First();
        var all = string.Join("; ", refusals.Select(r => r.Detail));
        return Task.FromResult(ConfirmationResult.Refuse(Name, best.Reason, all));
    }

    private (ConfirmationResult? Result, RefusalReason Reason, string Detail) Check(string text, ConfirmationRequest request)
    {
        var shown = ApprovalToken.Redact(text.Trim());
        if (!ApprovalToken.TryRead(text, out var token, out var problem) || token is null)
        {
            return (null, RefusalReason.Malformed, $"token {shown} {problem}");
        }

        var candidates = _keys.Where(k => k.Matches(token.KeyId)).ToArray();
        if (candidates.Length == 0)
        {
            return (null, RefusalReason.UnknownKey, $"token {shown} is signed by key {token.KeyId}, which is not an approver key here");
        }

        var key = candidates.FirstOrDefault(k => k.Verify(token.SigningInput, token.Signature));
        if (key is null)
        {
            return (null, RefusalReason.BadSignature, token.KeyId is null
                ? $"token {shown} names no key (kid) and its signature verifies with no approver key here: it was altered, forged or signed by another key"
                : $"token {shown} has a signature that does not verify with approver key {candidates[0].Fingerprint}: it was altered or forged");
        }

        if (_clock() >= token.Expires)
        {
            return (null, RefusalReason.Expired, $"token {shown} expired at {token.Expires:u}");
        }

        if (token.Expires - token.Issued > ApprovalToken.MaximumLifetime)
        {
            return (null, RefusalReason.Expired, $"token {shown} claims a life longer than 15 minutes");
        }

        if (!string.Equals(token.Action, request.Action, StringComparison.Ordinal))
        {
            return (null, RefusalReason.WrongAction, $"token {shown} approves action '{token.Action}', not '{request.Action}'");
        }

        if (!string.Equals(token.Resource, request.Resource, StringComparison.Ordinal))
        {
            return (null, RefusalReason.WrongResource, $"token {shown} approves resource '{token.Resource}', not '{request.Resource}'");
        }

        if (!token.NamesEnvironment(request.Environment))
        {
            return (null, RefusalReason.WrongEnvironment, $"token {shown} approves environment '{string.Join("', '", token.Audiences)}', not '{request.Environment}'");
        }

        if (!_used.TryAdd(token.Id, 0))
        {
            return (null, RefusalReason.AlreadyUsed, $"token {shown} was already used for a run in this process");
        }

        return (ConfirmationResult.ApproveToken(Name, $"approved by key {key.Fingerprint} until {token.Expires:u}", key.Fingerprint, token.Id, token.Expires), RefusalReason.None, string.Empty);
    }

    private static int Specificity(RefusalReason reason) => reason switch
    {
        RefusalReason.AlreadyUsed => 0,
        RefusalReason.WrongEnvironment => 1,
        RefusalReason.WrongResource => 2,
        RefusalReason.WrongAction => 3,
        RefusalReason.Expired => 4,
        RefusalReason.BadSignature => 5,
        RefusalReason.UnknownKey => 6,
        _ => 7,
    };

    /// <summary>Splits a list of tokens or keys at white space, commas and semicolons.</summary>
    public static IEnumerable<string> SplitList(string? value) =>
        (value ?? string.Empty).Split(new[] { ' ', '\t', '\r', '\n', ',', ';' }, StringSplitOptions.RemoveEmptyEntries);
}
