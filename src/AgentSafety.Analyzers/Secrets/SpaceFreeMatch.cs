namespace AgentSafety.Analyzers.Secrets;

/// <summary>
/// Reads a format's pattern for the shortest match it can make, when no match can hold a space: such a match is a run of
/// that many characters other than ' ', so text whose runs are all shorter holds none, and the anchor search is not made
/// for it. Most literals of a code base are messages of short words with a '.' or a digit in them.
/// </summary>
/// <remarks>
/// Read from the pattern, not written beside it, so a row added to <see cref="SecretFormats"/> cannot disagree with its own
/// gate. Syntax this reader does not know (a backreference, a character given by its code, character class subtraction,
/// the <c>x</c> option) gives 0, which turns no text away.
/// </remarks>
internal static class SpaceFreeMatch
{
    /// <summary>Lengths are capped here: no text the scanner reads is longer.</summary>
    private const int Cap = 1 << 20;

    /// <summary>The length of the shortest match of <paramref name="pattern"/> if no match can hold ' '; otherwise 0.</summary>
    public static int ShortestLength(string pattern)
    {
        // Read once per row when the scanner's tables are built: a fault here would fail every literal's scan, so any
        // exception is read as syntax not known, which turns no text away.
        try
        {
            var reader = new Reader(pattern);
            var (length, spaceFree) = reader.Alternation();
            return !reader.Failed && reader.AtEnd && spaceFree ? length : 0;
        }
        catch (System.Exception)
        {
            return 0;
        }
    }

    private sealed class Reader
    {
        private readonly string pattern;
        private int position;

        public Reader(string pattern)
        {
            this.pattern = pattern;
        }

        public bool Failed { get; private set; }

        public bool AtEnd => position >= pattern.Length;

        private char Next => position < pattern.Length ? pattern[position] : '\0';

        /// <summary>Branches separated by '|': the shortest branch, space-free only if every branch is.</summary>
        public (int Length, bool SpaceFree) Alternation()
        {
            var (length, spaceFree) = Sequence();
            while (!Failed && Next == '|')
            {
                position++;
                var (other, otherFree) = Sequence();
                length = System.Math.Min(length, other);
                spaceFree &= otherFree;
            }

            return (length, spaceFree);
        }

        private (int Length, bool SpaceFree) Sequence()
        {
            var length = 0;
            var spaceFree = true;
            while (!Failed && !AtEnd && Next != '|' && Next != ')')
            {
                var (atom, atomFree) = Atom();
                var times = Quantifier();
                length = (int)System.Math.Min(Cap, length + ((long)atom * times));
                spaceFree &= atomFree;
            }

            return (length, spaceFree);
        }

        /// <summary>How many times at least the atom before is matched: 1 without a quantifier.</summary>
        private int Quantifier()
        {
            int times;
            switch (Next)
            {
                case '*':
                case '?':
                    position++;
                    times = 0;
                    break;
                case '+':
                    position++;
                    times = 1;
                    break;
                case '{' when Bounds() is { } least:
                    times = least;
                    break;
                default:
                    return 1;
            }

            // A lazy or possessive mark changes what is matched first, not what can be.
            if (Next == '?')
            {
                position++;
            }

            return times;
        }

