using System.Collections.Generic;
using System.Linq;
using AgentSafety.Analyzers.Destructive;
using Xunit;

namespace AgentSafety.Analyzers.Tests.Destructive;

/// <summary>The tokenizer reads command text as a POSIX shell would, so the classifier sees the words the program receives.</summary>
public class ShellCommandLineTests
{
    private static string[] Words(string text) => ShellCommandLine.Parse(text).Single().Words.ToArray();

    [Theory]
    [InlineData("rm -rf /etc", new[] { "rm", "-rf", "/etc" })]
    [InlineData("psql -c 'DROP TABLE a; DROP TABLE b'", new[] { "psql", "-c", "DROP TABLE a; DROP TABLE b" })]
    [InlineData("echo \"it's $HOME\"", new[] { "echo", "it's $HOME" })]
    [InlineData("a\\ b 'c'\"d\" e\\\"f", new[] { "a b", "cd", "e\"f" })]
    [InlineData("kubectl \\\n  delete ns x", new[] { "kubectl", "delete", "ns", "x" })]
    [InlineData("docker rm -f $(docker ps -aq --filter 'name=a b')", new[] { "docker", "rm", "-f", "$(docker ps -aq --filter 'name=a b')" })]
    [InlineData("rm -rf ${TMPDIR:-/tmp}/x", new[] { "rm", "-rf", "${TMPDIR:-/tmp}/x" })]
    [InlineData("C:\\tools\\kubectl.exe get pods", new[] { "C:\\tools\\kubectl.exe", "get", "pods" })]
    [InlineData("rm -rf /tmp/x 2>/dev/null >>log.txt", new[] { "rm", "-rf", "/tmp/x" })]
    [InlineData("cmd arg &> out.txt", new[] { "cmd", "arg" })]
    [InlineData("cmd 2>&1", new[] { "cmd" })]
    [InlineData("a#b c", new[] { "a#b", "c" })]
    public void Words_are_what_the_program_receives(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Fact]
    public void A_chain_splits_into_commands_and_remembers_pipes()
    {
        var commands = ShellCommandLine.Parse("a 1; b 2 && c 3 || d 4 | e 5\nf 6 & g 7 |& h 8 (i 9)");
        Assert.Equal(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i" }, commands.Select(c => c.Words[0]));
        Assert.Equal(new[] { false, false, false, false, true, false, false, true, false }, commands.Select(c => c.PipedFromPrevious));
    }

    [Fact]
    public void Comments_are_skipped_and_quoted_separators_are_text()
    {
        var commands = ShellCommandLine.Parse("# rm -rf /\ngit commit -m 'a; b && c | d' # trailing");
        var command = Assert.Single(commands);
        Assert.Equal(new[] { "git", "commit", "-m", "a; b && c | d" }, command.Words);
    }

    [Fact]
    public void Here_documents_and_here_strings_feed_their_command()
    {
        var commands = ShellCommandLine.Parse("psql shop <<'SQL'\nDROP TABLE a;\n  SQL\nredis-cli <<< FLUSHALL\nls");
        Assert.Equal(new[] { "psql", "redis-cli", "ls" }, commands.Select(c => c.Words[0]));
        Assert.Equal("DROP TABLE a;\n", commands[0].Stdin);
        Assert.Equal("FLUSHALL", commands[1].Stdin);
        Assert.Null(commands[2].Stdin);
    }

    [Fact]
    public void Command_substitutions_are_handed_out()
    {
        var substitutions = new List<string>();
        ShellCommandLine.Parse("echo $(rm -rf /etc) `kubectl delete ns x` \"$(date)\"", substitutions);
        Assert.Equal(new[] { "rm -rf /etc", "kubectl delete ns x", "date" }, substitutions);
    }

    [Theory]
    [InlineData("DROP DATABASE shop")]
    [InlineData("it's")]
    [InlineData("")]
    [InlineData("a\"b$c`d\\e")]
    [InlineData("plain")]
    public void A_quoted_argument_reads_back_as_one_word(string argument) =>
        Assert.Equal(new[] { "x", argument }, Words("x " + ShellCommandLine.Quote(argument)));

    [Theory]
    [InlineData("'unterminated")]
    [InlineData("\"unterminated $(")]
    [InlineData("${")]
    [InlineData("`")]
    [InlineData("a <<")]
    [InlineData("a >")]
    [InlineData("\\")]
    public void Malformed_text_does_not_throw(string text) => ShellCommandLine.Parse(text, new List<string>());
}
