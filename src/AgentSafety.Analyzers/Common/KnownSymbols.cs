using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// The SDK types the rules recognise, resolved once per compilation and shared by every analyzer that runs on it:
/// a call or creation is then matched by symbol, never by a type's name or display string (a team's own
/// <c>HttpRequestMessage</c> or <c>IServer</c> is not the SDK's). A type the compilation does not reference is null, and
/// every test against it is false.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private KnownSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Type(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        Uri = Type("System.Uri");
        FormattableString = Type("System.FormattableString");
        HttpClient = Type("System.Net.Http.HttpClient");
        HttpMessageInvoker = Type("System.Net.Http.HttpMessageInvoker");
        HttpClientJsonExtensions = Type("System.Net.Http.Json.HttpClientJsonExtensions");
        HttpRequestMessage = Type("System.Net.Http.HttpRequestMessage");
        HttpMethod = Type("System.Net.Http.HttpMethod");
        DbCommand = Type("System.Data.Common.DbCommand");
        IDbCommand = Type("System.Data.IDbCommand");
        Process = Type("System.Diagnostics.Process");
        ProcessStartInfo = Type("System.Diagnostics.ProcessStartInfo");
        DapperSqlMapper = Type("Dapper.SqlMapper");
        EfRelationalDatabaseFacadeExtensions = Type("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        EfQueryableExtensions = Type("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        EfRelationalQueryableExtensions = Type("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        EfDbSet = Type("Microsoft.EntityFrameworkCore.DbSet`1");
        RedisDatabase = Type("StackExchange.Redis.IDatabase");
        RedisDatabaseAsync = Type("StackExchange.Redis.IDatabaseAsync");
        RedisServer = Type("StackExchange.Redis.IServer");
        MongoCollection = Type("MongoDB.Driver.IMongoCollection`1");
        MongoCollectionExtensions = Type("MongoDB.Driver.IMongoCollectionExtensions");
        MongoFilterDefinition = Type("MongoDB.Driver.FilterDefinition`1");
        MongoFilterDefinitionBuilder = Type("MongoDB.Driver.FilterDefinitionBuilder`1");
        BsonDocument = Type("MongoDB.Bson.BsonDocument");
        ArmResource = Type("Azure.ResourceManager.ArmResource");
        WaitUntil = Type("Azure.WaitUntil");
        DestructiveOperationAttribute = Type("AgentSafety.Guards.DestructiveOperationAttribute");
    }

    public INamedTypeSymbol? Uri { get; }

    public INamedTypeSymbol? FormattableString { get; }

    public INamedTypeSymbol? HttpClient { get; }

    public INamedTypeSymbol? HttpMessageInvoker { get; }

    public INamedTypeSymbol? HttpClientJsonExtensions { get; }

    public INamedTypeSymbol? HttpRequestMessage { get; }

    public INamedTypeSymbol? HttpMethod { get; }

    public INamedTypeSymbol? DbCommand { get; }

    public INamedTypeSymbol? IDbCommand { get; }

    public INamedTypeSymbol? Process { get; }

    public INamedTypeSymbol? ProcessStartInfo { get; }

    public INamedTypeSymbol? DapperSqlMapper { get; }

    /// <summary>EF Core's raw SQL entry points (<c>ExecuteSqlRaw</c>, <c>ExecuteSql</c> …) on <c>DatabaseFacade</c>.</summary>
    public INamedTypeSymbol? EfRelationalDatabaseFacadeExtensions { get; }

    /// <summary>EF Core 9 and later declare <c>ExecuteDelete</c> here.</summary>
    public INamedTypeSymbol? EfQueryableExtensions { get; }

    /// <summary>EF Core 7 and 8 declare <c>ExecuteDelete</c> here.</summary>
    public INamedTypeSymbol? EfRelationalQueryableExtensions { get; }

    public INamedTypeSymbol? EfDbSet { get; }

    public INamedTypeSymbol? RedisDatabase { get; }

    public INamedTypeSymbol? RedisDatabaseAsync { get; }

    public INamedTypeSymbol? RedisServer { get; }

    public INamedTypeSymbol? MongoCollection { get; }

    public INamedTypeSymbol? MongoCollectionExtensions { get; }

    public INamedTypeSymbol? MongoFilterDefinition { get; }

    public INamedTypeSymbol? MongoFilterDefinitionBuilder { get; }

    public INamedTypeSymbol? BsonDocument { get; }

    public INamedTypeSymbol? ArmResource { get; }

    public INamedTypeSymbol? WaitUntil { get; }

    public INamedTypeSymbol? DestructiveOperationAttribute { get; }

    /// <summary>The symbols of a compilation, resolved on first use.</summary>
    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> itself (never true for a type the compilation lacks).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> or derives from it.</summary>
    public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? known)
    {
        for (var current = type; current is not null && known is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, known))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsHttp(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, HttpClient) || IsOrDerivesFrom(type, HttpMessageInvoker) || Is(type, HttpClientJsonExtensions);

    /// <summary>Dapper's <c>SqlMapper</c> or EF Core's raw SQL extensions: the static classes whose methods take SQL text.</summary>
    public bool IsSqlExtension(INamedTypeSymbol? type) => Is(type, DapperSqlMapper) || Is(type, EfRelationalDatabaseFacadeExtensions);

    public bool IsDbCommand(INamedTypeSymbol? type) =>
        IsOrDerivesFrom(type, DbCommand)
        || (type is not null && IDbCommand is not null && (Is(type, IDbCommand) || type.AllInterfaces.Contains(IDbCommand, SymbolEqualityComparer.Default)));

    public bool IsRedis(INamedTypeSymbol? type) => Is(type, RedisDatabase) || Is(type, RedisDatabaseAsync) || Is(type, RedisServer);

    public bool IsProcess(INamedTypeSymbol? type) => IsOrDerivesFrom(type, Process);

    public bool IsProcessStartInfo(INamedTypeSymbol? type) => IsOrDerivesFrom(type, ProcessStartInfo);
}
