using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using AgentSafety.Shared;

namespace AgentSafety.Guards;

/// <summary>
/// An approver's ECDSA P-256 public key, the only key material a guarded process ever holds. Published as a JSON Web Key
/// (RFC 7517): <c>{"kty":"EC","crv":"P-256","x":"…","y":"…","kid":"…","alg":"ES256","use":"sig"}</c>, where <c>kid</c>
/// is the key's RFC 7638 thumbprint. The short text form <c>asapk1.&lt;base64url(X||Y)&gt;</c> is still accepted.
/// </summary>
public sealed class ApproverPublicKey
{
    internal const string Prefix = "asapk1.";

    private ApproverPublicKey(byte[] x, byte[] y)
    {
        X = x;
        Y = y;
        var both = new byte[64];
        Buffer.BlockCopy(x, 0, both, 0, 32);
        Buffer.BlockCopy(y, 0, both, 32, 32);
        Text = Prefix + Base64Url.Encode(both);
        using var sha = SHA256.Create();
        Fingerprint = Hex(sha.ComputeHash(both), 8);

        // RFC 7638: the SHA-256 of the required members, in lexicographic order, without white space.
        var canonical = "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"" + Base64Url.Encode(x) + "\",\"y\":\"" + Base64Url.Encode(y) + "\"}";
        KeyId = Base64Url.Encode(sha.ComputeHash(Encoding.UTF8.GetBytes(canonical)));
    }

    internal byte[] X { get; }

    internal byte[] Y { get; }

    /// <summary>The key in its short text form, <c>asapk1.…</c>.</summary>
    public string Text { get; }

    /// <summary>First 16 hex digits of the SHA-256 of the key: names the approver in audit records and messages.</summary>
    public string Fingerprint { get; }

    /// <summary>The key's JWK thumbprint (RFC 7638), the <c>kid</c> of the tokens it signs.</summary>
    public string KeyId { get; }

    /// <summary>The key as a public JSON Web Key on one line, for <c>AGENTSAFETY_APPROVER_KEYS</c> or a JWK Set.</summary>
    public string ToJwk() =>
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + Base64Url.Encode(X) + "\",\"y\":\"" + Base64Url.Encode(Y)
        + "\",\"kid\":\"" + KeyId + "\",\"alg\":\"ES256\",\"use\":\"sig\"}";

    /// <summary>Parses a public JWK (EC, P-256) or the short text form; false for anything else, and for a point not on the curve.</summary>
    public static bool TryParse(string? text, out ApproverPublicKey? key)
    {
        key = null;
        var t = text?.Trim();
        if (t is null)
        {
            return false;
        }

        if (t.StartsWith("{", StringComparison.Ordinal))
        {
            return Json.TryParseObject(t, out var jwk) && TryFromJwk(jwk, out key);
        }

        if (!t.StartsWith(Prefix, StringComparison.Ordinal) || !Base64Url.TryDecode(t.Substring(Prefix.Length), out var bytes) || bytes.Length != 64)
        {
            return false;
        }

        var x = new byte[32];
        var y = new byte[32];
        Buffer.BlockCopy(bytes, 0, x, 0, 32);
        Buffer.BlockCopy(bytes, 32, y, 0, 32);
        return TryCreate(x, y, out key);
    }

    /// <summary>Parses a public JWK or the short text form, or throws <see cref="FormatException"/>.</summary>
    public static ApproverPublicKey Parse(string text) =>
        TryParse(text, out var key) ? key! : throw new FormatException("not an approver public key (expected a P-256 public JWK, or 'asapk1.' followed by 86 base64url characters)");

    /// <summary>
    /// Reads a list of keys: a JWK Set (<c>{"keys":[…]}</c>), a JSON array of JWKs, one JWK, or short text forms separated
    /// by white space, commas or semicolons. Entries that are not keys are left out and named in <paramref name="rejected"/>.
    /// </summary>
    public static IReadOnlyList<ApproverPublicKey> ParseList(string? text, out IReadOnlyList<string> rejected)
    {
        var keys = new List<ApproverPublicKey>();
        var bad = new List<string>();
        rejected = bad;
        var t = text?.Trim() ?? string.Empty;
        if (t.Length == 0)
        {
            return keys;
        }

        if (t.StartsWith("{", StringComparison.Ordinal) || t.StartsWith("[", StringComparison.Ordinal))
        {
            var wrapped = t.StartsWith("[", StringComparison.Ordinal) ? "{\"keys\":" + t + "}" : t;
            if (!Json.TryParseObject(wrapped, out var obj))
            {
                bad.Add("the JSON text is not valid");
                return keys;
            }

            var entries = obj.TryGetValue("keys", out var list) && list is List<object?> array ? array : new List<object?> { obj };
            foreach (var entry in entries)
            {
                if (entry is Dictionary<string, object?> jwk && TryFromJwk(jwk, out var key))
                {
                    keys.Add(key!);
                }
                else
                {
                    bad.Add("a JSON entry that is not a P-256 public JWK");
                }
            }

            return keys;
        }

        foreach (var item in SignedApprovalProvider.SplitList(t))
        {
            if (TryParse(item, out var key))
            {
                keys.Add(key!);
            }
            else
            {
                bad.Add(item.Length <= 12 ? item : item.Substring(0, 12) + "…");
            }
        }

        return keys;
    }

