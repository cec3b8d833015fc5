using System;
using System.Collections.Generic;
using System.Text;

namespace AgentSafety.Analyzers.Destructive;

/// <summary>One simple command of a command line: its words after quote removal, and what feeds its standard input.</summary>
internal sealed class ShellCommand
{
    public ShellCommand(List<string> words, bool pipedFromPrevious)
    {
        Words = words;
        PipedFromPrevious = pipedFromPrevious;
    }

    public List<string> Words { get; }

    /// <summary>True when the command reads the output of the command before it (<c>a | b</c>).</summary>
    public bool PipedFromPrevious { get; }

    /// <summary>Text a here-document or here-string gives the command (<c>psql &lt;&lt;EOF</c>, <c>redis-cli &lt;&lt;&lt; FLUSHALL</c>).</summary>
    public string? Stdin { get; set; }
}

/// <summary>
/// Splits command text the way a POSIX shell does, in one pass and without regular expressions: single and double
/// quotes, backslash escapes, <c>${…}</c>, <c>$(…)</c> and backquotes kept inside their word, redirections and their
/// targets dropped from the words, here-documents given to their command, comments skipped, and the command chain
/// split at <c>;</c>, <c>&amp;&amp;</c>, <c>||</c>, <c>|</c>, <c>&amp;</c>, parentheses and line ends. Two deliberate
/// departures: a backslash before an ordinary character is kept (so a Windows path such as <c>C:\data</c> survives),
/// and text past <see cref="MaxLength"/> characters is not read.
/// </summary>
internal static class ShellCommandLine
{
    public const int MaxLength = 32 * 1024;
    private const int MaxCommands = 256;
    private const int MaxWords = 512;

    /// <summary>The simple commands in <paramref name="text"/>; the text of every <c>$(…)</c> and backquote goes to <paramref name="substitutions"/>.</summary>
    public static List<ShellCommand> Parse(string text, List<string>? substitutions = null)
    {
        var parser = new Parser(text.Length > MaxLength ? text.Substring(0, MaxLength) : text, substitutions);
        parser.Run();
        return parser.Commands;
    }

    /// <summary>
    /// An argument written so that <see cref="Parse"/> reads it back as one word: how a <c>ProcessStartInfo.ArgumentList</c>
    /// item joins a command line without its spaces splitting it.
    /// </summary>
    public static string Quote(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny(Special) < 0)
        {
            return argument;
        }

