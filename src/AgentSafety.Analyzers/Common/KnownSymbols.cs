using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AgentSafety.Analyzers.Common;

/// <summary>
/// The SDK types the rules recognise, resolved once per compilation and shared by every analyzer that runs on it:
/// a call or creation is then matched by symbol, never by a type's name or display string (a team's own
/// <c>HttpRequestMessage</c> or <c>IServer</c> is not the SDK's). A type the compilation does not reference is null, and
/// every test against it is false. Each lookup scans every referenced assembly, so a type is resolved only when a rule
/// first asks for it: a project that never calls an executor's method name pays for none of them.
/// </summary>
internal sealed class KnownSymbols
{
    private static readonly ConditionalWeakTable<Compilation, KnownSymbols> Cache = new();

    private readonly Lazy<INamedTypeSymbol?> _uri;

    private readonly Lazy<INamedTypeSymbol?> _formattableString;

    private readonly Lazy<INamedTypeSymbol?> _httpClient;

    private readonly Lazy<INamedTypeSymbol?> _httpMessageInvoker;

    private readonly Lazy<INamedTypeSymbol?> _httpClientJsonExtensions;

    private readonly Lazy<INamedTypeSymbol?> _httpRequestMessage;

    private readonly Lazy<INamedTypeSymbol?> _httpMethod;

    private readonly Lazy<INamedTypeSymbol?> _dbCommand;

    private readonly Lazy<INamedTypeSymbol?> _iDbCommand;

    private readonly Lazy<INamedTypeSymbol?> _process;

    private readonly Lazy<INamedTypeSymbol?> _processStartInfo;

    private readonly Lazy<INamedTypeSymbol?> _dapperSqlMapper;

    private readonly Lazy<INamedTypeSymbol?> _efRelationalDatabaseFacadeExtensions;

    private readonly Lazy<INamedTypeSymbol?> _efQueryableExtensions;

    private readonly Lazy<INamedTypeSymbol?> _efRelationalQueryableExtensions;

    private readonly Lazy<INamedTypeSymbol?> _efDbSet;

    private readonly Lazy<INamedTypeSymbol?> _redisDatabase;

    private readonly Lazy<INamedTypeSymbol?> _redisDatabaseAsync;

    private readonly Lazy<INamedTypeSymbol?> _redisServer;

    private readonly Lazy<INamedTypeSymbol?> _mongoCollection;

    private readonly Lazy<INamedTypeSymbol?> _mongoCollectionExtensions;

    private readonly Lazy<INamedTypeSymbol?> _mongoFilterDefinition;

    private readonly Lazy<INamedTypeSymbol?> _mongoFilterDefinitionBuilder;

    private readonly Lazy<INamedTypeSymbol?> _bsonDocument;

    private readonly Lazy<INamedTypeSymbol?> _armResource;

    private readonly Lazy<INamedTypeSymbol?> _waitUntil;

    private readonly Lazy<INamedTypeSymbol?> _destructiveOperationAttribute;

    private readonly Compilation _compilation;

    private readonly ConcurrentDictionary<string, INamedTypeSymbol?> _byMetadataName = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _isDbCommand = new(SymbolEqualityComparer.Default);