    internal bool Matches(string? kid) =>
        kid is null || string.Equals(kid, KeyId, StringComparison.Ordinal) || string.Equals(kid, Fingerprint, StringComparison.Ordinal);

    internal bool Verify(byte[] data, byte[] signature)
    {
        using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = X, Y = Y } });
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256);
    }

    internal static ApproverPublicKey FromPoint(byte[] x, byte[] y) => new(x, y);

    internal static string Hex(byte[] bytes, int count)
    {
        var sb = new StringBuilder(count * 2);
        for (var i = 0; i < count && i < bytes.Length; i++)
        {
            sb.Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static bool TryFromJwk(Dictionary<string, object?> jwk, out ApproverPublicKey? key)
    {
        key = null;
        if (Json.String(jwk, "kty") != "EC" || Json.String(jwk, "crv") != "P-256" || jwk.ContainsKey("d")
            || (jwk.TryGetValue("alg", out var alg) && alg as string != "ES256")
            || !Base64Url.TryDecode(Json.String(jwk, "x") ?? string.Empty, out var x) || x.Length != 32
            || !Base64Url.TryDecode(Json.String(jwk, "y") ?? string.Empty, out var y) || y.Length != 32)
        {
            return false;
        }

        return TryCreate(x, y, out key);
    }

    private static bool TryCreate(byte[] x, byte[] y, out ApproverPublicKey? key)
    {
        key = null;
        try
        {
            // Importing validates that the point lies on the curve: an invalid point must not reach verification.
            using var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = x, Y = y } });
        }
        catch (CryptographicException)
        {
            return false;
        }

        key = new ApproverPublicKey(x, y);
        return true;
    }
}

/// <summary>
/// An approver's key pair. Only the approver holds it (made by <c>agentsafety keygen</c>); guarded processes hold only
/// <see cref="PublicKey"/>. Text form of the private key: <c>asask1.&lt;base64url(D||X||Y)&gt;</c>.
/// </summary>
public sealed class ApproverKeyPair
{
    private const string Prefix = "asask1.";
    private readonly byte[] _d;

    private ApproverKeyPair(byte[] d, byte[] x, byte[] y)
    {
        _d = d;
        PublicKey = ApproverPublicKey.FromPoint(x, y);
    }

    /// <summary>The public half, to give to guarded processes.</summary>
    public ApproverPublicKey PublicKey { get; }

    /// <summary>Makes a new P-256 key pair.</summary>
    public static ApproverKeyPair Generate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = ecdsa.ExportParameters(includePrivateParameters: true);
        return new ApproverKeyPair(Pad(p.D!), Pad(p.Q.X!), Pad(p.Q.Y!));
    }

    /// <summary>Reads the private key's text form.</summary>
    public static ApproverKeyPair ParsePrivateKey(string text)
    {
        var t = text?.Trim() ?? string.Empty;
        if (!t.StartsWith(Prefix, StringComparison.Ordinal) || !Base64Url.TryDecode(t.Substring(Prefix.Length), out var bytes) || bytes.Length != 96)
        {
            throw new FormatException("not an AgentSafety approver private key (expected 'asask1.' followed by 128 base64url characters)");
        }

        var d = new byte[32];
        var x = new byte[32];
        var y = new byte[32];
        Buffer.BlockCopy(bytes, 0, d, 0, 32);
        Buffer.BlockCopy(bytes, 32, x, 0, 32);
        Buffer.BlockCopy(bytes, 64, y, 0, 32);
        return new ApproverKeyPair(d, x, y);
    }

    /// <summary>The private key's text form: keep it where no agent and no guarded process can read it.</summary>
    public string ToPrivateKeyText()
    {
        var all = new byte[96];
        Buffer.BlockCopy(_d, 0, all, 0, 32);
        Buffer.BlockCopy(PublicKey.X, 0, all, 32, 32);
        Buffer.BlockCopy(PublicKey.Y, 0, all, 64, 32);
        return Prefix + Base64Url.Encode(all);
    }

    internal byte[] Sign(byte[] data)
    {
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = _d,
            Q = new ECPoint { X = PublicKey.X, Y = PublicKey.Y },
        });
        return ecdsa.SignData(data, HashAlgorithmName.SHA256);
    }

    private static byte[] Pad(byte[] value)
    {
        if (value.Length == 32)
        {
            return value;
        }

        var padded = new byte[32];
        Buffer.BlockCopy(value, 0, padded, 32 - value.Length, value.Length);
        return padded;
    }
}
