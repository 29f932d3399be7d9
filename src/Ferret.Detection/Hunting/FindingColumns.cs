using System.Globalization;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>The columns of a finding in each output profile, shared by the CSV and JSON Lines writers, with whole
/// values (nothing is shortened in a file).</summary>
internal static class FindingColumns
{
    public sealed record Column(string Name, Func<Finding, TimelineOptions, object> Value);

    private static readonly Column Time = new("time", (f, o) => FormatTime(f.Time, o.TimeZone));
    private static readonly Column Level = new("level", (f, _) => FindingLevels.Name(f.Level));
    private static readonly Column Detection = new("detection", (f, _) => f.Detection.Name);
    private static readonly Column Host = new("host", (f, _) => f.Host);
    private static readonly Column What = new("what", (f, _) => f.What);
    private static readonly Column Tactics = new("tactics", (f, _) => f.Tactics);
    private static readonly Column Techniques = new("techniques", (f, _) => f.Techniques);
    private static readonly Column User = new("user", (f, _) => f.User);
    private static readonly Column Source = new("source_file", (f, _) => f.Provenance.Take(1).Select(p => p.File).ToList());
    private static readonly Column Record = new("record", (f, _) => f.Provenance.Take(1).Select(p => p.Record).ToList());
    private static readonly Column Type = new("type", (f, _) => f.Detection.Type);
    private static readonly Column Severity = new("severity", (f, _) => f.Severity);
    private static readonly Column Risk = new("risk_score", (f, _) => f.RiskEvents.Sum(r => r.RiskScore));
    private static readonly Column RiskObjects = new("risk_objects", (f, _) => f.RiskEvents.Select(r => $"{r.RiskObjectType}:{r.RiskObject}").ToList());
    private static readonly Column Stories = new("stories", (f, _) => f.Detection.Tags.AnalyticStories);
    private static readonly Column Incident = new("incident", (f, _) => f.Incident?.Summary ?? string.Empty);
    private static readonly Column Contributing = new("contributing_findings", (f, _) => f.Incident?.Contributions.Select(c => c.ToString()).ToList() ?? []);
    private static readonly Column Events = new("events", (f, _) => f.Provenance.Select(p => p.ToString()).ToList());

    public static IReadOnlyList<Column> For(OutputProfile profile) => profile switch
    {
        OutputProfile.Minimal => [Time, Level, Detection, Host, What, Source, Record],
        OutputProfile.Verbose => [Time, Level, Severity, Type, Detection, Tactics, Techniques, Host, User, Risk, RiskObjects, Stories, What, Incident, Contributing, Events],
        _ => [Time, Level, Detection, Tactics, Techniques, Host, User, What, Source, Record, Contributing],
    };

    public static bool IsProvenance(Column column) => column == Source || column == Record || column == Events;

    /// <summary>ISO 8601 with the zone's offset, to the millisecond: a time that says which zone it is in.</summary>
    public static string FormatTime(double? epoch, TimeZoneInfo zone) =>
        epoch is { } seconds
            ? TimeZoneInfo.ConvertTime(EpochTime.ToDateTimeOffset(seconds), zone).ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)
            : string.Empty;

    /// <summary>A value as one CSV cell or table cell: lists joined by "; ".</summary>
    public static string Text(object value) => value switch
    {
        string text => text,
        int number => number.ToString(CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join("; ", list),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
