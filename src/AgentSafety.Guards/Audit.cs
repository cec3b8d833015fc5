using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace AgentSafety.Guards;

/// <summary>What happened to a destructive operation.</summary>
public enum AuditEvent
{
    /// <summary>The guard was asked to run it.</summary>
    Requested,

    /// <summary>A provider approved it.</summary>
    Approved,

    /// <summary>Every provider refused it; it did not run.</summary>
    Refused,

    /// <summary>Dry run: it was approved and logged, and did not run.</summary>
    DryRun,

    /// <summary>The delay before running was cancelled; it did not run.</summary>
    Cancelled,

    /// <summary>It started.</summary>
    Started,

    /// <summary>It completed.</summary>
    Succeeded,

    /// <summary>It threw; the exception went to the caller unchanged.</summary>
    Failed,
}

/// <summary>One audit record.</summary>
public sealed class AuditRecord
{
    /// <summary>Creates a record.</summary>
    public AuditRecord(DateTimeOffset timestamp, AuditEvent @event, ConfirmationRequest request, string? provider = null, string? approverFingerprint = null, string? detail = null)
    {
        Timestamp = timestamp;
        Event = @event;
        Action = request.Action;
        Resource = request.Resource;
        Environment = request.Environment;
        Provider = provider;
        ApproverFingerprint = approverFingerprint;
        Detail = detail;
    }

    /// <summary>When.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>What happened.</summary>
    public AuditEvent Event { get; }

    /// <summary>The action.</summary>
    public string Action { get; }

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>The environment.</summary>
    public string Environment { get; }

    /// <summary>The provider that approved or refused.</summary>
    public string? Provider { get; }

    /// <summary>The approving key's fingerprint, for signed approvals.</summary>
    public string? ApproverFingerprint { get; }

    /// <summary>The refusal reasons or the failure; never a token.</summary>
    public string? Detail { get; }

    /// <summary>The record as one JSON object on one line.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder(256);
        sb.Append("{\"timestamp\":").Append(Quote(Timestamp.ToString("O", CultureInfo.InvariantCulture)));
        sb.Append(",\"event\":").Append(Quote(Event.ToString()));
        sb.Append(",\"action\":").Append(Quote(Action));
        sb.Append(",\"resource\":").Append(Quote(Resource));
        sb.Append(",\"environment\":").Append(Quote(Environment));
        if (Provider is not null)
        {
            sb.Append(",\"provider\":").Append(Quote(Provider));
        }

        if (ApproverFingerprint is not null)
        {
            sb.Append(",\"approver\":").Append(Quote(ApproverFingerprint));
        }

        if (Detail is not null)
        {
            sb.Append(",\"detail\":").Append(Quote(Detail));
        }

        return sb.Append('}').ToString();
    }

    private static string Quote(string value) => Json.Quote(value);
}

/// <summary>Where audit records go.</summary>
public interface IAuditSink
{
    /// <summary>Records one event. Must not throw for a record it cannot store; the guard treats a throwing sink as a failure of the run.</summary>
    void Write(AuditRecord record);
}

/// <summary>Appends one JSON object per line to a file.</summary>
public sealed class JsonLinesAuditSink : IAuditSink
{
    private readonly string _path;
    private readonly object _gate = new();

    /// <summary>Creates the sink; the file and its folder are created on first write.</summary>
    public JsonLinesAuditSink(string path) => _path = path ?? throw new ArgumentNullException(nameof(path));

    /// <inheritdoc/>
    public void Write(AuditRecord record)
    {
        lock (_gate)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(_path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            File.AppendAllText(_path, record.ToJson() + "\n", new UTF8Encoding(false));
        }
    }
}
