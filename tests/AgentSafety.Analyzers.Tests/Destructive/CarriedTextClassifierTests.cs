using AgentSafety.Analyzers.Destructive;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>The Redis and Mongo shell rules that <c>redis-cli</c>, <c>mongosh --eval</c> and <c>IDatabase.Execute</c> share.</summary>
public class CarriedTextClassifierTests
{
    [Theory]
    [InlineData("FLUSHALL", "FLUSHALL")]
    [InlineData("flushdb ASYNC", "FLUSHDB")]
    [InlineData("  SHUTDOWN NOSAVE", "SHUTDOWN")]
    [InlineData("SELECT 2\nFLUSHDB\n", "FLUSHDB")]
    [InlineData("\"FLUSHALL\"", "FLUSHALL")]
    public void Destructive_redis_commands_are_recognised(string text, string verb)
    {
        Assert.True(CommandTextClassifier.TryClassifyRedis(text, out var found));
        Assert.Equal(verb, found.What);
        Assert.Equal("redis:" + verb, found.Action);
    }

    [Theory]
    [InlineData("GET flushall")]
    [InlineData("DEL one-key")]
    [InlineData("SET shutdown 1")]
    [InlineData("PING")]
    [InlineData("")]
    public void Routine_redis_commands_are_not(string text) => Assert.False(CommandTextClassifier.TryClassifyRedis(text, out _), text);

    [Theory]
    [InlineData("db.dropDatabase()")]
    [InlineData("db.getSiblingDB('shop').dropDatabase()")]
    [InlineData("db.orders.drop()")]
    [InlineData("db.getCollection('orders').drop( )")]
    [InlineData("db.orders.deleteMany({})")]
    [InlineData("db.orders.remove({ })")]
    [InlineData("db.runCommand({ dropDatabase: 1 })")]
    [InlineData("db.runCommand({drop: 'orders'})")]
    public void Destructive_mongo_shell_text_is_recognised(string text) => Assert.True(CommandTextClassifier.TryClassifyMongoShell(text, out _), text);

    [Theory]
    [InlineData("db.orders.find({ status: 'dropped' })")]
    [InlineData("db.orders.deleteMany({ expired: true })")]
    [InlineData("db.orders.deleteOne({ _id: 1 })")]
    [InlineData("db.orders.remove({ _id: 1 })")]
    [InlineData("db.orders.dropIndex('status_1')")]
    public void Routine_mongo_shell_text_is_not(string text) => Assert.False(CommandTextClassifier.TryClassifyMongoShell(text, out _), text);
}
