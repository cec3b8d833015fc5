using System;
using AgentSafety.Guards;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>
/// EnvironmentGuard, the runtime half of ASA301. The tests that set DOTNET_ENVIRONMENT live in one class, which xunit
/// runs sequentially, and restore the variables they change; nothing else in this test project reads them.
/// </summary>
public class EnvironmentGuardTests
{
    private const string Production = "Host=prod-db.example.com;Database=shop;Username=app;Password=hunter2-not-real";
    private const string Staging = "Host=staging-db.example.com;Database=shop;Username=app;Password=hunter2-not-real";
    private const string Qa = "Host=qa-db.internal;Database=shop;Username=app";
    private const string Local = "Host=localhost;Database=shop;Username=app";
    private const string Unclassified = "Host=db.internal;Database=shop;Username=app";

    [Theory]
    [InlineData(Production, "Production", true)]
    [InlineData(Production, "Staging", false)]
    [InlineData(Production, "Development", false)]
    [InlineData(Production, "Test", false)]
    [InlineData(Production, "Blue", false)]
    [InlineData(Staging, "Staging", true)]
    [InlineData(Staging, "UAT", true)]
    [InlineData(Staging, "Production", false)]
    [InlineData(Staging, "Development", false)]
    [InlineData(Qa, "Test", true)]
    [InlineData(Qa, "Development", true)]
    [InlineData(Qa, "Staging", false)]
    [InlineData(Local, "Development", true)]
    [InlineData(Local, "Test", true)]
    [InlineData(Local, "Production", false)]
    [InlineData(Unclassified, "Production", true)]
    [InlineData(Unclassified, "Staging", true)]
    [InlineData(Unclassified, "Blue", true)]
    [InlineData("not a connection string", "Staging", true)]
    public void Follows_the_decision_table(string connectionString, string environment, bool allowed)
    {
        if (allowed)
        {
            Assert.Same(connectionString, EnvironmentGuard.Connection(connectionString, environment));
        }
        else
        {
            Assert.Throws<EnvironmentMismatchException>(() => EnvironmentGuard.Connection(connectionString, environment));
        }
    }

    [Fact]
    public void Production_string_in_a_staging_process_throws_without_printing_credentials()
    {
        WithEnvironment("Staging", null, () =>
        {
            var exception = Assert.Throws<EnvironmentMismatchException>(() => EnvironmentGuard.Connection(Production));
            Assert.Equal("Production", exception.ConnectionEnvironment);
            Assert.Equal("Staging", exception.CurrentEnvironment);
            Assert.Equal("host 'prod-db.example.com', database 'shop'", exception.Target);
            Assert.Contains("DOTNET_ENVIRONMENT=Staging", exception.Message);
            Assert.DoesNotContain("hunter2", exception.Message);
            Assert.DoesNotContain("Username", exception.Message);
        });
    }

    [Fact]
    public void Dotnet_environment_wins_over_aspnetcore_environment()
    {
        WithEnvironment("Production", "Staging", () =>
        {
            Assert.Same(Production, EnvironmentGuard.Connection(Production));
            Assert.Throws<EnvironmentMismatchException>(() => EnvironmentGuard.Connection(Staging));
        });
        WithEnvironment(null, "Staging", () => Assert.Same(Staging, EnvironmentGuard.Connection(Staging)));
    }

    [Fact]
    public void Unconfigured_process_counts_as_production_and_says_so()
    {
        WithEnvironment(null, null, () =>
        {
            Assert.Same(Production, EnvironmentGuard.Connection(Production));
            var exception = Assert.Throws<EnvironmentMismatchException>(() => EnvironmentGuard.Connection(Staging));
            Assert.Contains("unset", exception.Message);
            Assert.Contains("Production", exception.Message);
            Assert.DoesNotContain("hunter2", exception.Message);
        });
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => EnvironmentGuard.Connection(null!));
        Assert.Throws<ArgumentNullException>(() => EnvironmentGuard.Connection(Production, null!));
    }

    private static void WithEnvironment(string? dotnet, string? aspnet, Action action)
    {
        var savedDotnet = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT");
        var savedAspnet = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
        try
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", dotnet);
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", aspnet);
            action();
        }
        finally
        {
            Environment.SetEnvironmentVariable("DOTNET_ENVIRONMENT", savedDotnet);
            Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", savedAspnet);
        }
    }
}