        /// <summary><c>{n}</c>, <c>{n,}</c> or <c>{n,m}</c> at the position: n, past the closing brace; null (and nothing read) for a '{' that is a character.</summary>
        private int? Bounds()
        {
            var end = pattern.IndexOf('}', position);
            if (end < 0)
            {
                return null;
            }

            var inside = pattern.Substring(position + 1, end - position - 1);
            var comma = inside.IndexOf(',');
            var least = comma < 0 ? inside : inside.Substring(0, comma);
            var most = comma < 0 ? "0" : inside.Substring(comma + 1);
            if (least.Length == 0 || least.Length > 6 || !AllDigits(least) || most.Length > 6 || !AllDigits(most))
            {
                return null;
            }

            position = end + 1;
            return int.Parse(least, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static bool AllDigits(string text)
        {
            foreach (var c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private (int Length, bool SpaceFree) Atom()
        {
            var c = pattern[position++];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return (1, ClassIsSpaceFree());
                case '\\':
                    return Escape();
                case '.':
                    return (1, false);
                case '^':
                case '$':
                    return (0, true);
                case '*':
                case '+':
                case '?':
                    // A quantifier with nothing before it: not a pattern this reader knows.
                    return Fail();
                default:
                    return (1, c != ' ');
            }
        }

        private (int Length, bool SpaceFree) Group()
        {
            var zeroWidth = false;
            if (Next == '?')
            {
                position++;
                var kind = Next;
                if (kind == ':' || kind == '>')
                {
                    position++;
                }
                else if (kind == '=' || kind == '!')
                {
                    position++;
                    zeroWidth = true;
                }
                else if (kind == '<' && position + 1 < pattern.Length && (pattern[position + 1] == '=' || pattern[position + 1] == '!'))
                {
                    position += 2;
                    zeroWidth = true;
                }
                else if (kind == '<' || kind == '\'')
                {
                    // A named group: (?<name>…) or (?'name'…).
                    var close = pattern.IndexOf(kind == '<' ? '>' : '\'', position + 1);
                    if (close < 0)
                    {
                        return Fail();
                    }

                    position = close + 1;
                }
                else
                {
                    // Inline options, comments, conditionals: (?i), (?#…), (?(…)…). Not in the table; read as unknown.
                    return Fail();
                }
            }

            var (length, spaceFree) = Alternation();
            if (Next != ')')
            {
                return Fail();
            }

            position++;

            // A lookaround reads text but matches none of it: what it reads is not part of the match.
            return zeroWidth ? (0, true) : (length, spaceFree);
        }

        /// <summary>Reads a class up to its ']': whether it cannot match ' '. A negated class is taken to match it.</summary>
        private bool ClassIsSpaceFree()
        {
            var negated = Next == '^';
            if (negated)
            {
                position++;
            }

            var spaceFree = !negated;
            var first = true;
            while (!Failed)
            {
                if (AtEnd)
                {
                    Fail();
                    return false;
                }

                var c = pattern[position++];
                if (c == ']' && !first)
                {
                    return spaceFree;
                }

                first = false;
                char low;
                if (c == '\\')
                {
                    if (AtEnd)
                    {
                        Fail();
                        return false;
                    }

                    var e = pattern[position++];
                    switch (e)
                    {
                        case 'd':
                        case 'w':
                        case 'S':
                            continue;
                        case 's':
                        case 'D':
                        case 'W':
                        case 'p':
                        case 'P':
                        case 'x':
                        case 'u':
                        case 'c':
                        case '0':
                            // Classes and codes that hold, or may hold, a space.
                            Fail();
                            return false;
                        default:
                            low = SimpleEscape(e);
                            break;
                    }
                }
                else if (c == '[')
                {
                    // Subtraction ([a-z-[aeiou]]) or a POSIX-looking class: not read.
                    Fail();
                    return false;
                }
                else
                {
                    low = c;
                }

                var high = low;
                if (Next == '-' && position + 1 < pattern.Length && pattern[position + 1] != ']')
                {
                    position++;
                    var h = pattern[position++];
                    if (h == '\\')
                    {
                        if (AtEnd || char.IsLetterOrDigit(pattern[position]))
                        {
                            Fail();
                            return false;
                        }

                        h = pattern[position++];
                    }
                    else if (h == '[')
                    {
                        Fail();
                        return false;
                    }

                    high = h;
                }

                if (low <= ' ' && ' ' <= high)
                {
                    spaceFree = false;
                }
            }

            return false;
        }

        private (int Length, bool SpaceFree) Escape()
        {
            if (AtEnd)
            {
                return Fail();
            }

            var e = pattern[position++];
            switch (e)
            {
                case 'b':
                case 'B':
                case 'A':
                case 'z':
                case 'Z':
                case 'G':
                    return (0, true);
                case 'd':
                case 'w':
                case 'S':
                    return (1, true);
                case 's':
                case 'D':
                case 'W':
                    return (1, false);
                default:
                    if (char.IsLetterOrDigit(e) && SimpleEscape(e) == '\0')
                    {
                        // \1, \k<name>, \p{…}, \x20, \u0020, \cX: backreferences and characters by code.
                        return Fail();
                    }

                    return (1, SimpleEscape(e) != ' ');
            }
        }

        /// <summary>The character an escape stands for: a control letter's character, a punctuation mark itself; '\0' for letters and digits that are not one of those.</summary>
        private static char SimpleEscape(char e) => e switch
        {
            't' => '\t',
            'n' => '\n',
            'r' => '\r',
            'f' => '\f',
            'v' => '\v',
            'e' => '\u001b',
            'a' => '\a',
            _ when char.IsLetterOrDigit(e) => '\0',
            _ => e,
        };

        private (int Length, bool SpaceFree) Fail()
        {
            Failed = true;
            position = pattern.Length;
            return (0, false);
        }
    }
}
