#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the marker type that init-only setters need; the compiler accepts an internal copy.
internal static class IsExternalInit
{
}
#endif
