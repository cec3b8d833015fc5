using System;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>The options are immutable: what <see cref="Destructive.Options"/> hands out cannot change the guard.</summary>
[Collection(GuardCollection.Name)]
public sealed class OptionsTests : IDisposable
{
    public void Dispose() => Destructive.Reset();

    [Fact]
    public void Every_public_property_of_the_options_is_init_only()
    {
        var setters = typeof(DestructiveGuardOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => (p.Name, InitOnly: p.SetMethod!.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit))))
            .ToArray();

        Assert.NotEmpty(setters);
        Assert.All(setters, s => Assert.True(s.InitOnly, s.Name + " has a public setter that is not init-only"));
    }

    [Fact]
    public void Changing_the_array_the_providers_came_from_does_not_change_the_options()
    {
        var providers = new IConfirmationProvider[] { new DenyAllConfirmationProvider() };
        Destructive.Configure(new DestructiveGuardOptions { Providers = providers });

        providers[0] = new UnsignedDevelopmentApprovalProvider(() => "a@b");

        Assert.IsType<DenyAllConfirmationProvider>(Assert.Single(Destructive.Options.Providers));
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<IConfirmationProvider>)Destructive.Options.Providers)[0] = providers[0]);
    }

    [Fact]
    public void Configure_with_a_change_keeps_the_rest_and_validates()
    {
        var sink = new MemoryAuditSink();
        Destructive.Configure(new DestructiveGuardOptions { Providers = new IConfirmationProvider[] { new DenyAllConfirmationProvider() }, AuditSink = sink });
        var before = Destructive.Options;

        Destructive.Configure(o => o.DryRun = true);

        Assert.False(before.DryRun);
        Assert.True(Destructive.Options.DryRun);
        Assert.Same(sink, Destructive.Options.AuditSink);
        Assert.Throws<ArgumentOutOfRangeException>(() => Destructive.Configure(o => o.Delay = TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => before with { Delay = TimeSpan.FromSeconds(-1) });
        Assert.True(Destructive.Options.DryRun);
    }

    [Fact]
    public void The_default_options_spend_approvals_in_the_machines_file_ledger()
    {
        var ledger = Assert.IsType<FileApprovalLedger>(DestructiveGuardOptions.CreateDefault().Ledger);

        Assert.Equal(ApprovalLedgerScope.Machine, ledger.Scope);
        Assert.Null(new DestructiveGuardOptions().Ledger);
    }
}
