using System.Globalization;
using System.Text;
using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// A hunt's findings on stdout: an aligned text table (one line per finding), JSON Lines with the field
/// names of ES's notable and risk indexes (a notable, then its risk events; a finding of a detection that
/// makes neither, e.g. a Hunting search, as its result row with <c>index=hunting</c>), or CSV.
/// </summary>
public static class FindingWriter
{
    private static readonly string[] Columns = ["time", "severity", "type", "host", "detection", "risk", "what"];

    public static void WriteTable(TextWriter output, IReadOnlyList<Finding> findings)
    {
        if (findings.Count == 0)
        {
            output.WriteLine("No findings.");
            return;
        }

        var rows = findings.Select(Cells).ToList();
        var widths = Columns.Select((c, i) => Math.Max(c.Length, rows.Max(r => r[i].Length))).ToArray();
        widths[^1] = Columns[^1].Length;
        output.WriteLine(Line(Columns, widths).TrimEnd());
        output.WriteLine(string.Join("  ", widths[..^1].Select(w => new string('-', w)).Append("----")));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths).TrimEnd());
        }
    }

    public static void WriteJsonLines(TextWriter output, IReadOnlyList<Finding> findings)
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

    public static void WriteCsv(TextWriter output, IReadOnlyList<Finding> findings)
    {
        output.WriteLine(string.Join(',', Columns));
        foreach (var finding in findings)
        {
            output.WriteLine(string.Join(',', Cells(finding).Select(Quote)));
        }
    }

    private static string[] Cells(Finding finding) =>
    [
        finding.Time is { } time ? EpochTime.ToDateTimeOffset(time).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "",
        finding.Severity,
        finding.Detection.Type,
        finding.Host,
        finding.Detection.Name,
        finding.RiskEvents.Count == 0 ? "" : finding.RiskEvents.Sum(r => r.RiskScore).ToString(CultureInfo.InvariantCulture),
        OneLine(finding.RiskEvents.Count > 0 ? finding.RiskEvents[0].RiskMessage : finding.Notable?.RuleTitle ?? finding.Detection.Name),
    ];

    private static string Line(string[] cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            line.Append(i == cells.Length - 1 ? cells[i] : cells[i].PadRight(widths[i] + 2));
        }

        return line.ToString();
    }

    private static string OneLine(string text)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return flat.Length > 160 ? flat[..159] + "…" : flat;
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
