using System.Globalization;

namespace Ferret.Detection.RiskAlerting;

/// <summary>
/// What a risk incident rule raised: the risk object (as written and normalized) and its type, the total score, the
/// tactics and techniques, the window it looked at, and the findings whose risk events added up to it, so an analyst
/// sees one incident with its story instead of forty anomalies.
/// </summary>
public sealed record RiskIncident(
    string Rule,
    string RiskObject,
    string RiskObjectType,
    double TotalScore,
    IReadOnlyList<string> Tactics,
    IReadOnlyList<string> Techniques,
    double WindowStart,
    double WindowEnd,
    IReadOnlyList<RiskContribution> Contributions)
{
    /// <summary>How many distinct detections contributed.</summary>
    public int Detections => Contributions.Select(c => c.Detection).Distinct(StringComparer.Ordinal).Count();

    /// <summary>One line: "system wks-1: score 240 from 6 risk events of 4 detections; tactics Execution, Persistence".</summary>
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"{RiskObjectType} {RiskObject}: score {TotalScore:0.##} from {Contributions.Count} risk event(s) of {Detections} detection(s); tactics {(Tactics.Count == 0 ? "none" : string.Join(", ", Tactics))}");
}

/// <summary>One finding behind an incident: its detection, when, the score its risk event gave the object, and its message.</summary>
public sealed record RiskContribution(string Detection, double Time, double Score, string Message)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Hunting.FindingColumns.FormatTime(Time, TimeZoneInfo.Utc)} | {Detection} | {Score:0.##} | {Message}");
}
