using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// A bare search word (a keyword, a field name, or a value after an operator). Two things Splunk's search tokenizer
    /// allows are kept inside the word: a backslash escaping a quote or backslash (<c>*\"privileged\":true*</c>, kept as
    /// written), and parentheses attached to the word that close before any white space (<c>*GetCurrent()*</c>).
    /// </summary>
    private Word ReadSearchWord(bool isValue)
    {
        var start = position;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == '\\' && position + 1 < text.Length && text[position + 1] is '"' or '\\')
            {
                position += 2;
                continue;
            }

            if (c == '(' && position > start && ClosingParenthesisInWord(position) is { } close)
            {
                position = close + 1;
                continue;
            }

            if ((isValue ? IsSearchValueStop(c) : IsSearchWordStop(c)) || IsCommentStart(position))
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

    /// <summary>The offset of the <c>)</c> closing the <c>(</c> at <paramref name="open"/> before any white space or pipe, or null.</summary>
    private int? ClosingParenthesisInWord(int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (IsWhite(c) || c is '|' or '"' or '[' or ']')
            {
                return null;
            }

            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return i;
            }
        }

        return null;
    }
}
