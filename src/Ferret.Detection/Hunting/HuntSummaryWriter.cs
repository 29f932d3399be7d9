using System.Globalization;

namespace Ferret.Detection.Hunting;

/// <summary>How the closing summary is written: with timings or not, in which time zone, and how a level is coloured
/// (null: no colour).</summary>
public sealed record SummaryStyle
{
    public bool ShowTiming { get; init; } = true;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    public Func<FindingLevel, string, string>? Colour { get; init; }
}

/// <summary>
/// The closing summary of a hunt (stderr): files and events read, input skipped with the reasons, detections run,
/// each detection that could not run with its reason, problems while running (the same problem once, with its count),
/// then the findings: counts by level, the top detections, the hosts with most findings and their highest level, and
/// the first and last finding time.
/// </summary>
public static partial class HuntSummaryWriter
{
    /// <summary>Input problems listed one by one before they are only counted by reason.</summary>
    private const int ProblemsListed = 20;

    public static void Write(TextWriter output, HuntSummary summary, IReadOnlyList<Finding> findings, SummaryStyle style)
    {
        output.WriteLine();
        var timing = style.ShowTiming ? string.Create(CultureInfo.InvariantCulture, $" in {summary.Elapsed.TotalSeconds:0.0} s") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Read {summary.FilesRead} file(s), {summary.EventsRead:N0} event(s){timing}."));
        if (summary.EarliestEvent is { } earliest && summary.LatestEvent is { } latest)
        {
            output.WriteLine($"Events from {FindingColumns.FormatTime(earliest, style.TimeZone)} to {FindingColumns.FormatTime(latest, style.TimeZone)}.");
        }

        WriteInputProblems(output, summary);
        output.WriteLine($"Ran {summary.DetectionsRun} detection(s).");
        if (summary.Skipped.Count > 0)
        {
            output.WriteLine($"Not run by design ({summary.Skipped.Count}):");
            foreach (var group in summary.Skipped.GroupBy(s => s.Reason, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                output.WriteLine($"  {group.Count()} {group.Key}");
            }
        }

        if (summary.NotRun.Count > 0)
        {
            output.WriteLine($"Could not run ({summary.NotRun.Count}):");
            foreach (var issue in summary.NotRun)
            {
                output.WriteLine($"  {issue.Detection}: {issue.Reason}");
            }
        }

        WriteRunProblems(output, summary);
        output.WriteLine($"Findings: {summary.Findings} ({summary.Notables} notable(s), {summary.RiskEvents} risk event(s)).");
        WriteIncidents(output, summary, findings, style);
        WriteBreakdown(output, findings, style);
    }

    private static void WriteInputProblems(TextWriter output, HuntSummary summary)
    {
        if (summary.InputProblems.Count == 0)
        {
            return;
        }

        output.WriteLine($"Skipped input ({summary.InputProblems.Count} problem(s)):");
        foreach (var problem in summary.InputProblems.Take(ProblemsListed))
        {
            output.WriteLine($"  {problem}");
        }

        foreach (var group in summary.InputProblems.Skip(ProblemsListed).GroupBy(p => p.Message, StringComparer.Ordinal).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"  and {group.Count()} more: {group.Key}");
        }
    }

    /// <summary>The same problem met by several detections, or many times by one, is one line with its count.</summary>
    private static void WriteRunProblems(TextWriter output, HuntSummary summary)
    {
        if (summary.RunProblems.Count == 0)
        {
            return;
        }

        output.WriteLine($"Problems while running ({summary.RunProblems.Count}):");
        var groups = summary.RunProblems
            .GroupBy(p => (p.Detection, p.Reason))
            .OrderBy(g => g.Key.Detection, StringComparer.Ordinal).ThenBy(g => g.Key.Reason, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var count = group.Count() > 1 ? $" x{group.Count()}" : string.Empty;
            output.WriteLine($"  {group.Key.Detection}: {group.Key.Reason}{count}");
        }
    }
}
