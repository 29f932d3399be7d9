using System.Globalization;
using System.Text.Json;
using Ferret.Events;

namespace Ferret.Detection.Search;

/// <summary>
/// Writes result rows: JSON Lines (one object a line, as hunt writes findings; each field a string or an array of strings, null fields left out),
/// CSV (columns in order of first appearance, multivalues joined by newlines as Splunk exports them) or an aligned
/// text table (<c>_time</c> shown as UTC ISO-8601, multivalues joined by ", "). Rows stream: JSON is written as they
/// come; CSV and the table, which need every column first, hold the rows in a <see cref="RowSpool"/> (memory, then disk).
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
        using var spool = Spool(rows, (_, value) => value.ToString());
        var order = ColumnOrder(spool.Columns);
        output.WriteLine(string.Join(',', order.Select(i => Engine.Lookups.CsvReader.Escape(spool.Columns[i]))));
        foreach (var row in spool.Rows())
        {
            output.WriteLine(string.Join(',', order.Select(i => Engine.Lookups.CsvReader.Escape(row[i] ?? string.Empty))));
        }
    }

    public static void WriteTable(TextWriter output, IEnumerable<Event> rows)
    {
        using var spool = Spool(rows, Cell);
        if (spool.Count == 0)
        {
            output.WriteLine("(no results)");
            return;
        }

        var order = ColumnOrder(spool.Columns);
        var widths = order.Select(i => Math.Max(spool.Columns[i].Length, spool.Widths[i])).ToArray();
        output.WriteLine(string.Join("  ", order.Select((c, i) => spool.Columns[c].PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in spool.Rows())
        {
            output.WriteLine(string.Join("  ", order.Select((c, i) => (row[c] ?? string.Empty).PadRight(widths[i]))).TrimEnd());
        }

        output.WriteLine($"({spool.Count} result{(spool.Count == 1 ? string.Empty : "s")})");
    }

    /// <summary>Reads every row into a spool (bounded memory: the rows past the first ones wait on disk).</summary>
    private static RowSpool Spool(IEnumerable<Event> rows, Func<string, FieldValue, string> cell)
    {
        var spool = new RowSpool(cell);
        try
        {
            foreach (var row in rows)
            {
                spool.Add(row);
            }
        }
        catch
        {
            spool.Dispose();
            throw;
        }

        return spool;
    }

    /// <summary>Field names in order of first appearance, <c>_time</c> first when present (the REST API's field order).</summary>
    public static List<string> Columns(IReadOnlyList<Event> rows)
    {
        var columns = rows.SelectMany(row => row.Fields.Keys).Distinct(StringComparer.Ordinal).ToList();
        return [.. ColumnOrder(columns).Select(i => columns[i])];
    }

    /// <summary>Column numbers in order of first appearance, <c>_time</c> first when present.</summary>
    private static List<int> ColumnOrder(List<string> columns)
    {
        var order = Enumerable.Range(0, columns.Count).ToList();
        var time = columns.IndexOf(FieldNames.Time);
        if (time > 0)
        {
            order.RemoveAt(time);
            order.Insert(0, time);
        }

        return order;
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
