// Shared source: compiled into AgentSafety.Analyzers (rule ASA301) and into AgentSafety.Guards (EnvironmentGuard),
// so that the analyzer and the runtime guard classify a connection string the same way.
// It must build for netstandard2.0 with the BCL only, never throw, and stay cheap: the analyzer calls it on string
// literals, so every entry point rejects by length and characters before it allocates. No regular expressions.
using System;
using System.Collections.Generic;

namespace AgentSafety.Shared;

internal enum DeploymentEnvironment
{
    Unknown = 0,
    Development,
    Test,
    Staging,
    Production,
}

internal enum ConnectionStringKind
{
    /// <summary>ADO.NET key-value pairs: <c>Host=...;Database=...</c>.</summary>
    KeyValue,

    /// <summary>A URL such as <c>postgres://user@host/db</c>.</summary>
    Url,

    /// <summary>An Azure service connection string: storage, Service Bus, Event Hubs, Cosmos DB.</summary>
    Azure,

    /// <summary>A StackExchange.Redis configuration string: <c>host:6379,password=...,ssl=true</c>.</summary>
    RedisConfiguration,
}

/// <summary>What a connection string points at, without its credentials.</summary>
internal sealed class ConnectionStringInfo
{
    public ConnectionStringInfo(ConnectionStringKind kind, IReadOnlyList<string> hosts, string? database)
    {
        Kind = kind;
        Hosts = hosts;
        Database = database;
    }

    public ConnectionStringKind Kind { get; }

    public IReadOnlyList<string> Hosts { get; }

    public string? Database { get; }

    /// <summary>Host and database only: safe to print, it never holds a user name, password or key.</summary>
    public string Describe()
    {
        var host = Hosts.Count == 0 ? "(none)" : string.Join(",", Hosts);
        if (host.Length > 120)
        {
            host = host.Substring(0, 120) + "...";
        }

        return Database is null || Database.Length == 0
            ? "host '" + host + "'"
            : "host '" + host + "', database '" + (Database.Length > 80 ? Database.Substring(0, 80) + "..." : Database) + "'";
    }
}

internal static class EnvironmentClassifier
{
    /// <summary>Longer texts are not read as connection strings: real ones are far shorter, and the analyzer must stay cheap on huge literals.</summary>
    public const int MaxConnectionStringLength = 4096;

