using System.Text;
using System.Text.RegularExpressions;

namespace Ferret.Spl.Macros;

/// <summary>
/// The quoted search of <c>map search="..."</c> (Search Reference, "map command") is a search of its own: Splunk runs it
/// for each result as an ad hoc search, which expands its macros like any search (ESCU writes
/// <c>map search="search `wineventlog_security` EventCode=4624 TargetLogonId=$TargetLogonId$"</c>). Backticks in other
/// quoted strings stay text. The expansion goes inside the quotes with <c>\</c> and <c>"</c> escaped, so the string
/// still reads back as the expanded search.
/// </summary>
public static partial class MacroExpander
{
    /// <summary>What comes before the string, from the start of its command: <c>map [options] search=</c>.</summary>
    [GeneratedRegex(@"^\s*map\s+(?:[A-Za-z_]+\s*=\s*[^\s""|\[\]]+\s+)*search\s*=\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MapSearchPrefix();

    /// <summary>Whether the quoted string at <paramref name="open"/> (ending before <paramref name="end"/>) is a map
    /// command's <c>search=</c> value that calls a macro.</summary>
    private static bool IsMapSearchString(string text, int open, int end)
    {
        if (text[open] != '"' || text.IndexOf('`', open, end - open) < 0)
        {
            return false;
        }

        var commandStart = Math.Max(text.LastIndexOf('|', Math.Max(0, open - 1)), text.LastIndexOf('[', Math.Max(0, open - 1))) + 1;
        return MapSearchPrefix().IsMatch(text.AsSpan(commandStart, open - commandStart));
    }

    /// <summary>Copies the quoted string <c>text[open..end)</c> with each <c>`macro`</c> inside it expanded and escaped.</summary>
    private static void ExpandMapSearchString(ExpansionState state, string text, int open, int end, StringBuilder builder, List<ExpansionSegment> segments)
    {
        var closeQuote = end - 1;
        var verbatimStart = open;
        var innerQuoted = false;
        var i = open + 1;
        while (i < closeQuote)
        {
            if (text[i] == '\\')
            {
                // An escaped quote opens or closes a quoted string of the inner search, whose backticks stay text.
                innerQuoted ^= i + 1 < closeQuote && text[i + 1] == '"';
                i += 2;
                continue;
            }

            var close = text[i] == '`' && !innerQuoted ? text.IndexOf('`', i + 1, closeQuote - i - 1) : -1;
            if (close < 0)
            {
                i++;
                continue;
            }

            AppendVerbatim(builder, segments, text, verbatimStart, i);
            var callSpan = Diagnostics.TextSpan.FromBounds(i, close + 1);
            // The call is read as the map search will see it, unescaped: `name(\"x\")` passes "x".
            var expanded = Escape(ExpandCall(state, Unescape(text[(i + 1)..close]), callSpan, [], 0) ?? "");
            segments.Add(new ExpansionSegment(builder.Length, expanded.Length, callSpan.Start, callSpan.Length, IsVerbatim: false));
            builder.Append(expanded);
            i = close + 1;
            verbatimStart = i;
        }

        AppendVerbatim(builder, segments, text, verbatimStart, end);
    }

    /// <summary>Undoes <see cref="Escape"/>: <c>\"</c> and <c>\\</c> lose their backslash, other backslashes stay (as the
    /// parser reads a quoted word).</summary>
    private static string Unescape(string quoted)
    {
        var builder = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length && quoted[i + 1] is '"' or '\\')
            {
                i++;
            }

            builder.Append(quoted[i]);
        }

        return builder.ToString();
    }

    private static string Escape(string expanded) =>
        expanded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
