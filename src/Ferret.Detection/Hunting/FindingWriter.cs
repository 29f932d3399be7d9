using System.Text;
using System.Text.Json;
using Ferret.Detection.Notables;

namespace Ferret.Detection.Hunting;

/// <summary>
/// A hunt's findings as a timeline: an aligned text table (one line per finding; only this clips the last column, to
/// keep a terminal readable), CSV or JSON Lines (one object per finding, with the columns of the output profile and
/// whole values), or the notable and risk events as ES's indexes hold them (a notable, then its risk events; a finding
/// of a detection that makes neither, e.g. a Hunting search, as its result row with <c>index=hunting</c>).
/// </summary>
public static class FindingWriter
{
    private const int TableWhatWidth = 160;

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteTable(TextWriter output, IReadOnlyList<Finding> findings, TimelineOptions options, Func<FindingLevel, string, string>? colour = null)
    {
        if (findings.Count == 0)
        {
            output.WriteLine("No findings.");
            return;
        }

        string[] columns = ["time", "level", "host", "detection", "what"];
        var rows = findings.Select(f => new[]
        {
            FindingColumns.FormatTime(f.Time, options.TimeZone),
            FindingLevels.Name(f.Level),
            f.Host,
            f.Detection.Name,
            f.What.Length > TableWhatWidth ? f.What[..(TableWhatWidth - 1)] + "…" : f.What,
        }).ToList();
        var widths = columns.Select((c, i) => Math.Max(c.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(columns, widths).TrimEnd());
        output.WriteLine(string.Join("  ", widths[..^1].Select(w => new string('-', w)).Append("----")));
        for (var i = 0; i < rows.Count; i++)
        {
            var line = Line(rows[i], widths).TrimEnd();
            output.WriteLine(colour is null ? line : colour(findings[i].Level, line));
        }
    }

    public static void WriteCsv(TextWriter output, IReadOnlyList<Finding> findings, TimelineOptions options)
    {
        var columns = FindingColumns.For(options.Profile);
        output.WriteLine(string.Join(',', columns.Select(c => c.Name)));
        foreach (var finding in findings)
        {
            output.WriteLine(string.Join(',', columns.Select(c => Quote(FindingColumns.Text(c.Value(finding, options))))));
        }
    }

    public static void WriteJsonLines(TextWriter output, IReadOnlyList<Finding> findings, TimelineOptions options)
    {
        var columns = FindingColumns.For(options.Profile);
        using var buffer = new MemoryStream();
        foreach (var finding in findings)
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                json.WriteStartObject();
                foreach (var column in columns.Where(c => !FindingColumns.IsProvenance(c)))
                {
                    WriteValue(json, column.Name, column.Value(finding, options));
                }

                // JSON keeps each event's file and record together, where CSV has them in flat columns.
                json.WriteStartArray("provenance");
                foreach (var origin in options.Profile == OutputProfile.Minimal ? finding.Provenance.Take(1) : finding.Provenance)
                {
                    json.WriteStartObject();
                    json.WriteString("file", origin.File);
                    json.WriteString("record", origin.Record);
                    json.WriteEndObject();
                }

                json.WriteEndArray();

                json.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
    }

    /// <summary>The notable and risk events ES would index for the findings, in the findings' order.</summary>
    public static void WriteIndexEvents(TextWriter output, IReadOnlyList<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (finding.Notable is { } notable)
            {
                output.WriteLine(IndexEventJson.Write(notable));
            }

            foreach (var risk in finding.RiskEvents)
            {
                output.WriteLine(IndexEventJson.Write(risk));
            }

            if (finding.Notable is null && finding.RiskEvents.Count == 0)
            {
                output.WriteLine(IndexEventJson.WriteResult(finding.Detection, finding.Result));
            }
        }
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case int number:
                json.WriteNumber(name, number);
                break;
            case IEnumerable<string> list when value is not string:
                json.WriteStartArray(name);
                foreach (var item in list)
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteString(name, FindingColumns.Text(value));
                break;
        }
    }

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        return line.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