    private static readonly string[] UrlSchemes =
    {
        "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp", "amqps",
        "sqlserver", "mssql", "cockroachdb", "jdbc:postgresql", "jdbc:mysql", "jdbc:sqlserver", "jdbc:mariadb",
    };

    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "server", "data source", "datasource", "address", "addr", "network address", "hostname", "host name",
        "endpoint", "accountendpoint", "blobendpoint", "queueendpoint", "tableendpoint", "fileendpoint", "accountname",
        "servername", "contact points",
    };

    private static readonly HashSet<string> DatabaseKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "database", "initial catalog", "initialcatalog", "db", "dbname", "default database", "databasename", "virtual host",
    };

    private static readonly HashSet<string> OtherKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "user id", "userid", "uid", "user", "username", "user name", "password", "pwd", "port", "sslmode", "ssl mode",
        "trust server certificate", "trustservercertificate", "encrypt", "integrated security", "trusted_connection",
        "pooling", "timeout", "connect timeout", "connection timeout", "command timeout", "multipleactiveresultsets",
        "application name", "applicationname", "accountkey", "sharedaccesskey", "sharedaccesskeyname",
        "sharedaccesssignature", "endpointsuffix", "defaultendpointsprotocol", "entitypath", "usedevelopmentstorage",
        "include error detail", "search path", "maximum pool size", "max pool size", "minimum pool size", "min pool size",
        "persist security info", "authentication", "sslcert", "sslkey", "ssl", "charset", "protocol", "provider",
        "transportprotocol", "tenantid", "authsource", "replicaset", "allowuservariables", "convertzerodatetime",
    };

    // Technical words glued to an environment word in one name ("proddb", "sqlstaging"): stripping them keeps the word
    // boundary rule ("product" is not "prod") while still reading the common glued forms.
    private static readonly string[] TechnicalAffixes =
    {
        "database", "storage", "account", "server", "cluster", "cache", "store", "mysql", "queue", "bus", "mongo", "redis", "psql", "data", "node", "host", "srv", "sql", "rds", "db", "pg",
    };

    /// <summary>Classifies an environment name such as <c>Production</c>, <c>Staging</c> or <c>Development</c>.</summary>
    public static DeploymentEnvironment ClassifyEnvironmentName(string? name)
    {
        if (name is null)
        {
            return DeploymentEnvironment.Unknown;
        }

        var trimmed = name.Trim();
        if (trimmed.Length == 0 || trimmed.Length > 64)
        {
            return DeploymentEnvironment.Unknown;
        }

        var exact = ClassifyWord(trimmed.ToLowerInvariant());
        return exact != DeploymentEnvironment.Unknown ? exact : ClassifyName(trimmed);
    }

    /// <summary>Classifies a connection string by its host and database names; <see cref="DeploymentEnvironment.Unknown"/> when it is not one.</summary>
    public static DeploymentEnvironment ClassifyConnectionString(string? connectionString) =>
        connectionString is not null && TryParseConnectionString(connectionString, out var info) && info is not null
            ? Classify(info)
            : DeploymentEnvironment.Unknown;

    /// <summary>
    /// The environment of a parsed connection string: loopback and emulators are development; then the host names decide;
    /// the database name decides only when the hosts say nothing.
    /// </summary>
    public static DeploymentEnvironment Classify(ConnectionStringInfo info)
    {
        var fromHosts = DeploymentEnvironment.Unknown;
        var conflict = false;
        foreach (var host in info.Hosts)
        {
            var env = IsLocalHost(host) ? DeploymentEnvironment.Development : ClassifyName(WithoutTopLevelDomain(host));
            if (env == DeploymentEnvironment.Unknown)
            {
                continue;
            }

            if (fromHosts != DeploymentEnvironment.Unknown && IsProduction(fromHosts) != IsProduction(env))
            {
                conflict = true;
            }

            fromHosts = Max(fromHosts, env);
        }

        if (conflict)
        {
            return DeploymentEnvironment.Unknown;
        }

        if (fromHosts != DeploymentEnvironment.Unknown)
        {
            return fromHosts;
        }

        return info.Database is null ? DeploymentEnvironment.Unknown : ClassifyName(info.Database);
    }

    /// <summary>
    /// The environment a configuration file belongs to, from its name (<c>appsettings.Production.json</c>,
    /// <c>.env.staging</c>, <c>staging.env</c>) or from a parent folder named after an environment (<c>deploy/production/.env</c>).
    /// </summary>
    public static DeploymentEnvironment ClassifyFilePath(string? path)
    {
        if (path is null || path.Length == 0 || path.Length > 1024)
        {
            return DeploymentEnvironment.Unknown;
        }

        var end = path.Length;
        var slash = path.LastIndexOfAny(new[] { '/', '\\' });
        var fileName = path.Substring(slash + 1, end - slash - 1);
        var parts = fileName.Split(new[] { '.', '-', '_' }, StringSplitOptions.RemoveEmptyEntries);
        var result = DeploymentEnvironment.Unknown;
        var local = false;
        foreach (var part in parts)
        {
            var lower = part.ToLowerInvariant();

            // ".env.production.local" is the local override of the production file: "local" makes a file development
            // only when nothing else names its environment (appsettings.Local.json).
            if (lower == "local")
            {
                local = true;
                continue;
            }

            if (lower is "appsettings" or "json" or "env" or "config" or "settings")
            {
                continue;
            }

            result = Max(result, ClassifyWord(lower));
        }

        if (result == DeploymentEnvironment.Unknown && local)
        {
            result = DeploymentEnvironment.Development;
        }

        if (result != DeploymentEnvironment.Unknown || slash <= 0)
        {
            return result;
        }

        var parentEnd = slash;
        var parentStart = path.LastIndexOfAny(new[] { '/', '\\' }, parentEnd - 1) + 1;
        // Only a folder named exactly after an environment: a project folder "PocketOps.StagingTool" says nothing about
        // the base appsettings.json inside it.
        var parent = path.Substring(parentStart, parentEnd - parentStart).ToLowerInvariant();
        return ExactWord(parent);
    }

    /// <summary>
    /// The environment a configuration key or a C# name points to: <c>ConnectionStrings:ProductionDb</c>,
    /// <c>STAGING_DATABASE_URL</c>, <c>prodConnection</c>. <c>ConnectionStrings:ProductCatalog</c> is not production.
    /// </summary>
    public static DeploymentEnvironment ClassifyKey(string? key) =>
        key is null || key.Length == 0 || key.Length > 512 ? DeploymentEnvironment.Unknown : ClassifyName(key);

    /// <summary>
    /// Whether a key-value connection string needs this key to be read as one: a host or database key, or
    /// <c>UseDevelopmentStorage</c>. A list of <c>key=value;</c> pairs none of whose keys passes is never a connection
    /// string (<see cref="TryParseKeyValue"/>), nor a URL, whose scheme would then hold the first key and its '='.
    /// </summary>
    public static bool IsLocatingKey(string key) =>
        HostKeys.Contains(key) || DatabaseKeys.Contains(key) || key.Equals("usedevelopmentstorage", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A cheap test that rejects almost every string before <see cref="TryParseConnectionString"/> allocates anything.
    /// </summary>
    private static readonly char[] EqualsOrColon = { '=', ':' };

    public static bool MightBeConnectionString(string? text)
    {
        if (text is null || text.Length < 10 || text.Length > MaxConnectionStringLength)
        {
            return false;
        }

        // Both shapes need '=' or "://": one vectorised search for either character turns away most text (a message, a
        // format, a name) before the slower searches below, ignoring case, run.
        var first = text.IndexOfAny(EqualsOrColon);
        if (first < 0)
        {
            return false;
        }

        var equals = text.IndexOf('=', first);
        if (equals > 0 && (text.IndexOf(';') > 0 || text.IndexOf(',') > 0 || text.IndexOf("Data Source", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("UseDevelopmentStorage", StringComparison.OrdinalIgnoreCase) >= 0))
        {
            return true;
        }

        return text.IndexOf("://", StringComparison.Ordinal) > 0;
    }

    /// <summary>Is <paramref name="text"/> a connection string at all, and if so what does it point at.</summary>
    public static bool TryParseConnectionString(string text, out ConnectionStringInfo? info)
    {
        info = null;
        try
        {
            if (!MightBeConnectionString(text))
            {
                return false;
            }

            var trimmed = text.Trim();
            info = TryParseUrl(trimmed) ?? TryParseKeyValue(trimmed) ?? TryParseRedisConfiguration(trimmed);
            return info is not null;
        }
#pragma warning disable CA1031 // The analyzer must never fail on odd input; a string that cannot be parsed is not a connection string.
        catch (Exception)
#pragma warning restore CA1031
        {
            info = null;
            return false;
        }
    }

    /// <summary>
    /// A bare <c>host[:port]</c> (<c>prod-redis:6379</c>), which is a connection string only where the configuration says
    /// so: a value in the <c>ConnectionStrings</c> section.
    /// </summary>
    public static bool TryParseBareHost(string? text, out ConnectionStringInfo? info)
    {
        info = null;
        var value = text?.Trim() ?? string.Empty;
        if (value.Length < 3 || value.Length > 255)
        {
            return false;
        }

        var separators = 0;
        foreach (var c in value)
        {
            if (c is '.' or ':' or '-')
            {
                separators++;
            }
            else if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        if (separators == 0 && !value.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var hosts = SplitHosts(value, ',');
        if (hosts.Count == 0)
        {
            return false;
        }

        info = new ConnectionStringInfo(ConnectionStringKind.KeyValue, hosts, null);
        return true;
    }

    public static bool IsProduction(DeploymentEnvironment environment) => environment == DeploymentEnvironment.Production;

    public static bool IsNonProduction(DeploymentEnvironment environment) =>
        environment is DeploymentEnvironment.Development or DeploymentEnvironment.Test or DeploymentEnvironment.Staging;

    public static string DisplayName(DeploymentEnvironment environment) => environment switch
    {
        DeploymentEnvironment.Development => "development",
        DeploymentEnvironment.Test => "test",
        DeploymentEnvironment.Staging => "staging",
        DeploymentEnvironment.Production => "production",
        _ => "unknown",
    };

    private static ConnectionStringInfo? TryParseUrl(string text)
    {
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        var scheme = text.Substring(0, separator);
        var known = false;
        foreach (var candidate in UrlSchemes)
        {
            if (string.Equals(candidate, scheme, StringComparison.OrdinalIgnoreCase))
            {
                known = true;
                break;
            }
        }

        if (!known)
        {
            return null;
        }

        var rest = text.Substring(separator + 3);
        var authorityEnd = rest.IndexOfAny(new[] { '/', '?', '#', ';', ' ' });
        var authority = authorityEnd < 0 ? rest : rest.Substring(0, authorityEnd);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        var hosts = SplitHosts(authority, ',');
        if (hosts.Count == 0)
        {
            return null;
        }

        string? database = null;
        if (authorityEnd >= 0 && rest[authorityEnd] == '/')
        {
            var path = rest.Substring(authorityEnd + 1);
            var pathEnd = path.IndexOfAny(new[] { '/', '?', '#', ';' });
            database = Uri.UnescapeDataString(pathEnd < 0 ? path : path.Substring(0, pathEnd));
        }
        else if (authorityEnd >= 0 && rest[authorityEnd] == ';')
        {
            // jdbc:sqlserver://host;databaseName=app
            database = FindValue(rest.Substring(authorityEnd + 1), DatabaseKeys);
        }

        if (database is not null && (database.Length == 0 || IsAllDigits(database)))
        {
            // Redis URLs carry a database number, not a name.
            database = null;
        }

        return new ConnectionStringInfo(ConnectionStringKind.Url, hosts, database);
    }

    private static ConnectionStringInfo? TryParseKeyValue(string text)
    {
        var pairs = SplitPairs(text);
        if (pairs.Count == 0)
        {
            return null;
        }

        var known = 0;
        var azure = false;
        var hosts = new List<string>();
        string? database = null;
        var developmentStorage = false;
        foreach (var pair in pairs)
        {
            var key = pair.Key;
            var value = pair.Value;
            if (HostKeys.Contains(key))
            {
                known++;
                var lower = key.ToLowerInvariant();
                if (lower.EndsWith("endpoint", StringComparison.Ordinal) || lower == "accountname")
                {
                    azure |= lower != "endpoint" || value.IndexOf("://", StringComparison.Ordinal) > 0;
                }

                foreach (var host in SplitHosts(HostOf(value), ','))
                {
                    hosts.Add(host);
                }
            }
            else if (DatabaseKeys.Contains(key))
            {
                known++;
                database ??= value;
            }
            else if (OtherKeys.Contains(key))
            {
                known++;
                var lower = key.ToLowerInvariant();
                if (lower is "accountkey" or "sharedaccesskey" or "sharedaccesskeyname" or "defaultendpointsprotocol" or "endpointsuffix" or "entitypath")
                {
                    azure = true;
                }

                if (lower == "usedevelopmentstorage" && value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    developmentStorage = true;
                }
            }
        }

        if (developmentStorage)
        {
            return new ConnectionStringInfo(ConnectionStringKind.Azure, new[] { "127.0.0.1" }, null);
        }

        if (hosts.Count == 0 && database is null)
        {
            return null;
        }

        // One pair is a connection string only for a SQLite file ("Data Source=app.db"); otherwise "address=x" in some
        // query text would be one.
        if (known < 2 && !(pairs.Count == 1 && IsSqliteFile(pairs[0])))
        {
            return null;
        }

        return new ConnectionStringInfo(azure ? ConnectionStringKind.Azure : ConnectionStringKind.KeyValue, hosts, database);
    }

    private static ConnectionStringInfo? TryParseRedisConfiguration(string text)
    {
        // host:6379,password=...,ssl=True,abortConnect=False
        var comma = text.IndexOf(',');
        if (comma <= 0 || text.IndexOf(';') >= 0)
        {
            return null;
        }

        var parts = text.Split(',');
        var hosts = new List<string>();
        var options = 0;
        foreach (var raw in parts)
        {
            var part = raw.Trim();
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                if (part.Length == 0 || part.IndexOf(' ') >= 0)
                {
                    return null;
                }

                hosts.AddRange(SplitHosts(part, ','));
                continue;
            }

            var key = part.Substring(0, equals).Trim().ToLowerInvariant();
            if (key is "password" or "ssl" or "abortconnect" or "allowadmin" or "connecttimeout" or "defaultdatabase" or "user" or "synctimeout" or "sslhost" or "servicename" or "connectretry" or "keepalive")
            {
                options++;
            }
            else
            {
                return null;
            }
        }

        return hosts.Count > 0 && options > 0 ? new ConnectionStringInfo(ConnectionStringKind.RedisConfiguration, hosts, null) : null;
    }

    private static List<KeyValuePair<string, string>> SplitPairs(string text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < text.Length)
        {
            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var key = text.Substring(i, equals - i).Trim();
            if (key.Length == 0 || key.Length > 40 || key.IndexOf(';') >= 0)
            {
                return new List<KeyValuePair<string, string>>();
            }

            var valueStart = equals + 1;
            while (valueStart < text.Length && text[valueStart] == ' ')
            {
                valueStart++;
            }

            string value;
            int next;
            if (valueStart < text.Length && (text[valueStart] == '"' || text[valueStart] == '\''))
            {
                var quote = text[valueStart];
                var close = text.IndexOf(quote, valueStart + 1);
                if (close < 0)
                {
                    close = text.Length;
                }

                value = text.Substring(valueStart + 1, close - valueStart - 1);
                var semicolon = close < text.Length ? text.IndexOf(';', close) : -1;
                next = semicolon < 0 ? text.Length : semicolon + 1;
            }
            else
            {
                var semicolon = text.IndexOf(';', valueStart);
                var valueEnd = semicolon < 0 ? text.Length : semicolon;
                value = text.Substring(valueStart, valueEnd - valueStart).Trim();
                next = semicolon < 0 ? text.Length : semicolon + 1;
            }

            pairs.Add(new KeyValuePair<string, string>(key, value));
            i = next;
        }

        return pairs;
    }

    private static string? FindValue(string text, HashSet<string> keys)
    {
        foreach (var pair in SplitPairs(text))
        {
            if (keys.Contains(pair.Key))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>The host part of a host-like value: <c>tcp:prod.database.windows.net,1433</c>, <c>https://x.documents.azure.com:443/</c>.</summary>
    private static string HostOf(string value)
    {
        var v = value.Trim();
        var scheme = v.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            v = v.Substring(scheme + 3);
            var end = v.IndexOfAny(new[] { '/', '?', '#' });
            if (end >= 0)
            {
                v = v.Substring(0, end);
            }
        }
        else if (v.StartsWith("tcp:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("np:", StringComparison.OrdinalIgnoreCase))
        {
            v = v.Substring(v.IndexOf(':') + 1);
        }

        // SQL Server writes the port after a comma; the named instance after a backslash is not part of the host.
        if (v.IndexOf(',') > 0 && v.IndexOf(';') < 0 && IsAllDigits(v.Substring(v.LastIndexOf(',') + 1).Trim()))
        {
            v = v.Substring(0, v.LastIndexOf(','));
        }

        var backslash = v.IndexOf('\\');
        if (backslash > 0 && !v.StartsWith("(localdb)", StringComparison.OrdinalIgnoreCase))
        {
            v = v.Substring(0, backslash);
        }

        return v;
    }

    private static List<string> SplitHosts(string authority, char separator)
    {
        var hosts = new List<string>();
        foreach (var raw in authority.Split(separator))
        {
            var host = raw.Trim();
            if (host.Length == 0)
            {
                continue;
            }

            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var close = host.IndexOf(']');
                host = close > 0 ? host.Substring(1, close - 1) : host;
            }
            else if (host.IndexOf(':') > 0 && host.IndexOf(':') == host.LastIndexOf(':'))
            {
                host = host.Substring(0, host.IndexOf(':'));
            }

            if (host.Length > 0 && host.Length <= 255)
            {
                hosts.Add(host);
            }
        }

        return hosts;
    }

    private static bool IsSqliteFile(KeyValuePair<string, string> pair) =>
        (pair.Key.Equals("data source", StringComparison.OrdinalIgnoreCase) || pair.Key.Equals("datasource", StringComparison.OrdinalIgnoreCase))
        && (pair.Value.EndsWith(".db", StringComparison.OrdinalIgnoreCase)
            || pair.Value.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)
            || pair.Value.EndsWith(".sqlite3", StringComparison.OrdinalIgnoreCase));

    private static bool IsLocalHost(string host)
    {
        var h = host.Trim().ToLowerInvariant();
        return h is "localhost" or "127.0.0.1" or "::1" or "0.0.0.0" or "." or "(local)" or "host.docker.internal"
            || h.StartsWith("(localdb)", StringComparison.Ordinal)
            || h.EndsWith(".localhost", StringComparison.Ordinal)
            || h.StartsWith("127.", StringComparison.Ordinal)
            || h == "devstoreaccount1";
    }

    /// <summary>
    /// Top-level domains that are also environment words say nothing about the environment: <c>sql01.corp.local</c> is a
    /// common production name in Active Directory networks, and <c>.dev</c> and <c>.live</c> are public domains.
    /// </summary>
    private static string WithoutTopLevelDomain(string host)
    {
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || dot == host.Length - 1)
        {
            return host;
        }

        var tld = host.Substring(dot + 1).ToLowerInvariant();
        return tld is "local" or "localdomain" or "lan" or "dev" or "live" ? host.Substring(0, dot) : host;
    }

    private static bool IsAllDigits(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Splits a name into words (separators, camelCase, letters and digits) and reads the environment words among them.
    /// Production beside a non-production word (<c>staging-copy-of-prod</c>) says nothing certain: Unknown.
    /// </summary>
    private static DeploymentEnvironment ClassifyName(string name)
    {
        var words = SplitWords(name);
        var result = DeploymentEnvironment.Unknown;
        var production = false;
        var nonProduction = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            var env = ClassifyWord(word);
            if (env == DeploymentEnvironment.Production && i > 0 && words[i - 1] is "pre" or "non")
            {
                // "pre-prod", "non_production"
                env = DeploymentEnvironment.Staging;
            }

            if (env == DeploymentEnvironment.Unknown)
            {
                continue;
            }

            production |= env == DeploymentEnvironment.Production;
            nonProduction |= env != DeploymentEnvironment.Production;
            result = Max(result, env);
        }

        return production && nonProduction ? DeploymentEnvironment.Unknown : result;
    }

    /// <summary>One lower-case word; exact match, or a long environment word or a short one glued to a technical word.</summary>
    private static DeploymentEnvironment ClassifyWord(string word)
    {
        var exact = ExactWord(word);
        if (exact != DeploymentEnvironment.Unknown || word.Length < 5)
        {
            return exact;
        }

        if (word.StartsWith("preprod", StringComparison.Ordinal) || word.StartsWith("nonprod", StringComparison.Ordinal))
        {
            return DeploymentEnvironment.Staging;
        }

        var glued = Glued(word);
        if (glued != DeploymentEnvironment.Unknown)
        {
            return glued;
        }

        foreach (var affix in TechnicalAffixes)
        {
            if (word.Length > affix.Length + 1)
            {
                if (word.EndsWith(affix, StringComparison.Ordinal))
                {
                    var stem = word.Substring(0, word.Length - affix.Length);
                    var env = ExactWord(stem);
                    env = env != DeploymentEnvironment.Unknown ? env : Glued(stem);
                    if (env != DeploymentEnvironment.Unknown)
                    {
                        return env;
                    }
                }

                if (word.StartsWith(affix, StringComparison.Ordinal))
                {
                    var env = ExactWord(word.Substring(affix.Length));
                    if (env != DeploymentEnvironment.Unknown)
                    {
                        return env;
                    }
                }
            }
        }

        return DeploymentEnvironment.Unknown;
    }

    private static DeploymentEnvironment Glued(string word)
    {
        // Long environment words are unambiguous even when glued: "productiondb", "appstaging". Short ones are not:
        // "product", "latest", "devices", "contest".
        foreach (var (longWord, env) in LongWords)
        {
            if (word.StartsWith(longWord, StringComparison.Ordinal) || word.EndsWith(longWord, StringComparison.Ordinal))
            {
                return env;
            }
        }

        // A name ending in a short environment word ("shopprod", "crmdev", "ordersuat"): no common word ends so, unlike
        // "latest", "contest" (test) or "olive" (live), which therefore only count on their own.
        foreach (var (suffix, env) in ShortSuffixes)
        {
            if (word.Length >= suffix.Length + 3 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                return env;
            }
        }

        return DeploymentEnvironment.Unknown;
    }

    private static readonly (string Word, DeploymentEnvironment Environment)[] LongWords =
    {
        ("production", DeploymentEnvironment.Production),
        ("staging", DeploymentEnvironment.Staging),
        ("preview", DeploymentEnvironment.Staging),
        ("development", DeploymentEnvironment.Development),
        ("sandbox", DeploymentEnvironment.Test),
    };

    private static readonly (string Word, DeploymentEnvironment Environment)[] ShortSuffixes =
    {
        ("prod", DeploymentEnvironment.Production),
        ("prd", DeploymentEnvironment.Production),
        ("stg", DeploymentEnvironment.Staging),
        ("uat", DeploymentEnvironment.Staging),
        ("dev", DeploymentEnvironment.Development),
        ("qa", DeploymentEnvironment.Test),
    };

    private static DeploymentEnvironment ExactWord(string word) => word switch
    {
        "prod" or "prd" or "production" or "live" or "prodn" => DeploymentEnvironment.Production,
        "staging" or "stg" or "stage" or "stag" or "uat" or "preprod" or "preproduction" or "nonprod" or "nonproduction" or "preview" => DeploymentEnvironment.Staging,
        "test" or "tst" or "testing" or "qa" or "sandbox" or "sbx" or "ci" or "e2e" => DeploymentEnvironment.Test,
        "dev" or "devel" or "develop" or "development" or "local" or "localhost" => DeploymentEnvironment.Development,
        _ => DeploymentEnvironment.Unknown,
    };

    private static List<string> SplitWords(string name) => WordSplitter.Split(name, lettersFromDigits: true);

    /// <summary>Production outranks staging outranks test outranks development: the riskier reading wins.</summary>
    private static DeploymentEnvironment Max(DeploymentEnvironment a, DeploymentEnvironment b) => (int)a >= (int)b ? a : b;
}

/// <summary>
/// The one word splitter of the analyzers and the guards: the lower-case words of an identifier, key or file name, at
/// separators, camelCase and acronym boundaries (<c>APIKey</c> is <c>api</c>, <c>key</c>), and optionally between letters
/// and digits (<c>prod2</c> is <c>prod</c>, <c>2</c>).
/// </summary>
internal static class WordSplitter
{
    public static List<string> Split(string name, bool lettersFromDigits)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= name.Length; i++)
        {
            var c = i < name.Length ? name[i] : ' ';
            if (!char.IsLetterOrDigit(c))
            {
                Flush(name, start, i, words);
                start = -1;
                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = name[i - 1];
            var boundary =
                (char.IsLower(previous) && char.IsUpper(c))
                || (lettersFromDigits && char.IsLetter(previous) && char.IsDigit(c))
                || (lettersFromDigits && char.IsDigit(previous) && char.IsLetter(c))
                || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < name.Length && char.IsLower(name[i + 1]));
            if (boundary)
            {
                Flush(name, start, i, words);
                start = i;
            }
        }

        return words;

        static void Flush(string text, int from, int to, List<string> into)
        {
            if (from >= 0 && to > from)
            {
                into.Add(text.Substring(from, to - from).ToLowerInvariant());
            }
        }
    }
}
