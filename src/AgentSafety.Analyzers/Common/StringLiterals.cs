using Microsoft.CodeAnalysis;

namespace AgentSafety.Analyzers.Common;

/// <summary>The text of string literal tokens, read where every literal of a code base is read.</summary>
internal static class StringLiterals
{
    /// <summary>
    /// The value of a string literal or interpolated-string text token: the string the compiler stored. The same text
    /// as <see cref="SyntaxToken.ValueText"/>, which hands the stored value to <c>Convert.ToString</c> and its interface
    /// checks on each call: 0.3 ms a compilation of Newtonsoft.Json in a sampled profile, for a string it returns as is.
    /// </summary>
    public static string ValueOf(SyntaxToken token) => token.Value as string ?? token.ValueText;
}
