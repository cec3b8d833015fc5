using System.Reflection;
using AgentSafety.Shared;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Environments;

/// <summary>
/// The analyzer and the runtime guard must agree: both assemblies compile the same classifier source, and both copies
/// classify the same way.
/// </summary>
public class SharedClassifierTests
{
    [Theory]
    [InlineData("Host=prod-db.example.com;Database=shop")]
    [InlineData("Host=staging-db.example.com;Database=shop")]
    [InlineData("Host=product-catalog.example.com;Database=product_catalog")]
    [InlineData("mongodb+srv://app@live-cluster.abcd.mongodb.net/catalog")]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("Host=db.internal;Database=shop")]
    [InlineData("not a connection string")]
    public void Guards_and_analyzer_copies_classify_alike(string connectionString)
    {
        var guardsCopy = typeof(AgentSafety.Guards.EnvironmentGuard).Assembly.GetType("AgentSafety.Shared.EnvironmentClassifier", throwOnError: true)!;
        var analyzerCopy = typeof(EnvironmentClassifier);
        Assert.NotSame(guardsCopy.Assembly, analyzerCopy.Assembly);

        var method = guardsCopy.GetMethod(nameof(EnvironmentClassifier.ClassifyConnectionString), BindingFlags.Public | BindingFlags.Static)!;
        var fromGuards = method.Invoke(null, new object?[] { connectionString })!.ToString();
        Assert.Equal(EnvironmentClassifier.ClassifyConnectionString(connectionString).ToString(), fromGuards);
    }
}
