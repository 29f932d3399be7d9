using System.Text;

namespace Ferret.Ingest.Text;

/// <summary>One CSV record on one line (RFC 4180 quoting: <c>"a ""b"""</c>), as Splunk's INDEXED_EXTRACTIONS=csv reads
/// the header and each row, and as a transform's DELIMS splits a value (any of several delimiter characters).</summary>
public static class CsvLine
{
    private static readonly char[] Comma = [','];

    public static List<string> Split(string line) => Split(line, Comma);

    public static List<string> Split(string line, char[] delimiters)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var text = line.TrimEnd('\r', '\n');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (Array.IndexOf(delimiters, c) >= 0)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
