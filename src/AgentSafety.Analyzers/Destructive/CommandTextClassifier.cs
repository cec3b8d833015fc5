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
/// Recognises text that destroys when executed: SQL, GraphQL mutations that delete, and CLI commands. A cheap,
/// case-insensitive keyword check rejects almost every string before any regular expression runs, and every
/// expression has a timeout.
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

    // Railway's destructive mutations, then mutation fields that delete infrastructure by name (an application's own
    // per-record mutations, commentDelete and the like, are left alone).
    private static readonly Regex GraphQlField = new(
        @"\b(volumeDelete|serviceDelete|environmentDelete|projectDelete|projectScheduleDelete|volumeInstanceBackupDelete|volumeInstanceBackupBatchDelete|volumeInstanceBackupRestore|deploymentRemove|variableDelete|volumeDetach|customDomainDelete|serviceDomainDelete|tcpProxyDelete|pluginDelete|(volume|service|environment|project|database|db|cluster|bucket|backup|snapshot|namespace|app|machine|instance|deployment|server|storage)\w*(Delete|Destroy|Remove|Purge|Drop)|(delete|destroy|remove|purge|drop)(Volume|Service|Environment|Project|Database|Cluster|Bucket|Backup|Snapshot|Namespace|App|Machine|Instance|Deployment|Server)\w*)\s*\(",
        RegexOptions.CultureInvariant,
        Timeout);

    private static readonly (Regex Pattern, string Action)[] Cli =
    {
        (new Regex(@"\bterraform\s+(destroy\b|apply\b[^\n;&|]*-destroy\b)", Options, Timeout), "terraform:destroy"),
        (new Regex(@"\brm\s+(-[a-z]*r[a-z]*f[a-z]*|-[a-z]*f[a-z]*r[a-z]*|--recursive\s+--force|--force\s+--recursive)\b", Options, Timeout), "shell:rm-rf"),
        (new Regex(@"\bkubectl(\s+(--?[\w.-]+(=\S+)?|[a-z][\w.-]*)){0,6}?\s+delete\b", Options, Timeout), "kubectl:delete"),
        (new Regex(@"\bhelm\s+(uninstall|delete)\b", Options, Timeout), "helm:uninstall"),
        (new Regex(@"\baws\s+s3\s+(rb\b|rm\b[^\n;&|]*--recursive)", Options, Timeout), "aws:s3:rm"),
        (new Regex(@"\baws\s+\S+\s+delete-", Options, Timeout), "aws:delete"),
        (new Regex(@"\baz(\s+(--?[\w.-]+(=\S+)?|[a-z][\w.-]*)){0,6}?\s+delete\b", Options, Timeout), "az:delete"),
        (new Regex(@"\bgcloud(\s+(--?[\w.-]+(=\S+)?|[a-z][\w.-]*)){0,6}?\s+delete\b", Options, Timeout), "gcloud:delete"),
        (new Regex(@"\bdocker\s+(volume\s+(rm|prune)|system\s+prune|image\s+prune|container\s+prune)\b", Options, Timeout), "docker:prune"),
        (new Regex(@"\bpulumi\s+destroy\b", Options, Timeout), "pulumi:destroy"),
        (new Regex(@"\brailway\s+(down|delete|volume\s+delete)\b", Options, Timeout), "railway:delete"),
        (new Regex(@"\b(fly|flyctl)\s+(volumes?\s+(destroy|delete)|apps?\s+destroy|machines?\s+destroy)\b", Options, Timeout), "fly:destroy"),
        (new Regex(@"\bdoctl(\s+(--?[\w.-]+(=\S+)?|[a-z][\w.-]*)){0,6}?\s+delete\b", Options, Timeout), "doctl:delete"),
        (new Regex(@"\bdropdb\b", Options, Timeout), "postgres:dropdb"),
        (new Regex(@"\bredis-cli\b[^\n;&|]*\bFLUSH(ALL|DB)\b", Options, Timeout), "redis:flush"),
    };

    private static readonly string[] Keywords =
    {
        "drop", "truncate", "delete", "remove", "destroy", "purge", "detach", "restore", "rm ", "rm -", "uninstall", "prune", "rb", "down", "dropdb", "flush",
    };

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
        if (text.IndexOf("mutation", StringComparison.OrdinalIgnoreCase) < 0 || !HasKeyword(text))
        {
            return false;
        }

        try
        {
            var m = GraphQlField.Match(text);
            if (m.Success)
            {
                var field = m.Groups[1].Value;
                result = new DestructiveText("GraphQL mutation", field, "graphql:" + field);
                return true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }

        return false;
    }

    public static bool TryClassifyCommand(string text, out DestructiveText result)
    {
        result = default;
        if (!HasKeyword(text))
        {
            return false;
        }

        try
        {
            foreach (var (pattern, action) in Cli)
            {
                var m = pattern.Match(text);
                if (m.Success)
                {
                    result = new DestructiveText("command", Collapse(m.Value), action);
                    return true;
                }
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
