using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// Where secrets are looked for, shared by ASA101 and ASA102: C# string literals with the name they are bound to,
/// and constants passed to credential parameters (the KEY=VALUE lines of configuration files are read by
/// <see cref="Common.KeyValueText"/>).
/// </summary>
internal static class SecretSites
{
    /// <summary>Whether a literal sits where a constant is required, so that no code fix can turn it into a run-time read.</summary>
    public static bool RequiresConstant(LiteralExpressionSyntax literal) =>
        literal.Ancestors().Any(a => a is AttributeArgumentSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or ParameterSyntax);
}
