using System;
using System.Text.RegularExpressions;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>What kind of destructive text was found, and the words that make it destructive.</summary>
internal readonly struct DestructiveText
{
    public DestructiveText(string kind, string what, string action)
    {
        Kind = kind;
        What = what;
        Action = action;
    }

    public string Kind { get; }

    public string What { get; }

    public string Action { get; }
}

/// <summary>
/// Recognises text that destroys when executed: SQL, Redis commands, Mongo shell text, GraphQL mutations that delete
/// (<see cref="PlatformApis"/>) and command lines (<see cref="CliCommandClassifier"/>, which hands the SQL, Redis and
/// Mongo text that <c>psql -c</c>, <c>redis-cli</c> and <c>mongosh --eval</c> carry back to the rules here). A cheap
/// keyword check rejects almost every string before any regular expression runs, and every expression has a timeout.
/// </summary>
internal static class CommandTextClassifier
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A session's temporary table (#orders, tempdb..x) is scratch space, not data.
    private static readonly Regex SqlDrop = new(@"\bDROP\s+(DATABASE|SCHEMA|TABLE)\s+(?!(IF\s+EXISTS\s+)?(#|tempdb\.))(IF\s+EXISTS\s+)?[\w\[\]""`.]+", Options, Timeout);
    private static readonly Regex SqlTruncate = new(@"\bTRUNCATE\s+(TABLE\s+)?[\w\[\]""`.]+", Options, Timeout);
    // No WHERE before the statement ends: the end of the text, ';', ')' or RETURNING/OUTPUT. A WHERE on the next line
    // of a verbatim string still belongs to the statement, so line ends do not end it.
    private static readonly Regex SqlDelete = new(
        @"\bDELETE\s+FROM\s+[\w\[\]""`.]+(\s+(AS\s+)?(?!WHERE\b|USING\b|RETURNING\b|OUTPUT\b)\w+)?\s*(;|\)|\bRETURNING\b|\bOUTPUT\b|$)",
        Options,
        Timeout);
    private static readonly Regex SqlAlterDrop = new(@"\bALTER\s+TABLE\s+[\w\[\]""`.]+\s+DROP\b", Options, Timeout);

    private static readonly string[] Keywords = { "drop", "truncate", "delete" };

    private static readonly Regex MongoDropDatabase = new(@"\bdropDatabase\s*\(|\{\s*[""']?dropDatabase[""']?\s*:", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex MongoDropCollection = new(@"\.drop\s*\(\s*\)|\{\s*[""']?drop[""']?\s*:", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex MongoDeleteAll = new(@"\.(deleteMany|remove)\s*\(\s*(\{\s*\})?\s*\)", RegexOptions.CultureInvariant, Timeout);

    /// <summary>Redis commands that destroy every key, or stop the server: the same verbs whether sent with <c>redis-cli</c> or <c>IDatabase.Execute</c>.</summary>
    private static readonly string[] RedisVerbs = { "FLUSHALL", "FLUSHDB", "SHUTDOWN" };

    public static bool TryClassifySql(string text, out DestructiveText result)
    {
        result = default;
        if (!HasKeyword(text))
        {
            return false;
        }

        try
        {
            Match m;
            if ((m = SqlDrop.Match(text)).Success || (m = SqlTruncate.Match(text)).Success || (m = SqlAlterDrop.Match(text)).Success || (m = SqlDelete.Match(text)).Success)
            {
                var what = Collapse(m.Value.TrimEnd(';', ')', ' '));
                result = new DestructiveText("SQL", what, "sql:" + what.Split(' ')[0].ToUpperInvariant());
                return true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return false;
    }

    public static bool TryClassifyGraphQl(string text, out DestructiveText result)
    {
        result = default;
        var field = PlatformApis.DestructiveMutationField(text);
        if (field is null)
        {
            return false;
        }

        result = new DestructiveText("GraphQL mutation", field, "graphql:" + field);
        return true;
    }

    /// <summary>A command line (or one simple command) that destroys: see <see cref="CliCommandClassifier"/>.</summary>
    public static bool TryClassifyCommand(string text, out DestructiveText result) => CliCommandClassifier.TryClassify(text, out result);

    /// <summary>Redis command text, one command a line, the verb first (<c>FLUSHALL</c>, <c>flushdb ASYNC</c>).</summary>
    public static bool TryClassifyRedis(string text, out DestructiveText result)
    {
        result = default;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim().Trim('"', '\'');
            var end = trimmed.IndexOfAny(new[] { ' ', '\t' });
            var verb = (end < 0 ? trimmed : trimmed.Substring(0, end)).Trim('"', '\'').ToUpperInvariant();
            if (Array.IndexOf(RedisVerbs, verb) >= 0)
            {
                result = new DestructiveText("Redis command", verb, "redis:" + verb);
                return true;
            }
        }

        return false;
    }

    /// <summary>Mongo shell text that drops a database or collection, or deletes every document (<c>deleteMany({})</c>).</summary>
    public static bool TryClassifyMongoShell(string text, out DestructiveText result)
    {
        result = default;
        if (text.IndexOf("drop", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("deleteMany", StringComparison.Ordinal) < 0 && text.IndexOf("remove", StringComparison.Ordinal) < 0)
        {
            return false;
        }

        try
        {
            Match m;
            if ((m = MongoDropDatabase.Match(text)).Success || (m = MongoDropCollection.Match(text)).Success || (m = MongoDeleteAll.Match(text)).Success)
            {
                var what = Collapse(m.Value.TrimStart('.', '{', ' ', '"', '\''));
                result = new DestructiveText("Mongo shell", what, "mongo:" + what.Split('(', ':', ' ')[0].Trim('"', '\''));
                return true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return false;
    }

    private static bool HasKeyword(string text)
    {
        foreach (var keyword in Keywords)
        {
            if (text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Collapse(string value)
    {
        var collapsed = Regex.Replace(value, @"\s+", " ", RegexOptions.None, Timeout).Trim();
        return collapsed.Length > 60 ? collapsed.Substring(0, 60) + "…" : collapsed;
    }
}
