using System.Text;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    private bool AtEnd => position >= text.Length;

    private char Current => position < text.Length ? text[position] : '\0';

    private char PeekAt(int offset) =>
        position + offset >= 0 && position + offset < text.Length ? text[position + offset] : '\0';

    /// <summary>True at the end of the current command: end of text, <c>|</c>, or the <c>]</c> closing a subsearch.</summary>
    private bool AtCommandEnd
    {
        get
        {
            SkipTrivia();
            return AtEnd || Current == '|' || (Current == ']' && subsearchDepth > 0);
        }
    }

    private static bool IsWhite(char c) => char.IsWhiteSpace(c);

    /// <summary>Skips white space and <c>```comments```</c> (Splunk's comment syntax).</summary>
    private void SkipTrivia()
    {
        while (position < text.Length)
        {
            if (IsWhite(text[position]))
            {
                position++;
            }
            else if (IsCommentStart(position))
            {
                var close = text.IndexOf("```", position + 3, StringComparison.Ordinal);
                if (close < 0)
                {
                    Report(DiagnosticFacts.UnterminatedComment(new TextSpan(position, 3)));
                    position = text.Length;
                }
                else
                {
                    position = close + 3;
                }
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Reads a double-quoted string at <see cref="Current"/>. <c>\"</c> and <c>\\</c> are unescaped; any other
    /// backslash is kept, so regular expressions and Windows paths read as written.</summary>
    private Word ReadQuoted()
    {
        var start = position;
        position++;
        var builder = new StringBuilder();
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\\' && position + 1 < text.Length && text[position + 1] is '"' or '\\')
            {
                builder.Append(text[position + 1]);
                position += 2;
            }
            else if (c == '"')
            {
                position++;
                lastTokenEnd = position;
                return new Word(builder.ToString(), true, TextSpan.FromBounds(start, position));
            }
            else
            {
                builder.Append(c);
                position++;
            }
        }

        Report(DiagnosticFacts.UnterminatedString(new TextSpan(start, 1)));
        lastTokenEnd = position;
        return new Word(builder.ToString(), true, TextSpan.FromBounds(start, position));
    }

    /// <summary>Reads characters until <paramref name="isStop"/> says stop; a foreach placeholder such as
    /// <c>&lt;&lt;FIELD&gt;&gt;</c> is taken whole when allowed.</summary>
    private Word ReadBare(Func<char, bool> isStop)
    {
        var start = position;
        while (position < text.Length)
        {
            if (allowPlaceholders && TryPlaceholderLength() is > 0 and var length)
            {
                position += length;
                continue;
            }

            if (isStop(text[position]) || IsCommentStart(position))
            {
                break;
            }

            position++;
        }

        if (position > start)
        {
            lastTokenEnd = position;
        }

        return new Word(text[start..position], false, TextSpan.FromBounds(start, position));
    }

    private bool IsCommentStart(int at) =>
        at + 2 < text.Length && text[at] == '`' && text[at + 1] == '`' && text[at + 2] == '`';

    /// <summary>The length of a <c>&lt;&lt;NAME&gt;&gt;</c> placeholder at the current position, or 0.</summary>
    private int TryPlaceholderLength()
    {
        if (Current != '<' || PeekAt(1) != '<')
        {
            return 0;
        }

        var i = position + 2;
        while (i < text.Length && (char.IsAsciiLetterUpper(text[i]) || char.IsAsciiDigit(text[i])))
        {
            i++;
        }

        return i > position + 2 && i + 1 < text.Length && text[i] == '>' && text[i + 1] == '>' ? i + 2 - position : 0;
    }

    /// <summary>A field name or value argument: quoted, or bare up to white space or a delimiter.</summary>
    /// <remarks>Quoted and bare parts written together form one word, as Splunk's argument tokenizer reads them
    /// (<c>"DNS".*</c> is <c>DNS.*</c>, which <c>`drop_dm_object_name("DNS")`</c> produces).</remarks>
    private Word ReadFieldWord()
    {
        var start = position;
        if (Current != '"')
        {
            var bare = ReadBare(IsFieldStop);
            if (bare.Text.Length > 0 && Current == '(' && ClosingParenthesisInWord(position) is { } close)
            {
                // A field name may carry parentheses: "predicted(unusual_cmdline_logits)" (MLTK output names).
                position = close + 1;
                lastTokenEnd = position;
                ReadBare(IsFieldStop);
                return new Word(text[start..position], false, TextSpan.FromBounds(start, position));
            }

            if (Current != '"' || bare.Text.Length == 0)
            {
                return bare;
            }
        }

        position = start;
        var builder = new StringBuilder();
        var quoted = false;
        while (!AtEnd)
        {
            if (Current == '"')
            {
                builder.Append(ReadQuoted().Text);
                quoted = true;
            }
            else
            {
                var part = ReadBare(IsFieldStop);
                if (part.Text.Length == 0)
                {
                    break;
                }

                builder.Append(part.Text);
            }
        }

        return new Word(builder.ToString(), quoted, TextSpan.FromBounds(start, position));
    }

    private static bool IsFieldStop(char c) =>
        IsWhite(c) || c is '|' or ',' or '(' or ')' or '=' or '[' or ']' or '"' or '<' or '>' or '!';

    /// <summary>An option value: quoted, or bare up to white space; parentheses inside a bare value are balanced
    /// (<c>startswith=eval(x&gt;1)</c>).</summary>
    private Word ReadOptionValue()
    {
        if (Current == '"')
        {
            return ReadQuoted();
        }

        var start = position;
        var depth = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (c == '"' && depth > 0)
            {
                ReadQuoted();
                continue;
            }
            else if (depth == 0 && (IsWhite(c) || c is '|' or ']' or '[' or ',' or '"'))
            {
                break;
            }

            position++;
        }

        if (position > start)
        {
            lastTokenEnd = position;
        }

        return new Word(text[start..position], false, TextSpan.FromBounds(start, position));
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    /// <summary>True when the text ahead is <c>name=</c> (not <c>name==</c>): an option.</summary>
    private bool IsOptionAhead()
    {
        SkipTrivia();
        var i = position;
        if (i >= text.Length || !(char.IsAsciiLetter(text[i]) || text[i] == '_'))
        {
            return false;
        }

        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        // Splunk reads "limit = 1" as "limit=1": spaces around the '=' of an option are allowed.
        while (i < text.Length && IsWhite(text[i]))
        {
            i++;
        }

        return i < text.Length && text[i] == '=' && (i + 1 >= text.Length || text[i + 1] != '=');
    }

    private CommandOption ReadOption()
    {
        var start = position;
        var name = ReadBare(c => c == '=' || IsWhite(c));
        while (position < text.Length && IsWhite(text[position]))
        {
            position++;
        }

        position++;
        while (position < text.Length && IsWhite(text[position]))
        {
            position++;
        }

        lastTokenEnd = position;
        var value = ReadOptionValue();
        return new CommandOption(name.Text, value, SpanFrom(start));
    }

    /// <summary>True when the next word is <paramref name="keyword"/> (case-insensitive) followed by a delimiter.</summary>
    private bool IsKeywordAhead(string keyword, bool caseSensitive = false)
    {
        SkipTrivia();
        if (position + keyword.Length > text.Length
            || char.ToUpperInvariant(text[position]) != char.ToUpperInvariant(keyword[0])
            || string.Compare(text, position, keyword, 0, keyword.Length,
                caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase) != 0)
        {
            return false;
        }

        var after = position + keyword.Length;
        return after >= text.Length || !(IsNameChar(text[after]) || text[after] is '.' or ':' or '*' or '=' or '-');
    }

    private bool TryKeyword(string keyword, bool caseSensitive = false)
    {
        if (!IsKeywordAhead(keyword, caseSensitive))
        {
            return false;
        }

        position += keyword.Length;
        lastTokenEnd = position;
        return true;
    }

    private bool TryChar(char c)
    {
        SkipTrivia();
        if (Current != c)
        {
            return false;
        }

        position++;
        lastTokenEnd = position;
        return true;
    }

    /// <summary>Reads a non-negative integer word, or returns null and leaves the position.</summary>
    private int? TryReadInteger()
    {
        SkipTrivia();
        var i = position;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == position || (i < text.Length && !IsWhite(text[i]) && text[i] is not (',' or '|' or ']')))
        {
            return null;
        }

        var parsed = int.TryParse(text.AsSpan(position, i - position), out var value) ? value : int.MaxValue;
        position = i;
        lastTokenEnd = i;
        return parsed;
    }

    /// <summary>Skips to the end of the current command, stepping over quoted strings and balanced subsearches.</summary>
    private void SkipToCommandEnd()
    {
        var depth = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '"')
            {
                var before = diagnostics.Count;
                ReadQuoted();
                if (diagnostics.Count > before)
                {
                    return;
                }

                continue;
            }

            if (IsCommentStart(position))
            {
                SkipTrivia();
                continue;
            }

            if (c == '[')
            {
                depth++;
            }
            else if (c == ']')
            {
                if (depth == 0 && subsearchDepth > 0)
                {
                    break;
                }

                depth = Math.Max(0, depth - 1);
            }
            else if (c == '|' && depth == 0)
            {
                break;
            }

            position++;
            if (!IsWhite(c))
            {
                lastTokenEnd = position;
            }
        }
    }

    /// <summary>Reports whatever is left of a command as unexpected and skips it.</summary>
    private void ReportRestOfCommand(string command)
    {
        if (AtCommandEnd)
        {
            return;
        }

        var start = position;
        SkipToCommandEnd();
        if (position == start)
        {
            position++;
            lastTokenEnd = position;
        }

        Report(DiagnosticFacts.UnexpectedToken(TextSpan.FromBounds(start, position), Excerpt(start, position), $"in {command}"));
    }
}
