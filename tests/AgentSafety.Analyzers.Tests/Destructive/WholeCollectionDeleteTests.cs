using System.Threading.Tasks;
using Xunit;
using Verify = AgentSafety.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<AgentSafety.Analyzers.Destructive.UnguardedDestructiveCallAnalyzer>;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>Routine with a filter, destructive without one: EF Core <c>ExecuteDelete</c> and MongoDB <c>DeleteMany</c>, against the real assemblies.</summary>
public class WholeCollectionDeleteTests
{
    private const string Context = """
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;
        public class Order { public int Id { get; set; } public bool Archived { get; set; } }
        public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
        """;

    [Fact]
    public Task Execute_delete_on_a_whole_db_set_is_reported_sync_and_async() => Verify.VerifyAnalyzerAsync(Context + """

        class C
        {
            async Task M(ShopContext db)
            {
                {|#0:db.Orders.ExecuteDelete()|};
                await {|#1:db.Orders.AsNoTracking().IgnoreQueryFilters().ExecuteDeleteAsync()|};
                await {|#2:db.Set<Order>().ExecuteDeleteAsync()|};
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("EntityFrameworkQueryableExtensions.ExecuteDelete", "deletes every row of the table (ExecuteDelete with no Where)"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("EntityFrameworkQueryableExtensions.ExecuteDeleteAsync", "deletes every row of the table (ExecuteDelete with no Where)"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("EntityFrameworkQueryableExtensions.ExecuteDeleteAsync", "deletes every row of the table (ExecuteDelete with no Where)"));

    [Fact]
    public Task Execute_delete_after_a_where_or_on_a_query_built_elsewhere_is_quiet() => Verify.VerifyAnalyzerAsync(Context + """

        class C
        {
            async Task M(ShopContext db, IQueryable<Order> query, int id)
            {
                db.Orders.Where(o => o.Id == id).ExecuteDelete();
                await db.Orders.AsNoTracking().Where(o => o.Archived).ExecuteDeleteAsync();
                await query.ExecuteDeleteAsync();
                await db.Orders.Take(10).ExecuteDeleteAsync();
            }
        }
        """);

    [Fact]
    public Task Mongo_delete_many_with_an_empty_filter_is_reported_in_each_spelling() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using MongoDB.Bson;
        using MongoDB.Driver;
        public class Order { public int Id { get; set; } }
        class C
        {
            async Task M(IMongoCollection<Order> orders, IMongoCollection<BsonDocument> raw)
            {
                await {|#0:orders.DeleteManyAsync(Builders<Order>.Filter.Empty)|};
                {|#1:orders.DeleteMany(FilterDefinition<Order>.Empty)|};
                await {|#2:orders.DeleteManyAsync(_ => true)|};
                await {|#3:raw.DeleteManyAsync(new BsonDocument())|};
                await {|#4:raw.DeleteManyAsync("{ }")|};
            }
        }
        """,
        Verify.Diagnostic("ASA201").WithLocation(0).WithArguments("IMongoCollection.DeleteManyAsync", "deletes every document of the collection (DeleteMany with an empty filter)"),
        Verify.Diagnostic("ASA201").WithLocation(1).WithArguments("IMongoCollection.DeleteMany", "deletes every document of the collection (DeleteMany with an empty filter)"),
        Verify.Diagnostic("ASA201").WithLocation(2).WithArguments("IMongoCollectionExtensions.DeleteManyAsync", "deletes every document of the collection (DeleteMany with an empty filter)"),
        Verify.Diagnostic("ASA201").WithLocation(3).WithArguments("IMongoCollection.DeleteManyAsync", "deletes every document of the collection (DeleteMany with an empty filter)"),
        Verify.Diagnostic("ASA201").WithLocation(4).WithArguments("IMongoCollection.DeleteManyAsync", "deletes every document of the collection (DeleteMany with an empty filter)"));

    [Fact]
    public Task Mongo_delete_many_with_a_real_filter_is_quiet() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        using MongoDB.Bson;
        using MongoDB.Driver;
        public class Order { public int Id { get; set; } public bool Archived { get; set; } }
        class C
        {
            async Task M(IMongoCollection<Order> orders, IMongoCollection<BsonDocument> raw, FilterDefinition<Order> filter)
            {
                await orders.DeleteManyAsync(Builders<Order>.Filter.Eq(o => o.Archived, true));
                await orders.DeleteManyAsync(o => o.Archived);
                await orders.DeleteManyAsync(filter);
                await raw.DeleteManyAsync(new BsonDocument("archived", true));
                await raw.DeleteManyAsync("{ archived: true }");
                await orders.DeleteOneAsync(o => o.Id == 1);
            }
        }
        """);
}
