using System.Globalization;

namespace Ferret.Detection.Hunting;

/// <summary>
/// The closing summary of a hunt (stderr): files and events read, events skipped with the reasons,
/// detections run, each detection that could not run with its reason, problems while running, findings.
/// </summary>
public static class HuntSummaryWriter
{
    /// <summary>Input problems listed one by one before they are only counted by reason.</summary>
    private const int ProblemsListed = 20;

    public static void Write(TextWriter output, HuntSummary summary, bool showTiming = true)
    {
        output.WriteLine();
        var timing = showTiming ? string.Create(CultureInfo.InvariantCulture, $" in {summary.Elapsed.TotalSeconds:0.0} s") : string.Empty;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Read {summary.FilesRead} file(s), {summary.EventsRead:N0} event(s){timing}."));
        if (summary.InputProblems.Count > 0)
        {
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

        if (summary.RunProblems.Count > 0)
        {
            output.WriteLine($"Problems while running ({summary.RunProblems.Count}):");
            foreach (var issue in summary.RunProblems)
            {
                output.WriteLine($"  {issue.Detection}: {issue.Reason}");
            }
        }

        output.WriteLine($"Findings: {summary.Findings} ({summary.Notables} notable(s), {summary.RiskEvents} risk event(s)).");
    }
}
