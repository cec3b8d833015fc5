using System;
using Microsoft.Extensions.Logging;

namespace AgentSafety.Guards.Extensions;

/// <summary>
/// Writes every audit record to an <see cref="ILogger"/> as one structured event, so that approvals and refusals land
/// wherever the application's logs go. Refusals and cancellations are warnings and failures errors: a refused
/// destructive call is what an operator wants to see first.
/// </summary>
public sealed class LoggerAuditSink : IAuditSink
{
    /// <summary>The logger category the registration uses.</summary>
    public const string Category = "AgentSafety.Guards.Destructive";

    private const string Template =
        "Destructive operation {AuditEvent}: {Action} on {Resource} in {Environment} (provider {Provider}, approver key {ApproverFingerprint}) {Detail}";

    private readonly ILogger _logger;

    /// <summary>Creates the sink over a logger.</summary>
    public LoggerAuditSink(ILogger logger) => _logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <summary>The level each event is logged at.</summary>
    public static LogLevel LevelOf(AuditEvent auditEvent) => auditEvent switch
    {
        AuditEvent.Refused or AuditEvent.Cancelled => LogLevel.Warning,
        AuditEvent.Failed => LogLevel.Error,
        _ => LogLevel.Information,
    };

    /// <inheritdoc />
    public void Write(AuditRecord record)
    {
        if (record is null)
        {
            return;
        }

        // An audit sink must not throw (the guard counts a throwing sink as a failed run), and a logger may.
        try
        {
            _logger.Log(
                LevelOf(record.Event),
                new EventId(4200 + (int)record.Event, record.Event.ToString()),
                Template,
                record.Event,
                record.Action,
                record.Resource,
                record.Environment,
                record.Provider ?? "-",
                record.ApproverFingerprint ?? "-",
                record.Detail ?? string.Empty);
        }
        catch (Exception)
        {
        }
    }
}
