using System;
using System.Collections.Generic;
using System.Threading;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>
/// <see cref="Destructive"/> has one process-wide configuration, so every test that configures it runs in this one
/// non-parallel collection and configures it completely.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GuardCollection
{
    public const string Name = "Destructive configuration";
}

internal sealed class MemoryAuditSink : IAuditSink
{
    public List<AuditRecord> Records { get; } = new();

    public void Write(AuditRecord record)
    {
        lock (Records)
        {
            Records.Add(record);
        }
    }
}

internal sealed class FakeConsole : IGuardConsole
{
    private readonly Queue<string?> _answers;

    public FakeConsole(bool interactive, params string?[] answers)
    {
        IsInteractive = interactive;
        _answers = new Queue<string?>(answers);
    }

    public bool IsInteractive { get; }

    public List<string> Written { get; } = new();

    public void WriteLine(string text) => Written.Add(text);

    public string? ReadLine() => _answers.Count > 0 ? _answers.Dequeue() : null;
}

internal sealed class Counter
{
    private int _count;

    public int Count => _count;

    public void Increment() => Interlocked.Increment(ref _count);
}

internal static class Setup
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static MemoryAuditSink Configure(IEnumerable<IConfirmationProvider> providers, string environment = "Staging", bool dryRun = false, TimeSpan delay = default)
    {
        var audit = new MemoryAuditSink();
        Destructive.Configure(new DestructiveGuardOptions
        {
            Providers = new List<IConfirmationProvider>(providers),
            Environment = () => environment,
            DryRun = dryRun,
            Delay = delay,
            AuditSink = audit,
            Clock = () => Now,
        });
        return audit;
    }

    public static SignedApprovalProvider Signed(ApproverKeyPair key, params string[] tokens) =>
        new(new[] { key.PublicKey }, () => tokens, () => Now);
}
