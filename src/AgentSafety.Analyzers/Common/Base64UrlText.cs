using System;
using System.Text;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// The one base64url decoder of the analyzers: JWT segments, PyPI macaroons and any other token whose payload tells its
/// scope. Standard base64 (<c>+</c>, <c>/</c>) decodes too; padding is optional.
/// </summary>
internal static class Base64UrlText
{
    /// <summary>Longer payloads are not decoded: no scope marker sits that deep, and the analyzer must stay cheap.</summary>
    private const int MaxLength = 16 * 1024;

    /// <summary>The payload as UTF-8 text (undecodable bytes become U+FFFD), or empty when it is not base64url.</summary>
    public static string DecodeToText(string encoded)
    {
        if (encoded.Length == 0 || encoded.Length > MaxLength || encoded.Length % 4 == 1)
        {
            return string.Empty;
        }

        var s = encoded.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(s));
        }
        catch (FormatException)
        {
            return string.Empty;
        }
    }
}
