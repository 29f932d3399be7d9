using System.Globalization;
using System.Text.Json;
using Ferret.Events;

namespace Ferret.Detection.Search;

/// <summary>
/// Writes result rows: JSON Lines (one object a line, as hunt writes findings; each field a string or an array of strings, null fields left out),
/// CSV (columns in order of first appearance, multivalues joined by newlines as Splunk exports them) or an aligned
/// text table (<c>_time</c> shown as UTC ISO-8601, multivalues joined by ", ").
/// </summary>
public static class ResultWriter
{
    public static void WriteJson(TextWriter output, IEnumerable<Event> rows)
    {
        using var stream = new MemoryStream();
        foreach (var row in rows)
        {
            stream.SetLength(0);
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                foreach (var (name, value) in row.Fields)
                {
                    if (value.IsMultivalue)
                    {
                        json.WriteStartArray(name);
                        foreach (var text in value.Texts)
                        {
                            json.WriteStringValue(text);
                        }

                        json.WriteEndArray();
                    }
                    else
                    {
                        json.WriteString(name, value.Text);
                    }
                }

                json.WriteEndObject();
            }

            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        }
    }

    public static void WriteCsv(TextWriter output, IEnumerable<Event> rows)
    {
        var list = rows.ToList();
        var columns = Columns(list);
        output.WriteLine(string.Join(',', columns.Select(Engine.Lookups.CsvReader.Escape)));
        foreach (var row in list)
        {
            output.WriteLine(string.Join(',', columns.Select(c => Engine.Lookups.CsvReader.Escape(row[c].ToString()))));
        }
    }

    public static void WriteTable(TextWriter output, IEnumerable<Event> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            output.WriteLine("(no results)");
            return;
        }

        var columns = Columns(list);
        var cells = list.Select(row => columns.Select(c => Cell(c, row[c])).ToArray()).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, cells.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", columns.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in cells)
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"({list.Count} result{(list.Count == 1 ? string.Empty : "s")})");
    }

    /// <summary>Field names in order of first appearance, <c>_time</c> first when present.</summary>
    public static List<string> Columns(IReadOnlyList<Event> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var columns = new List<string>();
        foreach (var row in rows)
        {
            foreach (var name in row.Fields.Keys)
            {
                if (seen.Add(name))
                {
                    columns.Add(name);
                }
            }
        }

        if (columns.Remove(FieldNames.Time))
        {
            columns.Insert(0, FieldNames.Time);
        }

        return columns;
    }

    private static string Cell(string column, FieldValue value)
    {
        if (column == FieldNames.Time && value.First.TryGetNumber(out var seconds) && !value.IsMultivalue)
        {
            return EpochTime.ToDateTimeOffset(seconds).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        }

        var text = string.Join(", ", value.Texts).Replace('\n', ' ').Replace('\r', ' ');
        return text.Length > 200 ? text[..199] + "…" : text;
    }
}
