namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// SQL whose object name is only known at run time (<c>$"DROP TABLE {table}"</c>) still drops a table. The constant text
/// shows such a hole as <c>{…}</c>, which no object-name pattern accepts; classify it with a name in its place, and
/// show the hole again in what is reported.
/// </summary>
internal static class SqlWithRuntimeNames
{
    private const string Hole = "{…}";
    private const string Placeholder = "runtime_name_placeholder";

    public static bool TryClassify(string text, out DestructiveText found)
    {
        found = default;
        if (text.IndexOf(Hole, System.StringComparison.Ordinal) < 0
            || !CommandTextClassifier.TryClassifySql(text.Replace(Hole, Placeholder), out var withName))
        {
            return false;
        }

        found = new DestructiveText(withName.Kind, withName.What.Replace(Placeholder, Hole), withName.Action);
        return true;
    }
}
