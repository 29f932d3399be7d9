using System.Globalization;

namespace Ferret.Detection.Testing;

/// <summary>A test run as a readable table: one line per test, then the totals.</summary>
public static class TestRunWriter
{
    public static void WriteTable(TextWriter output, TestRun run, bool showTiming = true)
    {
        var rows = run.Detections
            .SelectMany(d => d.Tests.Select(t => new[]
            {
                SummaryYaml.StatusText(t.Status).ToUpperInvariant(),
                d.Detection.Name,
                t.ResultCount.ToString(CultureInfo.InvariantCulture),
                $"{t.Notables}/{t.RiskEvents}",
                showTiming ? t.Duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) : "-",
                t.Message,
            }))
            .ToList();
        string[] headers = ["status", "detection", "results", "notables/risk", "seconds", "why"];
        var widths = headers.Select((h, i) => rows.Count == 0 ? h.Length : Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(headers, widths));
        output.WriteLine(string.Join("  ", widths[..^1].Select(w => new string('-', w)).Append("---")));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        output.WriteLine();
        var duration = showTiming ? string.Create(CultureInfo.InvariantCulture, $" in {run.Duration.TotalSeconds:0.0} s") : string.Empty;
        output.WriteLine($"{run.Detections.Count} detection(s){duration}: {run.Count(TestStatus.Pass)} passed, {run.Count(TestStatus.Fail)} failed, "
            + $"{run.Count(TestStatus.Error)} errors, {run.Count(TestStatus.Skip)} skipped");
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
