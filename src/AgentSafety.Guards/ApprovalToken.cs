using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentSafety.Shared;

namespace AgentSafety.Guards;

/// <summary>
/// A person's signed approval of one action on one resource in one environment, until a short expiry: a JSON Web
/// Signature in compact form (RFC 7515), signed with ES256 (ECDSA P-256, SHA-256), so any JWT library can read it and a
/// team's own system (an approval bot, a KMS or HSM key) can issue it.
/// <para>Header: <c>{"alg":"ES256","typ":"JWT","kid":"&lt;the key's RFC 7638 thumbprint&gt;"}</c>.</para>
/// <para>Claims: <c>iss</c> (<c>agentsafety</c>, informative), <c>aud</c> (the environment), <c>iat</c>, <c>exp</c>
/// (at most 15 minutes after <c>iat</c>), <c>jti</c> (unique; what the approval ledger spends), and the private claims
/// <c>action</c> and <c>resource</c>, compared exactly.</para>
/// </summary>
public sealed class ApprovalToken
{
    /// <summary>The <c>iss</c> of tokens the <c>agentsafety</c> tool issues; the guard does not require it.</summary>
    public const string Issuer = "agentsafety";

    /// <summary>The private claim that names the action.</summary>
    public const string ActionClaim = "action";

    /// <summary>The private claim that names the resource.</summary>
    public const string ResourceClaim = "resource";

    /// <summary>The longest life a token may have.</summary>
    public static readonly TimeSpan MaximumLifetime = TimeSpan.FromMinutes(15);

    private ApprovalToken(string action, string resource, IReadOnlyList<string> audiences, DateTimeOffset expires, DateTimeOffset issued, string id, string? keyId, string algorithm, string headerJson, string claimsJson, byte[] signingInput, byte[] signature)
    {
        Action = action;
        Resource = resource;
        Audiences = audiences;
        Expires = expires;
        Issued = issued;
        Id = id;
        KeyId = keyId;
        Algorithm = algorithm;
        HeaderJson = headerJson;
        ClaimsJson = claimsJson;
        SigningInput = signingInput;
        Signature = signature;
    }

    /// <summary>The approved action (<c>action</c>).</summary>
    public string Action { get; }

    /// <summary>The approved resource (<c>resource</c>).</summary>
    public string Resource { get; }

    /// <summary>The approved environment (<c>aud</c>; the first one when the token names several).</summary>
    public string Environment => Audiences.Count > 0 ? Audiences[0] : string.Empty;

    /// <summary>Every <c>aud</c> value.</summary>
    public IReadOnlyList<string> Audiences { get; }

    /// <summary>When the approval ends (<c>exp</c>).</summary>
    public DateTimeOffset Expires { get; }

    /// <summary>When it was issued (<c>iat</c>).</summary>
    public DateTimeOffset Issued { get; }

    /// <summary>The token's unique id (<c>jti</c>): what an <see cref="IApprovalLedger"/> records so the token runs once.</summary>
    public string Id { get; }

    /// <summary>The token's id; the older name of <see cref="Id"/>.</summary>
    public string Nonce => Id;

    /// <summary>The header's <c>kid</c>, or null when the issuer set none (then every configured key is tried).</summary>
    public string? KeyId { get; }

    /// <summary>The header's <c>kid</c>; the older name of <see cref="KeyId"/>.</summary>
    public string KeyFingerprint => KeyId ?? string.Empty;

    /// <summary>The header's <c>alg</c>; only <c>ES256</c> is ever accepted.</summary>
    public string Algorithm { get; }

    /// <summary>The decoded header, as sent.</summary>
    public string HeaderJson { get; }

    /// <summary>The decoded claims, as sent.</summary>
    public string ClaimsJson { get; }

    /// <summary>The signature's size in bytes (64 for ES256); the signature itself is never shown.</summary>
    public int SignatureLength => Signature.Length;

    internal byte[] SigningInput { get; }

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

        var id = new byte[16];
        using (var rng = RandomNumberGenerator.Create())
        {
            rng.GetBytes(id);
        }

