using System;

namespace AgentSafety.Guards;

/// <summary>What a person is asked to approve: one action, on one resource, in one environment.</summary>
public sealed class ConfirmationRequest
{
    /// <summary>Creates a request.</summary>
    public ConfirmationRequest(string action, string resource, string environment)
    {
        Action = action ?? throw new ArgumentNullException(nameof(action));
        Resource = resource ?? throw new ArgumentNullException(nameof(resource));
        Environment = environment ?? throw new ArgumentNullException(nameof(environment));
    }

    /// <summary>The operation, for example <c>aws:s3:DeleteBucket</c> or <c>railway:volumeDelete</c>.</summary>
    public string Action { get; }

    /// <summary>The resource it destroys: a bucket name, a volume ID.</summary>
    public string Resource { get; }

    /// <summary>The environment the process runs in.</summary>
    public string Environment { get; }
}
