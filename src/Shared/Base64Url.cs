// Shared source: compiled into AgentSafety.Analyzers (the secrets rules read JWT and macaroon payloads) and into
// AgentSafety.Guards (approval tokens and key IDs), so that there is one base64url codec. netstandard2.0, BCL only.
using System;
using System.Text;

namespace AgentSafety.Shared;

/// <summary>Base64url (RFC 4648 §5) without padding when written; standard base64 and optional padding when read.</summary>
internal static class Base64Url
{
    /// <summary>Longer payloads are not decoded to text: no scope marker sits that deep, and the analyzer must stay cheap.</summary>
    private const int MaxTextLength = 16 * 1024;

    public static string Encode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = Array.Empty<byte>();
        if (text.Length % 4 == 1)
        {
            return false;
        }

        var s = text.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            bytes = Convert.FromBase64String(s);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The payload as UTF-8 text (undecodable bytes become U+FFFD), or empty when it is not base64url.</summary>
    public static string DecodeToText(string encoded) =>
        encoded.Length > 0 && encoded.Length <= MaxTextLength && TryDecode(encoded, out var bytes) ? Encoding.UTF8.GetString(bytes) : string.Empty;
}