        return "'" + argument.Replace("'", "'\\''") + "'";
    }

    private static readonly char[] Special = { ' ', '\t', '\n', '\r', '\'', '"', '\\', '$', '`', ';', '&', '|', '<', '>', '(', ')', '#' };

    private sealed class Parser
    {
        private readonly string _text;
        private readonly List<string>? _substitutions;
        private readonly StringBuilder _word = new();
        private List<string> _words = new();
        private bool _inWord;
        private bool _pipedFromPrevious;
        private int _pos;

        // What the next finished word is: a redirection's target (dropped), a here-string (stdin) or a here-document's delimiter.
        private WordRole _next = WordRole.Argument;
        private readonly List<(string Delimiter, ShellCommand? Owner, List<string> Words)> _pendingHereDocs = new();

        public Parser(string text, List<string>? substitutions)
        {
            _text = text;
            _substitutions = substitutions;
        }

        public List<ShellCommand> Commands { get; } = new();

        private enum WordRole
        {
            Argument,
            RedirectTarget,
            HereString,
            HereDocDelimiter,
        }

        public void Run()
        {
            var text = _text;
            while (_pos < text.Length && Commands.Count < MaxCommands)
            {
                var c = text[_pos];
                switch (c)
                {
                    case ' ':
                    case '\t':
                    case '\r':
                        EndWord();
                        _pos++;
                        break;
                    case '\n':
                        EndCommand(pipe: false);
                        _pos++;
                        ReadHereDocBodies();
                        break;
                    case ';':
                    case '(':
                    case ')':
                        EndCommand(pipe: false);
                        _pos++;
                        break;
                    case '|':
                        var orElse = Peek(1) == '|';
                        EndCommand(pipe: !orElse);
                        _pos += orElse || Peek(1) == '&' ? 2 : 1;
                        break;
                    case '&':
                        if (Peek(1) == '>')
                        {
                            // &> and &>> send both streams to a file.
                            EndWord();
                            _pos += Peek(2) == '>' ? 3 : 2;
                            _next = WordRole.RedirectTarget;
                        }
                        else
                        {
                            EndCommand(pipe: false);
                            _pos += Peek(1) == '&' ? 2 : 1;
                        }

                        break;
                    case '<':
                    case '>':
                        Redirection(c);
                        break;
                    case '#' when !_inWord:
                        while (_pos < text.Length && text[_pos] != '\n')
                        {
                            _pos++;
                        }

                        break;
                    case '\'':
                        _inWord = true;
                        _pos++;
                        while (_pos < text.Length && text[_pos] != '\'')
                        {
                            _word.Append(text[_pos++]);
                        }

                        _pos++;
                        break;
                    case '"':
                        _inWord = true;
                        _pos++;
                        DoubleQuoted();
                        break;
                    case '\\':
                        Backslash();
                        break;
                    case '$' when Peek(1) is '(' or '{':
                        _inWord = true;
                        Dollar();
                        break;
                    case '`':
                        _inWord = true;
                        Backquote();
                        break;
                    default:
                        _inWord = true;
                        _word.Append(c);
                        _pos++;
                        break;
                }
            }

            EndCommand(pipe: false);
        }

        private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

        private void Redirection(char c)
        {
            // "2>" and "2>&1": digits right before the operator name a file descriptor, not an argument.
            if (_inWord && IsAllDigits(_word))
            {
                _word.Clear();
                _inWord = false;
            }
            else
            {
                EndWord();
            }

            _pos++;
            if (c == '<' && Peek(0) == '<')
            {
                _pos++;
                if (Peek(0) == '<')
                {
                    _pos++;
                    _next = WordRole.HereString;
                    return;
                }

                if (Peek(0) == '-')
                {
                    _pos++;
                }

                _next = WordRole.HereDocDelimiter;
                return;
            }

            if (Peek(0) is '>' or '&' or '|')
            {
                _pos++;
            }

            _next = WordRole.RedirectTarget;
        }

        private static bool IsAllDigits(StringBuilder word)
        {
            if (word.Length == 0)
            {
                return false;
            }

            for (var i = 0; i < word.Length; i++)
            {
                if (word[i] is < '0' or > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private void DoubleQuoted()
        {
            var text = _text;
            while (_pos < text.Length && text[_pos] != '"')
            {
                var c = text[_pos];
                if (c == '\\' && Peek(1) is '$' or '`' or '"' or '\\' or '\n')
                {
                    if (Peek(1) != '\n')
                    {
                        _word.Append(Peek(1));
                    }

                    _pos += 2;
                }
                else if (c == '$' && Peek(1) is '(' or '{')
                {
                    Dollar();
                }
                else if (c == '`')
                {
                    Backquote();
                }
                else
                {
                    _word.Append(c);
                    _pos++;
                }
            }

            _pos++;
        }

        private void Backslash()
        {
            var next = Peek(1);
            if (next == '\n')
            {
                _pos += 2;
                return;
            }

            _inWord = true;
            if (next != '\0' && " \t'\"\\$`;&|<>()*?#~{}[]!".IndexOf(next) >= 0)
            {
                _word.Append(next);
                _pos += 2;
                return;
            }

            _word.Append('\\');
            _pos++;
        }

        /// <summary><c>$(…)</c>, <c>$((…))</c> or <c>${…}</c>: kept whole in the word; a command substitution's text is also handed out.</summary>
        private void Dollar()
        {
            var open = _text[_pos + 1];
            var close = open == '(' ? ')' : '}';
            var start = _pos;
            var depth = 0;
            var i = _pos + 1;
            char quote = '\0';
            for (; i < _text.Length; i++)
            {
                var c = _text[i];
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                    else if (c == '\\' && quote == '"')
                    {
                        i++;
                    }

                    continue;
                }

                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\')
                {
                    i++;
                }
                else if (c == open)
                {
                    depth++;
                }
                else if (c == close && --depth == 0)
                {
                    break;
                }
            }

            var end = Math.Min(i, _text.Length - 1);
            _word.Append(_text, start, end - start + 1);
            if (open == '(' && _substitutions is not null && end > start + 2)
            {
                _substitutions.Add(_text.Substring(start + 2, end - start - 2));
            }

            _pos = end + 1;
        }

        private void Backquote()
        {
            var end = _text.IndexOf('`', _pos + 1);
            if (end < 0)
            {
                end = _text.Length;
            }

            var inner = _text.Substring(_pos + 1, end - _pos - 1);
            _word.Append('`').Append(inner).Append('`');
            _substitutions?.Add(inner);
            _pos = end + 1;
        }

        private void EndWord()
        {
            if (!_inWord)
            {
                return;
            }

            var word = _word.ToString();
            _word.Clear();
            _inWord = false;
            var role = _next;
            _next = WordRole.Argument;
            switch (role)
            {
                case WordRole.RedirectTarget:
                    return;
                case WordRole.HereString:
                    _hereString = _hereString is null ? word : _hereString + "\n" + word;
                    return;
                case WordRole.HereDocDelimiter:
                    _pendingHereDocs.Add((word, null, _words));
                    return;
            }

            if (_words.Count < MaxWords)
            {
                _words.Add(word);
            }
        }

        private string? _hereString;

        private void EndCommand(bool pipe)
        {
            EndWord();
            _next = WordRole.Argument;
            if (_words.Count > 0)
            {
                var command = new ShellCommand(_words, _pipedFromPrevious) { Stdin = _hereString };
                Commands.Add(command);
                for (var i = 0; i < _pendingHereDocs.Count; i++)
                {
                    if (ReferenceEquals(_pendingHereDocs[i].Words, _words))
                    {
                        _pendingHereDocs[i] = (_pendingHereDocs[i].Delimiter, command, _words);
                    }
                }

                _words = new List<string>();
            }

            _hereString = null;
            _pipedFromPrevious = pipe;
        }

        /// <summary>After a line end: the bodies of the here-documents opened on that line, each up to its delimiter line.</summary>
        private void ReadHereDocBodies()
        {
            foreach (var (delimiter, owner, _) in _pendingHereDocs)
            {
                var body = new StringBuilder();
                while (_pos < _text.Length)
                {
                    var lineEnd = _text.IndexOf('\n', _pos);
                    if (lineEnd < 0)
                    {
                        lineEnd = _text.Length;
                    }

                    var line = _text.Substring(_pos, lineEnd - _pos).Trim();
                    _pos = Math.Min(lineEnd + 1, _text.Length);
                    if (line == delimiter)
                    {
                        break;
                    }

                    body.Append(line).Append('\n');
                }

                if (owner is not null)
                {
                    owner.Stdin = body.ToString();
                }
            }

            _pendingHereDocs.Clear();
        }
    }
}
