using System;
using System.Text;

namespace AgentSafety.Corpus;

/// <summary>
/// A deterministic worst case for the analyzers: one file, many thousands of lines, every line a string literal or an
/// invocation, with token-like, connection-string-like, SQL-like, CLI-like and long literals so that every rule's
/// pre-filter is exercised and most literals get past the cheapest checks.
/// </summary>
internal static class WorstCase
{
    public static string Generate(int lines)
    {
        var random = new Random(20260425);
        var sb = new StringBuilder(lines * 80);
        sb.AppendLine("using System;");
        sb.AppendLine("using System.Collections.Generic;");
        sb.AppendLine("namespace WorstCase;");
        sb.AppendLine("public static class Generated");
        sb.AppendLine("{");
        sb.AppendLine("    private static void Use(string value) => GC.KeepAlive(value);");
        var written = 6;
        var method = 0;
        while (written < lines - 2)
        {
            sb.AppendLine($"    public static void M{method++}(List<string> sink)");
            sb.AppendLine("    {");
            written += 2;
            for (var i = 0; i < 40 && written < lines - 4; i++, written++)
            {
                var literal = (i % 8) switch
                {
                    0 => Random(random, "ghp", 36),
                    1 => $"Host=db{i}.example.internal;Database=app_{(i % 3 == 0 ? "staging" : "catalog")};Username=app;Password={Random(random, "p", 12)}",
                    2 => $"DELETE FROM orders_{i} WHERE id = @id",
                    3 => $"kubectl get pods -n team-{i}",
                    4 => new string('x', 200 + random.Next(800)),
                    5 => $"https://api.example.com/v1/items/{random.Next()}?page={i}",
                    6 => Random(random, "key", 40),
                    _ => $"The quick brown fox number {i} jumps over the lazy dog",
                };
                sb.AppendLine(i % 2 == 0
                    ? $"        sink.Add(\"{literal}\");"
                    : $"        Use(string.Concat(\"{literal}\", sink.Count.ToString()));");
            }

            sb.AppendLine("    }");
            written++;
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Random(Random random, string prefix, int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return prefix + "_" + new string(chars);
    }
}
