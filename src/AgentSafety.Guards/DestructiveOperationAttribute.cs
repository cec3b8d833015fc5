using System;

namespace AgentSafety.Guards;

/// <summary>
/// Marks a method that destroys infrastructure or data. Its callers need a confirmation guard (rule ASA201);
/// its own body does not, because the guard belongs at the call site that decides to destroy.
/// </summary>
/// <remarks>Matched by simple name in any namespace, like <see cref="ConfirmationGuardAttribute"/>.</remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false, AllowMultiple = false)]
public sealed class DestructiveOperationAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    public DestructiveOperationAttribute()
    {
    }

    /// <summary>Creates the attribute with a description of what the operation destroys.</summary>
    /// <param name="description">What the operation destroys, shown in the diagnostic.</param>
    public DestructiveOperationAttribute(string description)
    {
        Description = description;
    }

    /// <summary>What the operation destroys, shown in the diagnostic.</summary>
    public string? Description { get; }
}
