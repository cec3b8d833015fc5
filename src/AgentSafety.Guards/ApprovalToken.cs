using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentSafety.Guards;

/// <summary>
/// A person's signed approval of one action on one resource in one environment, until a short expiry:
/// <c>asa1.&lt;base64url(payload)&gt;.&lt;base64url(ECDSA P-256 SHA-256 signature of the payload)&gt;</c>, where the payload is
/// the UTF-8 lines <c>asa1</c>, action, resource, environment, expiry and issue time (Unix seconds), nonce, key fingerprint.
/// </summary>
public sealed class ApprovalToken
{
    private const string Prefix = "asa1.";

    /// <summary>The longest life a token may have.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(15);

    private ApprovalToken(string action, string resource, string environment, DateTimeOffset expires, DateTimeOffset issued, string nonce, string keyFingerprint, byte[] payload, byte[] signature)
    {
        Action = action;
        Resource = resource;
        Environment = environment;
        Expires = expires;
        Issued = issued;
        Nonce = nonce;
        KeyFingerprint = keyFingerprint;
        Payload = payload;
        Signature = signature;
    }

    /// <summary>The approved action.</summary>
    public string Action { get; }

    /// <summary>The approved resource.</summary>
    public string Resource { get; }

    /// <summary>The approved environment.</summary>
    public string Environment { get; }

    /// <summary>When the approval ends.</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>When it was issued.</summary>
    public DateTimeOffset Issued { get; }

    /// <summary>Makes the token single-use within a process.</summary>
    public string Nonce { get; }

    /// <summary>The fingerprint of the signing key.</summary>
    public string KeyFingerprint { get; }

    internal byte[] Payload { get; }

    internal byte[] Signature { get; }

    /// <summary>Issues a token: what <c>agentsafety approve</c> prints.</summary>
    public static string Issue(ApproverKeyPair key, string action, string resource, string environment, TimeSpan lifetime, DateTimeOffset now)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        RequireField(action, nameof(action));
        RequireField(resource, nameof(resource));
        RequireField(environment, nameof(environment));
        if (lifetime <= TimeSpan.Zero || lifetime > MaximumLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "an approval lives more than zero and at most 15 minutes");
        }

        var nonceBytes = new byte[12];
        using (var rng = RandomNumberGenerator.Create())
        {
            rng.GetBytes(nonceBytes);
        }

        var payload = string.Join(
            "\n",
            "asa1",
            action,
            resource,
            environment,
            now.Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            Base64Url.Encode(nonceBytes),
            key.PublicKey.Fingerprint);
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Prefix + Base64Url.Encode(bytes) + "." + Base64Url.Encode(key.Sign(bytes));
    }

    /// <summary>Reads a token's fields without checking its signature; false when it is not a token.</summary>
    public static bool TryRead(string? text, out ApprovalToken? token)
    {
        token = null;
        var t = text?.Trim();
        if (t is null || !t.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = t.Substring(Prefix.Length).Split('.');
        if (parts.Length != 2 || !Base64Url.TryDecode(parts[0], out var payload) || !Base64Url.TryDecode(parts[1], out var signature))
        {
            return false;
        }

        string[] fields;
        try
        {
            fields = new UTF8Encoding(false, true).GetString(payload).Split('\n');
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (fields.Length != 8 || fields[0] != "asa1"
            || !long.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var exp)
            || !long.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out var iat))
        {
            return false;
        }

        try
        {
            token = new ApprovalToken(fields[1], fields[2], fields[3], DateTimeOffset.FromUnixTimeSeconds(exp), DateTimeOffset.FromUnixTimeSeconds(iat), fields[6], fields[7], payload, signature);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>A token shown in a message: its first characters and its length, never the whole of it.</summary>
    public static string Redact(string token) =>
        token.Length <= 8 ? $"({token.Length} characters)" : $"{token.Substring(0, 8)}… ({token.Length} characters)";

    private static void RequireField(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"the {name} to approve must not be empty", name);
        }

        if (value.IndexOf('\n') >= 0 || value.IndexOf('\r') >= 0)
        {
            throw new ArgumentException($"the {name} to approve must be one line", name);
        }
    }
}
