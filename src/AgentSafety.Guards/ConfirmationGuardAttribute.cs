using System;

namespace AgentSafety.Guards;

/// <summary>
/// Marks a method that asks a person to confirm an operation before running it. AgentSafety.Analyzers treats a call
/// inside a lambda, anonymous method, local function or method group passed to such a method as guarded.
/// </summary>
/// <remarks>
/// The analyzers match this attribute by its simple name in any namespace, so a team can declare its own
/// <c>ConfirmationGuardAttribute</c> for its own approval flow without referencing this package.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ConfirmationGuardAttribute : Attribute
{
}