        var iat = now.ToUnixTimeSeconds();
        var exp = now.Add(lifetime).ToUnixTimeSeconds();
        var header = "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":" + Json.Quote(key.PublicKey.KeyId) + "}";
        var claims = "{\"iss\":" + Json.Quote(Issuer)
            + ",\"aud\":" + Json.Quote(environment)
            + ",\"iat\":" + iat.ToString(CultureInfo.InvariantCulture)
            + ",\"exp\":" + exp.ToString(CultureInfo.InvariantCulture)
            + ",\"jti\":" + Json.Quote(Base64Url.Encode(id))
            + ",\"" + ActionClaim + "\":" + Json.Quote(action)
            + ",\"" + ResourceClaim + "\":" + Json.Quote(resource) + "}";
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims));
        return signingInput + "." + Base64Url.Encode(key.Sign(Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>
    /// Reads a token's header and claims without checking its signature; false when it is not a compact JWS with an
    /// ES256 header and every claim this guard needs (<c>aud</c>, <c>iat</c>, <c>exp</c>, <c>jti</c>, <c>action</c>, <c>resource</c>).
    /// </summary>
    public static bool TryRead(string? text, out ApprovalToken? token) => TryRead(text, out token, out _);

    /// <summary>As <see cref="TryRead(string?, out ApprovalToken?)"/>, saying in <paramref name="problem"/> what is wrong.</summary>
    public static bool TryRead(string? text, out ApprovalToken? token, out string problem)
    {
        token = null;
        var t = text?.Trim() ?? string.Empty;
        var parts = t.Split('.');
        if (parts.Length != 3)
        {
            problem = "is not a JWS in compact form (three base64url parts separated by '.')";
            return false;
        }

        if (!Base64Url.TryDecode(parts[0], out var headerBytes) || !Base64Url.TryDecode(parts[1], out var claimBytes) || !Base64Url.TryDecode(parts[2], out var signature)
            || !TryUtf8(headerBytes, out var headerJson) || !TryUtf8(claimBytes, out var claimsJson)
            || !Json.TryParseObject(headerJson, out var header) || !Json.TryParseObject(claimsJson, out var claims))
        {
            problem = "is not a JWS: a part is not base64url-encoded UTF-8 JSON";
            return false;
        }

        var alg = Json.String(header, "alg");
        if (alg != "ES256")
        {
            problem = $"is signed with '{alg ?? "no algorithm"}'; only ES256 approvals are accepted";
            return false;
        }

        if (header.ContainsKey("crit"))
        {
            // RFC 7515 section 4.1.11: a critical extension this reader does not implement makes the token invalid.
            problem = "names critical header extensions ('crit') this guard does not implement";
            return false;
        }

        var audiences = new List<string>();
        if (claims.TryGetValue("aud", out var aud))
        {
            if (aud is string single)
            {
                audiences.Add(single);
            }
            else if (aud is List<object?> many)
            {
                foreach (var a in many)
                {
                    if (a is string s)
                    {
                        audiences.Add(s);
                    }
                }
            }
        }

        var action = Json.String(claims, ActionClaim);
        var resource = Json.String(claims, ResourceClaim);
        var id = Json.String(claims, "jti");
        var exp = Json.Seconds(claims, "exp");
        var iat = Json.Seconds(claims, "iat");
        var missing = new List<string>();
        if (audiences.Count == 0) { missing.Add("aud"); }
        if (iat is null) { missing.Add("iat"); }
        if (exp is null) { missing.Add("exp"); }
        if (string.IsNullOrEmpty(id)) { missing.Add("jti"); }
        if (string.IsNullOrEmpty(action)) { missing.Add(ActionClaim); }
        if (string.IsNullOrEmpty(resource)) { missing.Add(ResourceClaim); }
        if (missing.Count > 0)
        {
            problem = "lacks the claims " + string.Join(", ", missing);
            return false;
        }

        token = new ApprovalToken(action!, resource!, audiences, DateTimeOffset.FromUnixTimeSeconds(exp!.Value), DateTimeOffset.FromUnixTimeSeconds(iat!.Value), id!, Json.String(header, "kid"), alg, headerJson, claimsJson, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature);
        problem = string.Empty;
        return true;
    }

    /// <summary>A token shown in a message: its first characters and its length, never the whole of it.</summary>
    public static string Redact(string token) =>
        token.Length <= 8 ? $"({token.Length} characters)" : $"{token.Substring(0, 8)}… ({token.Length} characters)";

    /// <summary>True when the signature verifies with <paramref name="key"/> and the header's <c>kid</c>, if any, names that key.</summary>
    public bool IsSignedBy(ApproverPublicKey key) =>
        key is not null && key.Matches(KeyId) && key.Verify(SigningInput, Signature);

    internal bool NamesEnvironment(string environment)
    {
        foreach (var a in Audiences)
        {
            if (string.Equals(a, environment, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
            return true;
        }
        catch (ArgumentException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static void RequireField(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"the {name} to approve must not be empty", name);
        }
    }
}
