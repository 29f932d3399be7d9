namespace Ferret.Detection.Hunting;

public static partial class HuntSummaryWriter
{
    /// <summary>How many detections and hosts the breakdown lists.</summary>
    private const int TopListed = 10;

    /// <summary>Counts by level (highest first), the top detections, the hosts with most findings and their highest
    /// level, and when the findings begin and end: what a responder reads first.</summary>
    private static void WriteBreakdown(TextWriter output, IReadOnlyList<Finding> findings, SummaryStyle style)
    {
        if (findings.Count == 0)
        {
            return;
        }

        string Paint(FindingLevel level, string text) => style.Colour is { } colour ? colour(level, text) : text;
        var levels = Enum.GetValues<FindingLevel>().Reverse()
            .Select(level => (Level: level, Count: findings.Count(f => f.Level == level)))
            .Where(l => l.Count > 0)
            .Select(l => Paint(l.Level, $"{FindingLevels.Name(l.Level)} {l.Count}"));
        output.WriteLine($"  by level: {string.Join(", ", levels)}");

        var timed = findings.Where(f => f.Time is not null).Select(f => f.Time!.Value).ToList();
        if (timed.Count > 0)
        {
            output.WriteLine($"  first: {FindingColumns.FormatTime(timed.Min(), style.TimeZone)}  last: {FindingColumns.FormatTime(timed.Max(), style.TimeZone)}");
        }

        output.WriteLine("  top detections:");
        var detections = findings.GroupBy(f => f.Detection.Name, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopListed);
        foreach (var group in detections)
        {
            var level = group.First().Level;
            output.WriteLine($"    {group.Count(),5}  {Paint(level, FindingLevels.Name(level).PadRight(13))}  {group.Key}");
        }

        output.WriteLine("  hosts with most findings:");
        var hosts = findings.GroupBy(f => f.Host, StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase).Take(TopListed);
        foreach (var group in hosts)
        {
            var highest = group.Max(f => f.Level);
            output.WriteLine($"    {group.Count(),5}  highest {Paint(highest, FindingLevels.Name(highest).PadRight(13))}  {group.Key}");
        }
    }
}
