using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Engine.Text;

public static partial class PcreTranslator
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = "a-zA-Z",
        ["digit"] = "0-9",
        ["alnum"] = "a-zA-Z0-9",
        ["upper"] = "A-Z",
        ["lower"] = "a-z",
        ["space"] = @"\s",
        ["blank"] = @" \t",
        ["punct"] = @"!-/:-@\[-`{-~",
        ["xdigit"] = "0-9A-Fa-f",
        ["word"] = @"\w",
        ["cntrl"] = @"\x00-\x1f\x7f",
        ["print"] = @"\x20-\x7e",
        ["graph"] = @"\x21-\x7e",
    };

    private static bool TranslateEscape(string p, ref int i, StringBuilder output, out string error)
    {
        error = string.Empty;
        var next = p[i + 1];
        switch (next)
        {
            case 'Q':
                var end = p.IndexOf(@"\E", i + 2, StringComparison.Ordinal);
                var literal = end < 0 ? p[(i + 2)..] : p[(i + 2)..end];
                output.Append(Regex.Escape(literal));
                i = end < 0 ? p.Length : end + 2;
                return true;
            case 'E':
                i += 2;
                return true;
            case 'h':
                output.Append(@"[ \t\u00A0]");
                i += 2;
                return true;
            case 'H':
                output.Append(@"[^ \t\u00A0]");
                i += 2;
                return true;
            case 'R':
                output.Append(@"(?:\r\n|\n|\r)");
                i += 2;
                return true;
            case 'K':
                error = @"\K (reset match start) is not supported";
                return false;
            case 'g':
                return TranslateBackReference(p, ref i, output, out error);
            case 'x' when i + 2 < p.Length && p[i + 2] == '{':
                var close = p.IndexOf('}', i);
                if (close < 0 || !int.TryParse(p.AsSpan(i + 3, close - i - 3), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                {
                    error = @"malformed \x{...} escape";
                    return false;
                }

                output.Append(code <= 0xFFFF ? $@"\u{code:X4}" : Regex.Escape(char.ConvertFromUtf32(code)));
                i = close + 1;
                return true;
            case 'z':
                output.Append(@"\z");
                i += 2;
                return true;
            case '_':
                // PCRE: a backslash before any character that is not a letter or digit makes it literal; .NET rejects
                // "\_" because '_' is a word character, so write the underscore itself (ESCU writes "\_\_output").
                output.Append('_');
                i += 2;
                return true;
            default:
                output.Append('\\').Append(next);
                i += 2;
                return true;
        }
    }

    private static bool TranslateBackReference(string p, ref int i, StringBuilder output, out string error)
    {
        error = string.Empty;
        var j = i + 2;
        string name;
        if (j < p.Length && p[j] == '{')
        {
            var close = p.IndexOf('}', j);
            if (close < 0)
            {
                error = @"malformed \g{...} back reference";
                return false;
            }

            name = p[(j + 1)..close];
            i = close + 1;
        }
        else
        {
            var start = j;
            while (j < p.Length && char.IsAsciiDigit(p[j]))
            {
                j++;
            }

            name = p[start..j];
            i = j;
        }

        if (name.StartsWith('-'))
        {
            error = @"relative back references (\g{-1}) are not supported";
            return false;
        }

        output.Append(name.All(char.IsAsciiDigit) && name.Length > 0 ? $@"\{name}" : $@"\k<{name}>");
        return true;
    }

    private static bool TranslateClass(string p, ref int i, StringBuilder output, out string error)
    {
        error = string.Empty;
        output.Append('[');
        i++;
        if (i < p.Length && p[i] == '^')
        {
            output.Append('^');
            i++;
        }

        if (i < p.Length && p[i] == ']')
        {
            output.Append(@"\]");
            i++;
        }

        while (i < p.Length && p[i] != ']')
        {
            if (p[i] == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                var close = p.IndexOf(":]", i, StringComparison.Ordinal);
                if (close > 0)
                {
                    var name = p[(i + 2)..close];
                    var negated = name.StartsWith('^');
                    if (negated)
                    {
                        error = $"negated POSIX class [:^{name[1..]}:] is not supported";
                        return false;
                    }

                    if (!PosixClasses.TryGetValue(name, out var range))
                    {
                        error = $"unknown POSIX class [:{name}:]";
                        return false;
                    }

                    output.Append(range);
                    i = close + 2;
                    continue;
                }
            }

            if (p[i] == '[')
            {
                output.Append(@"\[");
                i++;
                continue;
            }

            if (p[i] == '\\' && i + 1 < p.Length)
            {
                if (!TranslateEscape(p, ref i, output, out error))
                {
                    return false;
                }

                continue;
            }

            output.Append(p[i]);
            i++;
        }

        if (i >= p.Length)
        {
            error = "unterminated character class [";
            return false;
        }

        output.Append(']');
        i++;
        return true;
    }
}
