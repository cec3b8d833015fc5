using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentSafety.Guards.Extensions;

/// <summary>Registers the guard's configuration in a service collection and applies it once the container is built.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DestructiveGuardOptions"/>: the defaults (signed approvals, terminal prompt, deny; approvals
    /// spent in the machine's file ledger) with <paramref name="configure"/> applied, and the application's
    /// <see cref="ILogger"/> added to the audit sinks. Opt into a shared approval ledger here, for example
    /// <c>options =&gt; options.Ledger = new PostgreSqlApprovalLedger(connectionString)</c> from the
    /// <c>AgentSafety.Guards.PostgreSql</c> package. Call <see cref="UseAgentSafetyGuards"/> on the built provider to
    /// make <see cref="Destructive"/> use it.
    /// </summary>
    public static IServiceCollection AddAgentSafetyGuards(this IServiceCollection services, Action<DestructiveGuardOptionsBuilder>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        services.AddSingleton(provider =>
        {
            var options = new DestructiveGuardOptionsBuilder(DestructiveGuardOptions.CreateDefault());
            configure?.Invoke(options);
            var loggerFactory = provider.GetService<ILoggerFactory>();
            if (loggerFactory is not null)
            {
                var logger = new LoggerAuditSink(loggerFactory.CreateLogger(LoggerAuditSink.Category));
                options.AuditSink = options.AuditSink is null ? logger : new CompositeAuditSink(new[] { options.AuditSink, logger });
            }

            return options.Build();
        });
        return services;
    }

    /// <summary>
    /// Makes <see cref="Destructive"/> use the registered options. <see cref="Destructive"/> is static so that the code
    /// fixes can insert a call anywhere, without a constructor parameter; this is the one place the container meets it.
    /// </summary>
    public static IServiceProvider UseAgentSafetyGuards(this IServiceProvider services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        var options = services.GetService<DestructiveGuardOptions>()
            ?? throw new InvalidOperationException("AgentSafety.Guards is not registered: call services.AddAgentSafetyGuards() first.");
        Destructive.Configure(options);
        return services;
    }
}
