using System;
using System.Collections.Generic;

namespace AgentSafety.Guards.Extensions;

/// <summary>Writes each record to several sinks (the JSON-lines file and the application's log, say); one failing sink does not silence the others.</summary>
public sealed class CompositeAuditSink : IAuditSink
{
    private readonly IAuditSink[] _sinks;

    /// <summary>Creates the sink over the given sinks, skipping nulls.</summary>
    public CompositeAuditSink(IEnumerable<IAuditSink?> sinks)
    {
        if (sinks is null)
        {
            throw new ArgumentNullException(nameof(sinks));
        }

        var list = new List<IAuditSink>();
        foreach (var sink in sinks)
        {
            if (sink is not null)
            {
                list.Add(sink);
            }
        }

        _sinks = list.ToArray();
    }

    /// <summary>The sinks written to, in order.</summary>
    public IReadOnlyList<IAuditSink> Sinks => _sinks;

    /// <inheritdoc />
    public void Write(AuditRecord record)
    {
        List<Exception>? errors = null;
        foreach (var sink in _sinks)
        {
            try
            {
                sink.Write(record);
            }
            catch (Exception e)
            {
                (errors ??= new List<Exception>()).Add(e);
            }
        }

        // The guard must learn that the audit trail is incomplete: it treats a throwing sink as a failed run.
        if (errors is not null)
        {
            throw new AggregateException("an audit sink failed to record a destructive operation", errors);
        }
    }
}
