using System.Text;

namespace Ferret.Publishing.Docs;

/// <summary>
/// Splits a search into the lines a page shows: one per command, each after the first starting with
/// <c>|</c>. Only pipes outside double-quoted strings start a line (a <c>|</c> inside a quoted regex is
/// text), and line breaks inside a command become single spaces.
/// </summary>
public static class SearchLines
{
    public static IReadOnlyList<string> Split(string search)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < search.Length; i++)
        {
            var c = search[i];
            if (c == '\\' && inQuotes && i + 1 < search.Length)
            {
                current.Append(c).Append(search[++i]);
                continue;
            }

            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == '|' && !inQuotes)
            {
                segments.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        segments.Add(current.ToString());
        return [.. segments.Select(OneLine).Where(s => s.Length > 0 && s != "|")];
    }

    private static string OneLine(string segment)
    {
        var lines = segment.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join(' ', lines);
    }
}
