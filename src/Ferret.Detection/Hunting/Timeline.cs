namespace Ferret.Detection.Hunting;

/// <summary>How a hunt's findings are ordered: by time (a timeline), or grouped by detection or by host, each group in
/// time order. A finding with no time comes after those that have one.</summary>
public enum TimelineOrder
{
    Time,
    Detection,
    Host,
}

/// <summary>What the findings' columns are: minimal (when, how urgent, what, where), standard (adds ATT&amp;CK, user
/// and provenance) or verbose (adds type, severity, risk, stories and every event's provenance), as Hayabusa's
/// output profiles grow.</summary>
public enum OutputProfile
{
    Minimal,
    Standard,
    Verbose,
}

/// <summary>How findings are written: their columns and the time zone of their times (<see cref="Timeline.Order"/>
/// puts them in order first).</summary>
public sealed record TimelineOptions
{
    public OutputProfile Profile { get; init; } = OutputProfile.Standard;

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>Orders findings for a timeline.</summary>
public static class Timeline
{
    public static IReadOnlyList<Finding> Order(IEnumerable<Finding> findings, TimelineOrder order)
    {
        var timed = findings.Select(f => (Finding: f, Time: f.Time ?? double.MaxValue));
        var ordered = order switch
        {
            TimelineOrder.Detection => timed.OrderBy(f => f.Finding.Detection.Name, StringComparer.Ordinal).ThenBy(f => f.Time),
            TimelineOrder.Host => timed.OrderBy(f => f.Finding.Host, StringComparer.OrdinalIgnoreCase).ThenBy(f => f.Time),
            _ => timed.OrderBy(f => f.Time).ThenByDescending(f => f.Finding.Level),
        };
        return [.. ordered.ThenBy(f => f.Finding.Detection.Name, StringComparer.Ordinal).ThenBy(f => f.Finding.Host, StringComparer.Ordinal).Select(f => f.Finding)];
    }
}
