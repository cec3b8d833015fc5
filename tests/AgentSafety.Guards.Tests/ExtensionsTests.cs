using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AgentSafety.Guards.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>AgentSafety.Guards.Extensions: refusals and runs reach the application's log, and the container configures the guard.</summary>
[Collection(GuardCollection.Name)]
public class ExtensionsTests
{
    [Fact]
    public async Task A_refusal_registered_through_the_container_is_logged_as_a_warning_and_the_operation_never_runs()
    {
        var logs = new RecordingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(builder => builder.AddProvider(logs))
            .AddAgentSafetyGuards(options =>
            {
                options.Providers = new IConfirmationProvider[] { new DenyAllConfirmationProvider() };
                options.Environment = () => "Production";
            });
        using var provider = services.BuildServiceProvider();
        provider.UseAgentSafetyGuards();
        var ran = new Counter();

        try
        {
            await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
                Destructive.RunAsync("railway:volumeDelete", "vol-prod", _ => { ran.Increment(); return Task.CompletedTask; }));
        }
        finally
        {
            Destructive.Reset();
        }

        Assert.Equal(0, ran.Count);
        var refused = Assert.Single(logs.Entries, e => e.EventId.Name == nameof(AuditEvent.Refused));
        Assert.Equal(LogLevel.Warning, refused.Level);
        Assert.Equal(LoggerAuditSink.Category, refused.Category);
        Assert.Contains("railway:volumeDelete", refused.Message, StringComparison.Ordinal);
        Assert.Contains("vol-prod", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
        Assert.Contains(logs.Entries, e => e.EventId.Name == nameof(AuditEvent.Requested) && e.Level == LogLevel.Information);
    }

    [Fact]
    public void Using_the_guard_without_registering_it_says_what_to_call()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.UseAgentSafetyGuards());

        Assert.Contains("AddAgentSafetyGuards", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_sink_configured_in_code_is_kept_beside_the_logger()
    {
        var file = new MemoryAuditSink();
        using var provider = new ServiceCollection()
            .AddLogging()
            .AddAgentSafetyGuards(options => options.AuditSink = file)
            .BuildServiceProvider();

        var options = provider.GetRequiredService<DestructiveGuardOptions>();

        var composite = Assert.IsType<CompositeAuditSink>(options.AuditSink);
        Assert.Same(file, composite.Sinks[0]);
        Assert.IsType<LoggerAuditSink>(composite.Sinks[1]);
    }

    [Fact]
    public void A_failing_sink_does_not_silence_the_others_and_the_failure_reaches_the_guard()
    {
        var kept = new MemoryAuditSink();
        var sink = new CompositeAuditSink(new IAuditSink[] { new ThrowingSink(), kept });
        var record = new AuditRecord(Setup.Now, AuditEvent.Requested, new ConfirmationRequest("aws:s3:DeleteBucket", "logs", "Staging"));

        Assert.Throws<AggregateException>(() => sink.Write(record));

        Assert.Single(kept.Records);
    }

    [Fact]
    public void A_throwing_logger_does_not_make_the_logger_sink_throw()
    {
        var sink = new LoggerAuditSink(new ThrowingLogger());

        sink.Write(new AuditRecord(Setup.Now, AuditEvent.Failed, new ConfirmationRequest("aws:s3:DeleteBucket", "logs", "Staging")));

        Assert.Equal(LogLevel.Error, LoggerAuditSink.LevelOf(AuditEvent.Failed));
    }

    private sealed class ThrowingSink : IAuditSink
    {
        public void Write(AuditRecord record) => throw new InvalidOperationException("disk full");
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("logger down");
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider
    {
        public List<(string Category, LogLevel Level, EventId EventId, string Message)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class RecordingLogger : ILogger
        {
            private readonly RecordingLoggerProvider _owner;
            private readonly string _category;

            public RecordingLogger(RecordingLoggerProvider owner, string category)
            {
                _owner = owner;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (_owner.Entries)
                {
                    _owner.Entries.Add((_category, logLevel, eventId, formatter(state, exception)));
                }
            }
        }
    }
}
