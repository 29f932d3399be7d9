using System.Globalization;
using Ferret.Content;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// One result row of one detection, with what ES would have made of it (a notable, risk events) and the
/// raw events behind it (those that passed the detection's search and agree with the row's values).
/// </summary>
public sealed partial record Finding(
    DetectionDefinition Detection,
    Event Result,
    NotableEvent? Notable,
    IReadOnlyList<RiskEvent> RiskEvents,
    FindingEvidence Evidence)
{
    private static readonly string[] HostFields = ["dest", "Computer", "ComputerName", "dest_host", "dvc", "host", "src", "src_host"];

    /// <summary>Host field values that name no host (CIM's Endpoint defaults and empty placeholders).</summary>
    private static readonly HashSet<string> NoHost = new(StringComparer.OrdinalIgnoreCase) { "unknown", "-", "null" };

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mm:ss", "MM/dd/yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>The host the finding is about: the row's <c>dest</c> (ESCU's convention), else another host field of
    /// the row, else the same fields of the events behind it (a row that aggregated its host away, e.g. by user).</summary>
    public string Host => Incident is { RiskObjectType: "system" } incident ? incident.RiskObject : HostOf(Result) ?? Evidence.Host ?? "(unknown)";

    internal static string? HostOf(Event e)
    {
        foreach (var hostField in HostFields)
        {
            if (e[hostField].Text is { Length: > 0 } value && !NoHost.Contains(value))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>When it happened: the row's <c>firstTime</c> (ESCU's searches format it with
    /// <c>security_content_ctime</c>), else its <c>_time</c>, else the earliest evidence event.</summary>
    public double? Time
    {
        get
        {
            var first = Result["firstTime"];
            if (first.First.TryGetNumber(out var epoch))
            {
                return epoch;
            }

            if (first.Text is { } text
                && DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return EpochTime.FromDateTimeOffset(new DateTimeOffset(parsed, TimeSpan.Zero));
            }

            return Result.Time ?? Evidence.Earliest;
        }
    }

    /// <summary>For a risk incident rule's or a Correlation detection's finding: the risk object, its total score and the
    /// findings whose risk added up to it; null for other findings.</summary>
    public RiskAlerting.RiskIncident? Incident { get; init; }

    public string Severity => Notable?.Severity ?? Notables.Severity.FromRiskScore(Detection.RiskScore);

    public IReadOnlyList<string> Tactics => Incident?.Tactics ?? Annotations.From(Detection).MitreTactics;

    /// <summary>The ATT&amp;CK technique ids the detection names, each with its name (<c>T1053.005 Scheduled Task</c>).</summary>
    public IReadOnlyList<string> Techniques =>
        [.. (Incident?.Techniques ?? Detection.Tags.MitreAttackIds).Select(id => AttackCatalog.Find(id) is { } technique ? $"{id} {technique.Name}" : id)];
}
