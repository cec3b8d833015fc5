using System.Linq;
using System.Text;
using AgentSafety.Analyzers.Secrets;

namespace AgentSafety.Analyzers.Tests.Secrets;

/// <summary>The tables of docs/rules/ASA101.md and ASA102.md, generated from <see cref="SecretFormats"/>.</summary>
internal static class SecretFormatDocs
{
    public static string FormatTable()
    {
        var sb = new StringBuilder();
        sb.Append("| Provider | Credential | Recognised by | Row |\n|---|---|---|---|\n");
        foreach (var f in SecretFormats.Bare)
        {
            sb.Append("| ").Append(f.Provider).Append(" | ").Append(f.Kind).Append(" | ")
                .Append(string.Join(", ", f.Anchors.Select(Code))).Append(" | ").Append(f.Id).Append(" |\n");
        }

        foreach (var f in SecretFormats.Named)
        {
            sb.Append("| ").Append(f.Provider).Append(" | ").Append(f.Kind).Append(" | ").Append(NameCondition(f)).Append(" | ").Append(f.Id).Append(" |\n");
        }

        return sb.ToString();
    }

    public static string OverScopeTable()
    {
        var sb = new StringBuilder();
        sb.Append("| Provider | Credential | When | Why it is over-scoped | Use instead |\n|---|---|---|---|---|\n");
        foreach (var f in SecretFormats.Bare.Concat(SecretFormats.Named).Where(f => f.OverScope is not null))
        {
            var when = f.OverScopeWhenPayloadHas is { } marker ? "its payload holds " + Code(marker)
                : f.OverScopeNameAny is { } words ? "its name holds " + string.Join(" or ", words.Select(Code))
                : "always";
            sb.Append("| ").Append(f.Provider).Append(" | ").Append(f.Kind).Append(" | ").Append(when).Append(" | ")
                .Append(f.OverScope).Append(" | ").Append(f.Narrower).Append(" |\n");
        }

        foreach (var v in SecretFormats.Variables)
        {
            sb.Append("| ").Append(v.Provider).Append(" | variable ").Append(Code(v.Name)).Append(" | the name is read | ").Append(v.OverScope).Append(" | ").Append(v.Narrower).Append(" |\n");
        }

        foreach (var p in SecretFormats.Platforms)
        {
            sb.Append("| ").Append(p.Provider).Append(" | Bearer token sent to ").Append(Code(p.HostFragment)).Append(" | any token, hardcoded or read at run time | ").Append(p.OverScope).Append(" | ").Append(p.Narrower).Append(" |\n");
        }

        return sb.ToString();
    }

    private static string NameCondition(SecretFormat f)
    {
        var parts = new[]
        {
            f.NameExact is { } exact ? "the name is " + Code(exact) : null,
            f.NameAll is { } all ? "the name holds " + string.Join(" and ", all.Select(Code)) : null,
            f.NameAny is { } any ? "the name holds " + string.Join(" or ", any.Select(Code)) : null,
        };
        return string.Join("; ", parts.Where(p => p is not null));
    }

    private static string Code(string text) => "`" + text.Replace("|", "\\|") + "`";
}
