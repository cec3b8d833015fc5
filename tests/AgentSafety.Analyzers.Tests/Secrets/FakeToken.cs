using System;
using System.Text;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>
/// Token-shaped strings made at test time from a fixed seed, so that no token-like literal sits in the repository and no
/// test ever holds a real credential.
/// </summary>
internal static class FakeToken
{
    public const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    public const string Hex = "0123456789abcdef";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Make(string prefix, int length, string alphabet = Alnum, int seed = 1)
    {
        var random = new Random(seed * 7919 + prefix.Length * 31 + length);
        var sb = new StringBuilder(prefix);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    public static string Uuid(int seed = 1)
    {
        var h = Make(string.Empty, 32, Hex, seed);
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }
}