    private KnownSymbols(Compilation compilation)
    {
        _compilation = compilation;
        _uri = Resolve("System.Uri");
        _formattableString = Resolve("System.FormattableString");
        _httpClient = Resolve("System.Net.Http.HttpClient");
        _httpMessageInvoker = Resolve("System.Net.Http.HttpMessageInvoker");
        _httpClientJsonExtensions = Resolve("System.Net.Http.Json.HttpClientJsonExtensions");
        _httpRequestMessage = Resolve("System.Net.Http.HttpRequestMessage");
        _httpMethod = Resolve("System.Net.Http.HttpMethod");
        _dbCommand = Resolve("System.Data.Common.DbCommand");
        _iDbCommand = Resolve("System.Data.IDbCommand");
        _process = Resolve("System.Diagnostics.Process");
        _processStartInfo = Resolve("System.Diagnostics.ProcessStartInfo");
        _dapperSqlMapper = Resolve("Dapper.SqlMapper");
        _efRelationalDatabaseFacadeExtensions = Resolve("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        _efQueryableExtensions = Resolve("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
        _efRelationalQueryableExtensions = Resolve("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        _efDbSet = Resolve("Microsoft.EntityFrameworkCore.DbSet`1");
        _redisDatabase = Resolve("StackExchange.Redis.IDatabase");
        _redisDatabaseAsync = Resolve("StackExchange.Redis.IDatabaseAsync");
        _redisServer = Resolve("StackExchange.Redis.IServer");
        _mongoCollection = Resolve("MongoDB.Driver.IMongoCollection`1");
        _mongoCollectionExtensions = Resolve("MongoDB.Driver.IMongoCollectionExtensions");
        _mongoFilterDefinition = Resolve("MongoDB.Driver.FilterDefinition`1");
        _mongoFilterDefinitionBuilder = Resolve("MongoDB.Driver.FilterDefinitionBuilder`1");
        _bsonDocument = Resolve("MongoDB.Bson.BsonDocument");
        _armResource = Resolve("Azure.ResourceManager.ArmResource");
        _waitUntil = Resolve("Azure.WaitUntil");
        _destructiveOperationAttribute = Resolve("AgentSafety.Guards.DestructiveOperationAttribute");
    }

    public INamedTypeSymbol? Uri => _uri.Value;

    public INamedTypeSymbol? FormattableString => _formattableString.Value;

    public INamedTypeSymbol? HttpClient => _httpClient.Value;

    public INamedTypeSymbol? HttpMessageInvoker => _httpMessageInvoker.Value;

    public INamedTypeSymbol? HttpClientJsonExtensions => _httpClientJsonExtensions.Value;

    public INamedTypeSymbol? HttpRequestMessage => _httpRequestMessage.Value;

    public INamedTypeSymbol? HttpMethod => _httpMethod.Value;

    public INamedTypeSymbol? DbCommand => _dbCommand.Value;

    public INamedTypeSymbol? IDbCommand => _iDbCommand.Value;

    public INamedTypeSymbol? Process => _process.Value;

    public INamedTypeSymbol? ProcessStartInfo => _processStartInfo.Value;

    public INamedTypeSymbol? DapperSqlMapper => _dapperSqlMapper.Value;

    /// <summary>EF Core's raw SQL entry points (<c>ExecuteSqlRaw</c>, <c>ExecuteSql</c> …) on <c>DatabaseFacade</c>.</summary>
    public INamedTypeSymbol? EfRelationalDatabaseFacadeExtensions => _efRelationalDatabaseFacadeExtensions.Value;

    /// <summary>EF Core 9 and later declare <c>ExecuteDelete</c> here.</summary>
    public INamedTypeSymbol? EfQueryableExtensions => _efQueryableExtensions.Value;

    /// <summary>EF Core 7 and 8 declare <c>ExecuteDelete</c> here.</summary>
    public INamedTypeSymbol? EfRelationalQueryableExtensions => _efRelationalQueryableExtensions.Value;

    public INamedTypeSymbol? EfDbSet => _efDbSet.Value;

    public INamedTypeSymbol? RedisDatabase => _redisDatabase.Value;

    public INamedTypeSymbol? RedisDatabaseAsync => _redisDatabaseAsync.Value;

    public INamedTypeSymbol? RedisServer => _redisServer.Value;

    public INamedTypeSymbol? MongoCollection => _mongoCollection.Value;

    public INamedTypeSymbol? MongoCollectionExtensions => _mongoCollectionExtensions.Value;

    public INamedTypeSymbol? MongoFilterDefinition => _mongoFilterDefinition.Value;

    public INamedTypeSymbol? MongoFilterDefinitionBuilder => _mongoFilterDefinitionBuilder.Value;

    public INamedTypeSymbol? BsonDocument => _bsonDocument.Value;

    public INamedTypeSymbol? ArmResource => _armResource.Value;

    public INamedTypeSymbol? WaitUntil => _waitUntil.Value;

    public INamedTypeSymbol? DestructiveOperationAttribute => _destructiveOperationAttribute.Value;

    /// <summary>The symbols of a compilation; each type is resolved the first time a rule asks for it.</summary>
    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>
    /// A type of a rule's own catalogue (credential sinks …), by metadata name, resolved the first time any rule asks
    /// for it and then shared; null when the compilation does not reference it.
    /// </summary>
    public INamedTypeSymbol? Type(string metadataName) => _byMetadataName.GetOrAdd(metadataName, _compilation.GetTypeByMetadataName);

    private Lazy<INamedTypeSymbol?> Resolve(string metadataName) => new(() => _compilation.GetTypeByMetadataName(metadataName));

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

    /// <summary>
    /// Whether <paramref name="type"/> is an ADO.NET command, decided once per type: a code base calls its own Execute*
    /// methods on a few types many times (StackExchange.Redis: 775 calls), and each decision walks the type's bases and
    /// its interfaces, which the symbol API hands out as a new array every time. Cached, 2.0-2.3 ms a compilation of
    /// StackExchange.Redis went.
    /// </summary>
    public bool IsDbCommand(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (!_isDbCommand.TryGetValue(type, out var isCommand))
        {
            isCommand = IsOrDerivesFrom(type, DbCommand) || (IDbCommand is { } command && (Is(type, command) || Implements(type, command)));
            _isDbCommand.TryAdd(type, isCommand);
        }

        return isCommand;
    }

    /// <summary>
    /// A loop, not LINQ's Contains: that boxes the array and allocates an enumerator, on every Execute* call of a code base
    /// whose own types are not commands (StackExchange.Redis makes 775 such calls to its ExecuteSync and ExecuteAsync).
    /// </summary>
    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, @interface))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsRedis(INamedTypeSymbol? type) => Is(type, RedisDatabase) || Is(type, RedisDatabaseAsync) || Is(type, RedisServer);

    public bool IsProcess(INamedTypeSymbol? type) => IsOrDerivesFrom(type, Process);

    public bool IsProcessStartInfo(INamedTypeSymbol? type) => IsOrDerivesFrom(type, ProcessStartInfo);
}
