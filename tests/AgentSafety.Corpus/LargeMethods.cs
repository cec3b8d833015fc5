using System.Text;

namespace AgentSafety.Corpus;

/// <summary>
/// The large-method torture case: methods of thousands of locals, each local holding command text that reaches an
/// executor the destructive rules read (<c>Process.Start</c>, a <c>ProcessStartInfo</c>'s <c>Arguments</c> then
/// <c>Process.Start</c> of that start info, a <c>DbCommand.CommandText</c>), none of it destructive. Generated scripts,
/// seeders and large migrations look like this; any work done per local reference over the whole body makes the
/// analyzers' cost grow with the square of the method's size.
/// </summary>
internal static class LargeMethods
{
    public static string Generate(int methods, int localsPerMethod)
    {
        var sb = new StringBuilder(methods * localsPerMethod * 70);
        sb.AppendLine("using System.Data.Common;");
        sb.AppendLine("using System.Diagnostics;");
        sb.AppendLine("namespace LargeMethods;");
        sb.AppendLine("public static class Generated");
        sb.AppendLine("{");
        for (var m = 0; m < methods; m++)
        {
            sb.AppendLine($"    public static void Run{m}(DbCommand command)");
            sb.AppendLine("    {");
            var locals = 0;
            for (var i = 0; locals < localsPerMethod; i++)
            {
                switch (i % 3)
                {
                    case 0:
                        sb.AppendLine($"        var text{i} = \"status --verbose --item {i}\";");
                        sb.AppendLine($"        Process.Start(\"tool\", text{i});");
                        locals++;
                        break;
                    case 1:
                        sb.AppendLine($"        var text{i} = \"list --all --page {i}\";");
                        sb.AppendLine($"        var info{i} = new ProcessStartInfo(\"tool\") {{ Arguments = text{i} }};");
                        sb.AppendLine($"        Process.Start(info{i});");
                        locals += 2;
                        break;
                    default:
                        sb.AppendLine($"        var text{i} = \"SELECT id, name FROM orders WHERE id = {i}\";");
                        sb.AppendLine($"        command.CommandText = text{i};");
                        locals++;
                        break;
                }
            }

            sb.AppendLine("    }");
        }

        sb.AppendLine("}");
        return sb.ToString();
    }
}
