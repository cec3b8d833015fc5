using System;
using System.Security.Cryptography;
using System.Text;

namespace AgentSafety.Guards;

/// <summary>
/// An approver's ECDSA P-256 public key, the only key material a guarded process ever holds. Text form:
/// <c>asapk1.&lt;base64url(X||Y)&gt;</c>.
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
    }

    internal byte[] X { get; }

    internal byte[] Y { get; }

    /// <summary>The key in its text form.</summary>
    public string Text { get; }

    /// <summary>First 16 hex digits of the SHA-256 of the key: names the approver in tokens and audit records.</summary>
    public string Fingerprint { get; }

    /// <summary>Parses the text form; false for anything else.</summary>
    public static bool TryParse(string? text, out ApproverPublicKey? key)
    {
        key = null;
        var t = text?.Trim();
        if (t is null || !t.StartsWith(Prefix, StringComparison.Ordinal) || !Base64Url.TryDecode(t.Substring(Prefix.Length), out var bytes) || bytes.Length != 64)
        {
            return false;
        }

        var x = new byte[32];
        var y = new byte[32];
        Buffer.BlockCopy(bytes, 0, x, 0, 32);
        Buffer.BlockCopy(bytes, 32, y, 0, 32);
        key = new ApproverPublicKey(x, y);
        return true;
    }

    /// <summary>Parses the text form, or throws <see cref="FormatException"/>.</summary>
    public static ApproverPublicKey Parse(string text) =>
        TryParse(text, out var key) ? key! : throw new FormatException("not an AgentSafety approver public key (expected 'asapk1.' followed by 86 base64url characters)");

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
