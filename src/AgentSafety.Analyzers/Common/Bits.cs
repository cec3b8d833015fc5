using System.Runtime.CompilerServices;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// Bit tables kept as <c>ulong</c> words: the name, anchor and format tables the hot paths read for every call and
/// literal, small enough to stay in the processor's caches between two callbacks.
/// </summary>
internal static class Bits
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Has(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;
}
