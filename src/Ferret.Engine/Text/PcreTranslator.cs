using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Engine.Text;

/// <summary>
/// Turns a PCRE pattern (what Splunk's <c>rex</c>, <c>regex</c>, <c>match()</c> and <c>replace()</c> take; Search
/// Reference, "About Splunk regular expressions") into the .NET dialect: <c>(?P&lt;n&gt;…)</c> and <c>(?P=n)</c> named groups,
/// <c>\Q…\E</c> literals, possessive quantifiers (<c>a++</c> becomes the atomic <c>(?&gt;a+)</c>), POSIX classes,
/// <c>\x{hh}</c>, <c>\h</c>, <c>\R</c>. Atomic groups and inline flags are already .NET syntax. Constructs .NET cannot
/// express (<c>\K</c>, recursion, branch reset) are reported as errors rather than silently changed.
/// </summary>
public static partial class PcreTranslator
{
    public static bool TryTranslate(string pcre, out string dotnet, out string error)
    {
        var output = new StringBuilder(pcre.Length + 8);
        var atomStarts = new Stack<int>();
        var lastAtomStart = -1;
        error = string.Empty;
        dotnet = string.Empty;
        var i = 0;
        while (i < pcre.Length)
        {
            var c = pcre[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 >= pcre.Length)
                    {
                        error = "pattern ends with a lone backslash";
                        return false;
                    }

                    lastAtomStart = output.Length;
                    if (!TranslateEscape(pcre, ref i, output, out error))
                    {
                        return false;
                    }

                    continue;
                case '[':
                    lastAtomStart = output.Length;
                    if (!TranslateClass(pcre, ref i, output, out error))
                    {
                        return false;
                    }

                    continue;
                case '(':
                    var groupStart = output.Length;
                    if (!TranslateGroupOpen(pcre, ref i, output, out var opensGroup, out error))
                    {
                        return false;
                    }

                    if (opensGroup)
                    {
                        atomStarts.Push(groupStart);
                    }

                    continue;
                case ')':
                    output.Append(')');
                    lastAtomStart = atomStarts.Count > 0 ? atomStarts.Pop() : -1;
                    i++;
                    continue;
                case '*' or '+' or '?' or '{':
                    if (!TranslateQuantifier(pcre, ref i, output, lastAtomStart))
                    {
                        output.Append(c);
                        i++;
                    }

                    lastAtomStart = -1;
                    continue;
                default:
                    lastAtomStart = output.Length;
                    output.Append(c);
                    i++;
                    continue;
            }
        }

        dotnet = output.ToString();
        try
        {
            _ = new Regex(dotnet, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException exception)
        {
            error = exception.Message;
            return false;
        }

        return true;
    }

    private static bool TranslateGroupOpen(string p, ref int i, StringBuilder output, out bool opensGroup, out string error)
    {
        error = string.Empty;
        opensGroup = true;
        if (Starts(p, i, "(?P<"))
        {
            output.Append("(?<");
            i += 4;
            return true;
        }

        if (Starts(p, i, "(?P="))
        {
            var close = p.IndexOf(')', i);
            if (close < 0)
            {
                error = "unterminated (?P= back reference";
                return false;
            }

            output.Append(@"\k<").Append(p, i + 4, close - i - 4).Append('>');
            i = close + 1;
            opensGroup = false;
            return true;
        }

        if (Starts(p, i, "(?P>") || Starts(p, i, "(?R)") || Starts(p, i, "(?&") || (Starts(p, i, "(?") && i + 2 < p.Length && char.IsAsciiDigit(p[i + 2])))
        {
            error = "recursive patterns ((?R), (?P>name), (?&name), (?1)) are not supported";
            return false;
        }

        if (Starts(p, i, "(?|"))
        {
            error = "branch reset groups (?|...) are not supported";
            return false;
        }

        if (Starts(p, i, "(?#"))
        {
            var close = p.IndexOf(')', i);
            i = close < 0 ? p.Length : close + 1;
            opensGroup = false;
            return true;
        }

        if (Starts(p, i, "(*"))
        {
            error = "PCRE verbs such as (*UTF) or (*SKIP) are not supported";
            return false;
        }

        if (Starts(p, i, "(?") && i + 2 < p.Length && char.IsAsciiLetter(p[i + 2]) || Starts(p, i, "(?-"))
        {
            var j = i + 2;
            while (j < p.Length && (char.IsAsciiLetter(p[j]) || p[j] == '-'))
            {
                j++;
            }

            var flags = p[(i + 2)..j];
            if (flags.Contains('U', StringComparison.Ordinal) || flags.Contains('J', StringComparison.Ordinal) || flags.Contains('X', StringComparison.Ordinal))
            {
                error = $"inline flag (?{flags}) is not supported";
                return false;
            }

            output.Append("(?").Append(flags);
            i = j;
            if (j < p.Length && p[j] == ')')
            {
                output.Append(')');
                i++;
                opensGroup = false;
            }

            return true;
        }

        output.Append('(');
        i++;
        return true;
    }

    private static bool TranslateQuantifier(string p, ref int i, StringBuilder output, int lastAtomStart)
    {
        var start = i;
        if (p[i] == '{')
        {
            var close = p.IndexOf('}', i);
            if (close < 0 || !IsCountedQuantifier(p.AsSpan(i + 1, close - i - 1)))
            {
                return false;
            }

            i = close + 1;
        }
        else
        {
            i++;
        }

        var quantifier = p[start..i];
        if (i < p.Length && p[i] == '+' && lastAtomStart >= 0)
        {
            output.Insert(lastAtomStart, "(?>");
            output.Append(quantifier).Append(')');
            i++;
            return true;
        }

        output.Append(quantifier);
        if (i < p.Length && p[i] == '?')
        {
            output.Append('?');
            i++;
        }

        return true;
    }

    private static bool IsCountedQuantifier(ReadOnlySpan<char> inside)
    {
        if (inside.Length == 0)
        {
            return false;
        }

        foreach (var ch in inside)
        {
            if (!char.IsAsciiDigit(ch) && ch != ',')
            {
                return false;
            }
        }

        return char.IsAsciiDigit(inside[0]);
    }

    private static bool Starts(string p, int i, string prefix) => string.CompareOrdinal(p, i, prefix, 0, prefix.Length) == 0;
}
