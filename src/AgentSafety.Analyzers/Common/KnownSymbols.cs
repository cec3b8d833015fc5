using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
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

    private readonly KnownType _uri;

    private readonly KnownType _formattableString;

    private readonly KnownType _httpClient;

    private readonly KnownType _httpMessageInvoker;

    private readonly KnownType _httpClientJsonExtensions;

    private readonly KnownType _httpRequestMessage;

    private readonly KnownType _httpMethod;

    private readonly KnownType _dbCommand;

    private readonly KnownType _iDbCommand;

    private readonly KnownType _process;

    private readonly KnownType _processStartInfo;

    private readonly KnownType _dapperSqlMapper;

    private readonly KnownType _efRelationalDatabaseFacadeExtensions;

    private readonly KnownType _efQueryableExtensions;

    private readonly KnownType _efRelationalQueryableExtensions;

    private readonly KnownType _efDbSet;

    private readonly KnownType _redisDatabase;

    private readonly KnownType _redisDatabaseAsync;

    private readonly KnownType _redisServer;

    private readonly KnownType _mongoCollection;

    private readonly KnownType _mongoCollectionExtensions;

    private readonly KnownType _mongoFilterDefinition;

    private readonly KnownType _mongoFilterDefinitionBuilder;

    private readonly KnownType _bsonDocument;

    private readonly KnownType _armResource;

    private readonly KnownType _waitUntil;

    private readonly KnownType _destructiveOperationAttribute;

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

    public INamedTypeSymbol? Uri => _uri.Symbol;

    public INamedTypeSymbol? FormattableString => _formattableString.Symbol;

    public INamedTypeSymbol? HttpClient => _httpClient.Symbol;

    public INamedTypeSymbol? HttpMessageInvoker => _httpMessageInvoker.Symbol;

    public INamedTypeSymbol? HttpClientJsonExtensions => _httpClientJsonExtensions.Symbol;

    public INamedTypeSymbol? HttpRequestMessage => _httpRequestMessage.Symbol;

    public INamedTypeSymbol? HttpMethod => _httpMethod.Symbol;

    public INamedTypeSymbol? DbCommand => _dbCommand.Symbol;

    public INamedTypeSymbol? IDbCommand => _iDbCommand.Symbol;

    public INamedTypeSymbol? Process => _process.Symbol;

    public INamedTypeSymbol? ProcessStartInfo => _processStartInfo.Symbol;

    public INamedTypeSymbol? DapperSqlMapper => _dapperSqlMapper.Symbol;

    /// <summary>EF Core's raw SQL entry points (<c>ExecuteSqlRaw</c>, <c>ExecuteSql</c> …) on <c>DatabaseFacade</c>.</summary>
    public INamedTypeSymbol? EfRelationalDatabaseFacadeExtensions => _efRelationalDatabaseFacadeExtensions.Symbol;

    /// <summary>EF Core 9 and later declare <c>ExecuteDelete</c> here.</summary>
    public INamedTypeSymbol? EfQueryableExtensions => _efQueryableExtensions.Symbol;

    /// <summary>EF Core 7 and 8 declare <c>ExecuteDelete</c> here.</summary>
    public INamedTypeSymbol? EfRelationalQueryableExtensions => _efRelationalQueryableExtensions.Symbol;

    public INamedTypeSymbol? EfDbSet => _efDbSet.Symbol;

    public INamedTypeSymbol? RedisDatabase => _redisDatabase.Symbol;

    public INamedTypeSymbol? RedisDatabaseAsync => _redisDatabaseAsync.Symbol;

    public INamedTypeSymbol? RedisServer => _redisServer.Symbol;

    public INamedTypeSymbol? MongoCollection => _mongoCollection.Symbol;

    public INamedTypeSymbol? MongoCollectionExtensions => _mongoCollectionExtensions.Symbol;

    public INamedTypeSymbol? MongoFilterDefinition => _mongoFilterDefinition.Symbol;

    public INamedTypeSymbol? MongoFilterDefinitionBuilder => _mongoFilterDefinitionBuilder.Symbol;

    public INamedTypeSymbol? BsonDocument => _bsonDocument.Symbol;

    public INamedTypeSymbol? ArmResource => _armResource.Symbol;

    public INamedTypeSymbol? WaitUntil => _waitUntil.Symbol;

    public INamedTypeSymbol? DestructiveOperationAttribute => _destructiveOperationAttribute.Symbol;

    /// <summary>
    /// Whether <see cref="DestructiveOperationAttribute"/> is found, for a compilation whose source declares no type of
    /// that name (the caller asks <see cref="Compilation.ContainsSymbolsWithName(string, SymbolFilter, System.Threading.CancellationToken)"/>
    /// first): the answer then depends on the references alone, and is shared by the compilations that have the same
    /// ones, each keystroke's in an editor and each of a build's clones. The lookup scans every referenced assembly:
    /// 2.4% of the package's time on Newtonsoft.Json, once a compilation, for a type that is nearly never there.
    /// </summary>
    public static bool ReferencesDefineDestructiveOperationAttribute(Compilation compilation) =>
        ReferencesDefineDestructiveOperationAttribute(compilation, ref _lastReferences);

    /// <summary>The same, remembering the last answer in <paramref name="last"/>: tests give their own.</summary>
    internal static bool ReferencesDefineDestructiveOperationAttribute(Compilation compilation, ref ReferencesVerdict? last)
    {
        // Directive references (#r in a script) are not in ExternalReferences: such a compilation is not cached.
        if (!compilation.DirectiveReferences.IsEmpty)
        {
            return For(compilation).DestructiveOperationAttribute is not null;
        }

        var references = compilation.ExternalReferences;
        if (Volatile.Read(ref last) is { } known && known.Matches(compilation, references))
        {
            return known.Found;
        }

        var found = For(compilation).DestructiveOperationAttribute is not null;
        Volatile.Write(ref last, new ReferencesVerdict(compilation, references, found));
        return found;
    }

    private static ReferencesVerdict? _lastReferences;

    /// <summary>
    /// What the references of one compilation said: the same reference objects (their aliases and properties with them),
    /// under the same assembly name and import options, which decide what a lookup in metadata can see.
    /// </summary>
    internal sealed class ReferencesVerdict
    {
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly string? _assemblyName;
        private readonly MetadataImportOptions _import;

        public ReferencesVerdict(Compilation compilation, ImmutableArray<MetadataReference> references, bool found)
        {
            _references = references;
            _assemblyName = compilation.AssemblyName;
            _import = compilation.Options.MetadataImportOptions;
            Found = found;
        }

        public bool Found { get; }

        public bool Matches(Compilation compilation, ImmutableArray<MetadataReference> references)
        {
            if (compilation.AssemblyName != _assemblyName || compilation.Options.MetadataImportOptions != _import || references.Length != _references.Length)
            {
                return false;
            }

            // A clone or an edit keeps the same array; another compilation with the same references has its own array.
            if (references == _references)
            {
                return true;
            }

            for (var i = 0; i < references.Length; i++)
            {
                if (!ReferenceEquals(references[i], _references[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The symbols of a compilation; each type is resolved the first time a rule asks for it.</summary>
    public static KnownSymbols For(Compilation compilation) => Cache.GetValue(compilation, static c => new KnownSymbols(c));

    /// <summary>
    /// A type of a rule's own catalogue (credential sinks …), by metadata name, resolved the first time any rule asks
    /// for it and then shared; null when the compilation does not reference it.
    /// </summary>
    public INamedTypeSymbol? Type(string metadataName) => _byMetadataName.GetOrAdd(metadataName, _compilation.GetTypeByMetadataName);

    private KnownType Resolve(string metadataName) => new(this, metadataName);

    private int _lookups;

    /// <summary>How many of the known types have been looked up in this compilation: tests show a lookup is not made.</summary>
    internal int Lookups => Volatile.Read(ref _lookups);

    /// <summary>
    /// A known type, resolved the first time a candidate carries its simple name: the compilation's lookup scans every
    /// referenced assembly (0.2-0.4 ms for <c>DbCommand</c> against the .NET reference assemblies), and a code base whose
    /// own <c>Execute*</c> or <c>Start</c> methods sit on types of other names never needs it. The symbol still decides.
    /// </summary>
    private sealed class KnownType
    {
        private readonly Lazy<INamedTypeSymbol?> _symbol;

        public KnownType(KnownSymbols owner, string metadataName)
        {
            _symbol = new Lazy<INamedTypeSymbol?>(() =>
            {
                Interlocked.Increment(ref owner._lookups);
                return owner._compilation.GetTypeByMetadataName(metadataName);
            });
            var start = metadataName.LastIndexOf('.') + 1;
            var arity = metadataName.IndexOf('`', start);
            Name = arity < 0 ? metadataName.Substring(start) : metadataName.Substring(start, arity - start);
        }

        /// <summary>The type's name as <see cref="ISymbol.Name"/> gives it: no namespace, no arity.</summary>
        public string Name { get; }

        public INamedTypeSymbol? Symbol => _symbol.Value;

        /// <summary>Whether <paramref name="type"/> is this type; the symbol is resolved only for a type of the same name.</summary>
        public bool Is(ITypeSymbol? type) => type is not null && type.Name == Name && KnownSymbols.Is(type, Symbol);

        /// <summary>Whether <paramref name="type"/> is this type or derives from it, asked of the symbol only at a base of the same name.</summary>
        public bool IsOrIsBaseOf(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (Is(current))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// A loop, not LINQ's Contains: that boxes the array and allocates an enumerator, on every Execute* call of a code
        /// base whose own types are not commands (StackExchange.Redis makes 775 such calls to its ExecuteSync and ExecuteAsync).
        /// </summary>
        public bool IsImplementedBy(INamedTypeSymbol type)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (Is(implemented))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="known"/> itself (never true for a type the compilation lacks).</summary>
    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) =>
        type is not null && known is not null && SymbolEqualityComparer.Default.Equals(type, known);

    public bool IsHttp(INamedTypeSymbol? type) =>
        _httpClient.IsOrIsBaseOf(type) || _httpMessageInvoker.IsOrIsBaseOf(type) || _httpClientJsonExtensions.Is(type);

    /// <summary>Dapper's <c>SqlMapper</c> or EF Core's raw SQL extensions: the static classes whose methods take SQL text.</summary>
    public bool IsSqlExtension(INamedTypeSymbol? type) => _dapperSqlMapper.Is(type) || _efRelationalDatabaseFacadeExtensions.Is(type);

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

        // The calls of one file are mostly on one type (RedisDatabase's 600 ExecuteAsync and ExecuteSync): the verdict for
        // the type asked last is read from one object, before the dictionary's hash and buckets.
        if (Volatile.Read(ref _lastDbCommandVerdict) is { } last && ReferenceEquals(last.Type, type))
        {
            return last.IsCommand;
        }

        if (!_isDbCommand.TryGetValue(type, out var isCommand))
        {
            isCommand = _dbCommand.IsOrIsBaseOf(type) || _iDbCommand.Is(type) || _iDbCommand.IsImplementedBy(type);
            _isDbCommand.TryAdd(type, isCommand);
        }

        Volatile.Write(ref _lastDbCommandVerdict, new DbCommandVerdict(type, isCommand));
        return isCommand;
    }

    private DbCommandVerdict? _lastDbCommandVerdict;

    /// <summary>One type's <see cref="IsDbCommand"/> verdict; replaced whole, so that a thread never reads a type with another's verdict.</summary>
    private sealed class DbCommandVerdict
    {
        public DbCommandVerdict(INamedTypeSymbol type, bool isCommand)
        {
            Type = type;
            IsCommand = isCommand;
        }

        public INamedTypeSymbol Type { get; }

        public bool IsCommand { get; }
    }

    public bool IsRedis(INamedTypeSymbol? type) => _redisDatabase.Is(type) || _redisDatabaseAsync.Is(type) || _redisServer.Is(type);

    public bool IsProcess(INamedTypeSymbol? type) => _process.IsOrIsBaseOf(type);

    public bool IsProcessStartInfo(INamedTypeSymbol? type) => _processStartInfo.IsOrIsBaseOf(type);
}
