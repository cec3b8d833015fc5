using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Xunit;

namespace AgentSafety.Guards.Tests;

/// <summary>
/// The refusal prints the command that approves exactly the refused operation, and a POSIX shell given that command
/// passes the exact resource through, whatever it holds: SQL text, argument lists, GraphQL variables.
/// </summary>
[Collection(GuardCollection.Name)]
public sealed class ApproveCommandTests : IDisposable
{
    public static TheoryData<string> Resources => new()
    {
        "vol-123",
        "my volume",
        "DROP TABLE \"Users\"; -- it's gone",
        "DELETE FROM accounts\nWHERE tenant = 'acme'\n  AND created < now() - interval '30 days';",
        "rm -rf \"$HOME\"/data/* `whoami` $(id) ${PATH} \\n \\\\",
        "{\"volumeId\":\"vol-123\",\"force\":true}",
        "--force",
        "'",
        "''\"'\"",
        "tab\there, bang! ~tilde #hash & | ; < > ( ) [ ] { } * ?",
        "vol-ünïcødé-卷",
        "trailing newline\n",
        " leading space",
    };

    public void Dispose() => Destructive.Reset();

    [Theory]
    [MemberData(nameof(Resources))]
    public async Task A_posix_shell_given_the_printed_command_passes_the_exact_resource_to_the_tool(string resource)
    {
        Setup.Configure(new IConfirmationProvider[] { new DenyAllConfirmationProvider() }, environment: "Staging");

        var denied = await Assert.ThrowsAsync<DestructiveOperationDeniedException>(() =>
            Destructive.RunAsync("db:run sql", resource, _ => Task.CompletedTask));

        // The message carries the command verbatim, on its own line after four spaces.
        Assert.Contains("\n    " + denied.ApprovalCommand + "\n", denied.Message, StringComparison.Ordinal);
        var (action, passedResource, environment) = ArgumentsAShellPasses(denied.ApprovalCommand);
        Assert.Equal("db:run sql", action);
        Assert.Equal(resource, passedResource);
        Assert.Equal("Staging", environment);
    }

    [Fact]
    public void A_plain_resource_stays_unquoted_so_the_command_reads_as_typed()
    {
        Assert.Equal(
            "agentsafety approve --action railway:volumeDelete --resource vol-123 --environment Staging",
            DestructiveOperationDeniedException.ApproveCommand("railway:volumeDelete", "vol-123", "Staging"));
    }

    /// <summary>
    /// Runs the command in <c>sh -c</c> with <c>agentsafety</c> defined as a shell function that prints the values it
    /// receives with <c>printf %s</c>, separated by NUL bytes (which no argument can contain).
    /// </summary>
    private static (string Action, string Resource, string Environment) ArgumentsAShellPasses(string command)
    {
        const string Function = """
            agentsafety() {
              shift
              while [ "$#" -gt 0 ]; do
                case "$1" in
                  --action|--resource|--environment) printf '%s=' "$1"; printf %s "$2"; printf '\0'; shift 2 ;;
                  *) printf 'unexpected argument: %s\0' "$1"; shift ;;
                esac
              done
            }
            """;
        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Function + "\n" + command);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"sh failed ({process.ExitCode}): {errors}");

        string? action = null, resource = null, environment = null;
        foreach (var field in output.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = field.IndexOf('=');
            Assert.True(eq > 0, "unexpected output from sh: " + field);
            switch (field.Substring(0, eq))
            {
                case "--action": action = field.Substring(eq + 1); break;
                case "--resource": resource = field.Substring(eq + 1); break;
                case "--environment": environment = field.Substring(eq + 1); break;
                default: throw new Xunit.Sdk.XunitException("sh passed " + field);
            }
        }

        return (action!, resource!, environment!);
    }
}
