using System.Globalization;

namespace Ferret.Detection.Hunting;

public static partial class HuntSummaryWriter
{
    /// <summary>Risk incidents (risk incident rules and Correlation detections) are what an analyst reads first: each
    /// with its rule, object, total score and how many findings added up to it, highest score first.</summary>
    private static void WriteIncidents(TextWriter output, HuntSummary summary, IReadOnlyList<Finding> findings, SummaryStyle style)
    {
        if (summary.RiskIncidents == 0)
        {
            return;
        }

        var timing = style.ShowTiming ? string.Create(CultureInfo.InvariantCulture, $" (risk stage {summary.RiskStageElapsed.TotalSeconds:0.0} s)") : string.Empty;
        output.WriteLine($"Risk incidents: {summary.RiskIncidents}{timing}");
        var incidents = findings.Where(f => f.Incident is not null)
            .OrderByDescending(f => f.Incident!.TotalScore).ThenBy(f => f.Detection.Name, StringComparer.Ordinal).ThenBy(f => f.Incident!.RiskObject, StringComparer.Ordinal)
            .Take(TopListed);
        foreach (var finding in incidents)
        {
            var incident = finding.Incident!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {incident.TotalScore,7:0.##}  {incident.RiskObjectType} {incident.RiskObject}  {finding.Detection.Name}  ({incident.Contributions.Count} risk event(s) of {incident.Detections} detection(s), {FindingColumns.FormatTime(incident.WindowEnd, TimeZoneInfo.Utc)})"));
        }

        if (summary.RiskIncidents > TopListed)
        {
            output.WriteLine($"  and {summary.RiskIncidents - TopListed} more");
        }
    }
}
