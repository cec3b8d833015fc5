using System;
using System.Collections.Generic;
using System.Linq;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>
/// Judges command lines against <see cref="DestructiveCliCommands"/>: each simple command of a chain on its own, after
/// <c>sudo</c>/<c>env</c>-style prefixes, through <c>sh -c</c>, <c>cmd /c</c>, <c>ssh host '…'</c> and
/// <c>kubectl exec … --</c>, with SQL, Redis and Mongo text handed to the same rules as ADO.NET. Words are compared
/// after the shell has removed quotes, so <c>"/bin/rm" -r -f /etc</c> reads as <c>rm -rf /etc</c>. A command that is
/// only an argument (a commit message, an <c>echo</c>) is never a command.
/// </summary>
internal static class CliCommandClassifier
{
    private const int MaxDepth = 4;
    private const int MaxPositionals = 12;

    /// <summary>
    /// Every program some table row names (shells, remote runners, text carriers, removers, device writers, rules), and
    /// the globs among them (<c>mkfs.*</c>). Most command lines a program starts run none of these, and they are let go
    /// on the program's name, before any of the per-table readings builds its word lists.
    /// </summary>
    private static readonly Lazy<(HashSet<string> Names, string[] Globs, bool[] FirstCharacters)> KnownTools = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "cmd", "powershell", "pwsh" };
        var globs = new List<string>();
        void Add(IEnumerable<string> tools)
        {
            foreach (var tool in tools)
            {
                if (tool.IndexOf('*') >= 0)
                {
                    globs.Add(tool);
                }
                else
                {
                    names.Add(tool);
                }
            }
        }

        Add(DestructiveCliCommands.Shells);
        Add(DestructiveCliCommands.RemoteRunners.SelectMany(r => r.Tools.Split('|')));
        Add(DestructiveCliCommands.TextCarriers.SelectMany(c => c.Tools));
        Add(DestructiveCliCommands.RecursiveRemovers.SelectMany(r => r.Tools.Split('|')));
        Add(DestructiveCliCommands.DeviceWriters.SelectMany(w => w.Tools.Split('|')));
        Add(DestructiveCliCommands.Rules.SelectMany(r => r.Tools));
        var first = new bool[128];
        foreach (var name in names.Concat(globs))
        {
            first[char.ToLowerInvariant(name[0]) & 127] = true;
        }

        return (names, globs.ToArray(), first);
    });

    public static bool TryClassify(string text, out DestructiveText result) => TryClassify(text, 0, out result);

    /// <summary>An argument vector as a process receives it: the file name, then each argument (<c>ProcessStartInfo.ArgumentList</c>).</summary>
    public static bool TryClassifyArguments(IReadOnlyList<string> argv, out DestructiveText result) => TryClassifyArgv(argv.ToList(), null, 0, out result);

    private static bool TryClassify(string text, int depth, out DestructiveText result)
    {
        result = default;
        if (depth > MaxDepth || string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!MayNameKnownTool(text))
        {
            return false;
        }

        var substitutions = new List<string>();
        var commands = ShellCommandLine.Parse(text, substitutions);
        for (var i = 0; i < commands.Count; i++)
        {
            var stdin = commands[i].Stdin;
            if (stdin is null && commands[i].PipedFromPrevious && i > 0)
            {
                stdin = EchoedText(commands[i - 1].Words);
            }

            if (TryClassifyArgv(commands[i].Words, stdin, depth, out result))
            {
                return true;
            }
        }

        foreach (var substitution in substitutions)
        {
            if (TryClassify(substitution, depth + 1, out result))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What <c>echo</c> or <c>printf</c> writes to a pipe (their words), or null for any other command.</summary>
    private static string? EchoedText(List<string> words)
    {
        if (words.Count < 2 || ToolName(words[0]) is not ("echo" or "printf"))
        {
            return null;
        }

        return string.Join(" ", words.Skip(1).Where(w => !(w.Length > 1 && w[0] == '-' && w.Skip(1).All(char.IsLetter))));
    }

    private static bool TryClassifyArgv(List<string> argv, string? stdin, int depth, out DestructiveText result)
    {
        result = default;
        var start = SkipPrefixes(argv, depth, out var runsNothing, ref result, out var decided);
        if (decided)
        {
            return true;
        }

        if (runsNothing || start >= argv.Count)
        {
            return false;
        }

        var tool = ToolName(argv[start]);
        if (!IsKnownTool(tool))
        {
            return false;
        }

        var args = argv.GetRange(start + 1, argv.Count - start - 1);
        if (tool.Length == 0 || args.Any(a => a == "--help"))
        {
            return false;
        }

        return TryShell(tool, args, stdin, depth, out result)
            || TryRemoteRunner(tool, args, depth, out result)
            || TryTextCarrier(tool, args, stdin, out result)
            || TryRecursiveRemove(tool, args, out result)
            || TryDeviceWriter(tool, args, out result)
            || TryRules(tool, args, out result);
    }

    /// <summary>
    /// The index of the command word after assignments (<c>X=1</c>), shell keywords and prefix commands. A prefix that
    /// only prints (<c>command -v rm</c>) runs nothing; <c>env -S '…'</c> carries a whole command line, judged on its own.
    /// </summary>
    private static int SkipPrefixes(List<string> argv, int depth, out bool runsNothing, ref DestructiveText result, out bool decided)
    {
        runsNothing = false;
        decided = false;
        var i = 0;
        for (var guard = 0; guard < 16 && i < argv.Count; guard++)
        {
            while (i < argv.Count && (IsAssignment(argv[i]) || argv[i] is "!" or "{" or "}" or "if" or "then" or "else" or "elif" or "do" or "while" or "until"))
            {
                i++;
            }

            if (i >= argv.Count)
            {
                return i;
            }

            var prefix = Find(DestructiveCliCommands.Prefixes, p => p.Tools, ToolName(argv[i]));
            if (prefix is null)
            {
                return i;
            }

            i++;
            var positionals = 0;
            while (i < argv.Count)
            {
                var word = argv[i];
                if (word == "--")
                {
                    i++;
                    break;
                }

                if (word.Length > 1 && word[0] == '-')
                {
                    if (prefix.NoRunOptions.Contains(word))
                    {
                        runsNothing = true;
                        return i;
                    }

                    if ((word is "-S" or "--split-string") && i + 1 < argv.Count)
                    {
                        decided = TryClassify(argv[i + 1], depth + 1, out result);
                        runsNothing = !decided;
                        return i;
                    }

                    i += prefix.ValueOptions.Contains(word) ? 2 : 1;
                    continue;
                }

                if (IsAssignment(word))
                {
                    i++;
                    continue;
                }

                if (positionals < prefix.LeadingPositionals)
                {
                    positionals++;
                    i++;
                    continue;
                }

                break;
            }
        }

        return i;
    }

    private static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0 || !(char.IsLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }

        for (var k = 1; k < eq; k++)
        {
            if (!(char.IsLetterOrDigit(word[k]) || word[k] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// False only when no command of the line can be a program the tables know, decided without parsing it. Without
    /// quotes, escapes, <c>$</c> or backquotes the shell takes every word verbatim from the text, so a program's name,
    /// the last segment of its path, is a run of name characters in the text; each such run is looked up. Any of those
    /// characters, and the line is parsed as the shell would.
    /// </summary>
    internal static bool MayNameKnownTool(string text)
    {
        if (text.IndexOfAny(ShellQuoting) >= 0)
        {
            return true;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && IsNameCharacter(text[i]))
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0 && KnownTools.Value.FirstCharacters[char.ToLowerInvariant(text[start])] && IsKnownTool(ToolName(text.Substring(start, i - start))))
            {
                return true;
            }

            start = -1;
        }

        return false;
    }

    private static readonly char[] ShellQuoting = { '\'', '"', '\\', '$', '`' };

    private static bool IsNameCharacter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-' or '+';

    /// <summary>Whether any table row names the program: every reading below starts by finding its row.</summary>
    internal static bool IsKnownTool(string tool)
    {
        var known = KnownTools.Value;
        if (known.Names.Contains(tool))
        {
            return true;
        }

        foreach (var glob in known.Globs)
        {
            if (Glob(glob, tool))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The program a word names: <c>/usr/bin/rm</c>, <c>C:\tools\kubectl.exe</c> and <c>RM</c> are all <c>rm</c>.</summary>
    internal static string ToolName(string word)
    {
        var slash = Math.Max(word.LastIndexOf('/'), word.LastIndexOf('\\'));
        var name = (slash >= 0 ? word.Substring(slash + 1) : word).ToLowerInvariant();
        foreach (var extension in new[] { ".exe", ".cmd", ".bat" })
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - extension.Length);
            }
        }

        return name;
    }

    private static bool TryShell(string tool, List<string> args, string? stdin, int depth, out DestructiveText result)
    {
        result = default;
        if (DestructiveCliCommands.Shells.Contains(tool))
        {
            for (var i = 0; i < args.Count; i++)
            {
                var word = args[i];
                if (word.Length > 1 && word[0] == '-' && word[1] != '-' && word.IndexOf('c') > 0 && word.Skip(1).All(char.IsLetter))
                {
                    var script = args.Skip(i + 1).FirstOrDefault(a => !a.StartsWith("-", StringComparison.Ordinal));
                    return script is not null && TryClassify(script, depth + 1, out result);
                }

                if (!word.StartsWith("-", StringComparison.Ordinal))
                {
                    // bash script.sh: the script's text is not here.
                    return false;
                }
            }

            return stdin is not null && TryClassify(stdin, depth + 1, out result);
        }

        if (tool == "cmd")
        {
            var at = args.FindIndex(a => a.Equals("/c", StringComparison.OrdinalIgnoreCase) || a.Equals("/k", StringComparison.OrdinalIgnoreCase));
            return at >= 0 && TryClassify(string.Join(" ", args.Skip(at + 1)), depth + 1, out result);
        }

        if (tool is "powershell" or "pwsh")
        {
            var at = args.FindIndex(a => a.Length >= 2 && a[0] == '-' && "-command".StartsWith(a.ToLowerInvariant(), StringComparison.Ordinal));
            return at >= 0 && TryClassify(string.Join(" ", args.Skip(at + 1)), depth + 1, out result);
        }

        return false;
    }

    /// <summary><c>ssh host 'cmd'</c>, <c>kubectl exec pod -- cmd</c>, <c>docker exec db cmd</c>: the command runs elsewhere, and destroys there.</summary>
    private static bool TryRemoteRunner(string tool, List<string> args, int depth, out DestructiveText result)
    {
        result = default;
        foreach (var (tools, path, valueOptionsText, targets) in DestructiveCliCommands.RemoteRunners)
        {
            if (!tools.Split('|').Contains(tool))
            {
                continue;
            }

            var pathWords = path.Length == 0 ? Array.Empty<string>() : path.Split(' ');
            var i = 0;
            var matched = true;
            foreach (var expected in pathWords)
            {
                while (i < args.Count && args[i].StartsWith("-", StringComparison.Ordinal))
                {
                    i++;
                }

                if (i >= args.Count || args[i] != expected)
                {
                    matched = false;
                    break;
                }

                i++;
            }

            if (!matched)
            {
                continue;
            }

            var valueOptions = valueOptionsText.Split(' ');
            var skipped = 0;
            List<string>? rest = null;
            for (; i < args.Count; i++)
            {
                var word = args[i];
                if (word == "--")
                {
                    rest = args.GetRange(i + 1, args.Count - i - 1);
                    break;
                }

                if (word.Length > 1 && word[0] == '-')
                {
                    if (valueOptions.Contains(word))
                    {
                        i++;
                    }

                    continue;
                }

                if (skipped++ < targets)
                {
                    continue;
                }

                rest = args.GetRange(i, args.Count - i);
                break;
            }

            if (rest is null || rest.Count == 0)
            {
                return false;
            }

            // ssh hands its words to the remote shell as one line; exec runs them as an argument vector.
            return tool == "ssh" ? TryClassify(string.Join(" ", rest), depth + 1, out result) : TryClassifyArgv(rest, null, depth + 1, out result);
        }

        return false;
    }

    private static bool TryTextCarrier(string tool, List<string> args, string? stdin, out DestructiveText result)
    {
        result = default;
        var carrier = Find(DestructiveCliCommands.TextCarriers, c => c.Tools, tool);
        if (carrier is null)
        {
            return false;
        }

        var texts = new List<string>();
        var positionals = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var word = args[i];
            if (word == "--")
            {
                positionals.AddRange(args.Skip(i + 1));
                break;
            }

            if (word.Length < 2 || word[0] != '-')
            {
                positionals.Add(word);
                continue;
            }

            var eq = word.IndexOf('=');
            var name = word.StartsWith("--", StringComparison.Ordinal) && eq > 0 ? word.Substring(0, eq) : word;
            if (carrier.TextOptions.Contains(name))
            {
                if (eq > 0 && name != word)
                {
                    texts.Add(word.Substring(eq + 1));
                }
                else if (i + 1 < args.Count)
                {
                    texts.Add(args[++i]);
                }

                continue;
            }

            if (carrier.ValueOptions.Contains(name) || word.StartsWith("--", StringComparison.Ordinal))
            {
                if (name == word && carrier.ValueOptions.Contains(name) && i + 1 < args.Count && !args[i + 1].StartsWith("-", StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            // A cluster of short options (-qAtc): the first that takes a value takes the rest of the word or the next word.
            for (var k = 1; carrier.Clusters && k < word.Length; k++)
            {
                var option = "-" + word[k];
                var attached = word.Substring(k + 1);
                if (carrier.TextOptions.Contains(option))
                {
                    if (attached.Length > 0)
                    {
                        texts.Add(attached);
                    }
                    else if (i + 1 < args.Count)
                    {
                        texts.Add(args[++i]);
                    }

                    break;
                }

                if (carrier.ValueOptions.Contains(option))
                {
                    if (attached.Length == 0 && i + 1 < args.Count && !args[i + 1].StartsWith("-", StringComparison.Ordinal))
                    {
                        i++;
                    }

                    break;
                }
            }
        }

        if (carrier.TextAfterPositionals >= 0 && positionals.Count > carrier.TextAfterPositionals)
        {
            texts.Add(string.Join(" ", positionals.Skip(carrier.TextAfterPositionals)));
        }

        if (texts.Count == 0 && carrier.ReadsStdin && stdin is not null)
        {
            texts.Add(stdin);
        }

        foreach (var text in texts)
        {
            DestructiveText found;
            var matched = carrier.Language switch
            {
                CarriedLanguage.Sql => CommandTextClassifier.TryClassifySql(text, out found),
                CarriedLanguage.Redis => CommandTextClassifier.TryClassifyRedis(text, out found),
                _ => CommandTextClassifier.TryClassifyMongoShell(text, out found),
            };
            if (matched)
            {
                result = new DestructiveText("command", tool + " " + found.What, tool + ":" + found.Action);
                return true;
            }
        }

        return false;
    }

    private static bool TryRecursiveRemove(string tool, List<string> args, out DestructiveText result)
    {
        result = default;
        foreach (var (tools, recursive) in DestructiveCliCommands.RecursiveRemovers)
        {
            if (!tools.Split('|').Contains(tool))
            {
                continue;
            }

            var options = OptionWords(args);
            if (!HasAny(options, recursive))
            {
                return false;
            }

            foreach (var target in Operands(args))
            {
                if (PathJudge.IsProtected(target))
                {
                    result = new DestructiveText("command", Shorten(tool + " " + string.Join(" ", options) + " " + target), "shell:" + tool + "-r");
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private static bool TryDeviceWriter(string tool, List<string> args, out DestructiveText result)
    {
        result = default;
        foreach (var (tools, require) in DestructiveCliCommands.DeviceWriters)
        {
            if (!tools.Split('|').Any(t => Glob(t, tool)))
            {
                continue;
            }

            if (require.Length > 0 && !HasAny(OptionWords(args), require))
            {
                return false;
            }

            foreach (var word in args)
            {
                var target = tool == "dd" ? (word.StartsWith("of=", StringComparison.Ordinal) ? word.Substring(3) : null) : word;
                if (target is not null && DestructiveCliCommands.BlockDevicePrefixes.Any(p => target.StartsWith(p, StringComparison.Ordinal)))
                {
                    result = new DestructiveText("command", tool + " " + target, "disk:" + tool);
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private static bool TryRules(string tool, List<string> args, out DestructiveText result)
    {
        result = default;
        List<Positional>? positionals = null;
        List<string>? options = null;
        foreach (var rule in DestructiveCliCommands.Rules)
        {
            if (!rule.Tools.Contains(tool))
            {
                continue;
            }

            positionals ??= Positionals(args);
            options ??= OptionWords(args);
            if (positionals.Count > 0 && positionals[0].Word == "help")
            {
                return false;
            }

            var matched = MatchPath(rule.Path, positionals);
            if (matched is null
                || !rule.Require.All(alternatives => HasAny(options, alternatives))
                || rule.Forbid.Any(alternatives => HasAny(options, alternatives)))
            {
                continue;
            }

            if (rule.Verdict == CliVerdict.Routine)
            {
                return false;
            }

            var words = new[] { tool }.Concat(matched).ToList();
            result = new DestructiveText("command", Shorten(string.Join(" ", words)), string.Join(":", words).ToLowerInvariant());
            return true;
        }

        return false;
    }

    private readonly struct Positional
    {
        public Positional(string word, bool mayBeValue)
        {
            Word = word;
            MayBeValue = mayBeValue;
        }

        public string Word { get; }

        /// <summary>True when the word follows an option written without <c>=</c>, so it may be that option's value (<c>--context prod</c>).</summary>
        public bool MayBeValue { get; }
    }

    private static List<Positional> Positionals(List<string> args)
    {
        var positionals = new List<Positional>();
        var afterOption = false;
        foreach (var word in args)
        {
            if (word == "--" || positionals.Count >= MaxPositionals)
            {
                break;
            }

            if (word.Length > 1 && word[0] == '-')
            {
                afterOption = word.IndexOf('=') < 0;
                continue;
            }

            positionals.Add(new Positional(word, afterOption));
            afterOption = false;
        }

        return positionals;
    }

    /// <summary>
    /// The words the path matched, or null. A word that may be an option's value can be skipped; the word after
    /// <c>**</c> (the verb of <c>az … delete</c>) must not be one, so <c>--filter delete</c> is not a delete. Failed
    /// states are remembered, so the match is bounded by path length times word count.
    /// </summary>
    private static List<string>? MatchPath(string[] path, List<Positional> positionals)
    {
        var failed = new bool[path.Length + 1, positionals.Count + 1];
        var words = new List<string>();
        return Match(0, 0) ? words : null;

        bool Match(int p, int w)
        {
            if (p == path.Length)
            {
                return true;
            }

            if (failed[p, w])
            {
                return false;
            }

            var token = path[p];
            if (token == "**")
            {
                for (var take = 0; take <= 4 && w + take <= positionals.Count; take++)
                {
                    if (take > 0 && !IsCommandWord(positionals[w + take - 1].Word))
                    {
                        break;
                    }

                    var mark = words.Count;
                    for (var k = 0; k < take; k++)
                    {
                        if (!positionals[w + k].MayBeValue)
                        {
                            words.Add(positionals[w + k].Word);
                        }
                    }

                    if (Match(p + 1, w + take))
                    {
                        return true;
                    }

                    words.RemoveRange(mark, words.Count - mark);
                }
            }
            else if (w < positionals.Count)
            {
                var positional = positionals[w];
                var afterAnyDepth = p > 0 && path[p - 1] == "**";
                if (!(afterAnyDepth && positional.MayBeValue) && TokenMatches(token, positional.Word))
                {
                    words.Add(positional.Word);
                    if (Match(p + 1, w + 1))
                    {
                        return true;
                    }

                    words.RemoveAt(words.Count - 1);
                }

                if (positional.MayBeValue && Match(p, w + 1))
                {
                    return true;
                }
            }

            failed[p, w] = true;
            return false;
        }
    }

    private static bool IsCommandWord(string word) =>
        word.Length > 0 && word.Length <= 40 && word.All(c => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '_' or ':');

    private static bool TokenMatches(string token, string word)
    {
        if (token == "*")
        {
            return true;
        }

        foreach (var alternative in token.Split('|'))
        {
            if (Glob(alternative, word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Case-insensitive match of a word against a pattern whose <c>*</c> stands for any run of characters.</summary>
    internal static bool Glob(string pattern, string word)
    {
        if (pattern.IndexOf('*') < 0)
        {
            return pattern.Equals(word, StringComparison.OrdinalIgnoreCase);
        }

        var parts = pattern.Split('*');
        if (word.Length > 128
            || !word.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)
            || !word.EndsWith(parts[parts.Length - 1], StringComparison.OrdinalIgnoreCase)
            || word.Length < parts.Sum(p => p.Length))
        {
            return false;
        }

        var at = parts[0].Length;
        var end = word.Length - parts[parts.Length - 1].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = word.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (found < 0 || found + parts[i].Length > end)
            {
                return false;
            }

            at = found + parts[i].Length;
        }

        return at <= end;
    }

    /// <summary>The option words before <c>--</c>.</summary>
    private static List<string> OptionWords(List<string> args)
    {
        var options = new List<string>();
        foreach (var word in args)
        {
            if (word == "--")
            {
                break;
            }

            if (word.Length > 1 && word[0] == '-')
            {
                options.Add(word);
            }
        }

        return options;
    }

    /// <summary>The operands: words that are not options, and every word after <c>--</c>.</summary>
    private static IEnumerable<string> Operands(List<string> args)
    {
        var afterEnd = false;
        foreach (var word in args)
        {
            if (!afterEnd && word == "--")
            {
                afterEnd = true;
                continue;
            }

            if (afterEnd || !(word.Length > 1 && word[0] == '-'))
            {
                yield return word;
            }
        }
    }

    /// <summary>
    /// Whether any of the <c>|</c>-separated options is present: <c>-f</c> also inside a cluster (<c>-rf</c>),
    /// <c>--volumes</c> and <c>-destroy</c> also with a value that is not false, <c>--x=value</c> only with that value.
    /// </summary>
    private static bool HasAny(List<string> options, string alternatives)
    {
        foreach (var alternative in alternatives.Split('|'))
        {
            var eq = alternative.IndexOf('=');
            var name = eq > 0 ? alternative.Substring(0, eq) : alternative;
            var wanted = eq > 0 ? alternative.Substring(eq + 1) : null;
            for (var i = 0; i < options.Count; i++)
            {
                var option = options[i];
                if (name.Length == 2)
                {
                    if (option == name || (option.Length > 2 && option[1] != '-' && option.IndexOf('=') < 0 && option.Skip(1).All(char.IsLetter) && option.IndexOf(name[1], 1) > 0))
                    {
                        return true;
                    }

                    continue;
                }

                // Go-style tools accept -destroy and --destroy alike.
                var bare = option.TrimStart('-');
                var optionEq = bare.IndexOf('=');
                var optionName = optionEq >= 0 ? bare.Substring(0, optionEq) : bare;
                if (!optionName.Equals(name.TrimStart('-'), StringComparison.Ordinal))
                {
                    continue;
                }

                var value = optionEq >= 0 ? bare.Substring(optionEq + 1) : null;
                if (wanted is not null ? string.Equals(value, wanted, StringComparison.OrdinalIgnoreCase) : value is null || !(value.Equals("false", StringComparison.OrdinalIgnoreCase) || value.Equals("none", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static T? Find<T>(T[] rows, Func<T, string[]> tools, string tool)
        where T : class
    {
        foreach (var row in rows)
        {
            if (tools(row).Contains(tool))
            {
                return row;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 60 ? text.Substring(0, 60) + "…" : text;
}
