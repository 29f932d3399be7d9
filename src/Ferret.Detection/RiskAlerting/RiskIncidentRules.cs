using System.Globalization;
using Ferret.Content;

namespace Ferret.Detection.RiskAlerting;

/// <summary>
/// Enterprise Security's two default risk incident rules, written as the SPL saved searches they are, over the Risk data
/// model, with the thresholds of <see cref="RiskAlertingSettings"/>:
/// "Risk Threshold Exceeded For Object Over 24 Hour Period" (the sum of <c>calculated_risk_score</c> per normalized risk
/// object and type over 24 hours greater than 100; ES runs it every 30 minutes over <c>-24h</c> to <c>now</c>) and
/// "ATT&amp;CK Tactic Threshold Exceeded For Object Over Previous 7 Days" (3 or more distinct tactics and 4 or more
/// distinct sources; ES runs it daily over <c>-7d@d</c> to <c>now</c>) (Splunk ES, "Risk incident rules").
/// Each row names the object, its total score, its tactics and techniques, and the searches and messages behind it.
/// </summary>
public static class RiskIncidentRules
{
    /// <summary>The rules with ES's default thresholds: the same instances every caller (hunt, build, serve) shares.</summary>
    public static IReadOnlyList<RiskIncidentRule> Default { get; } = For(RiskAlertingSettings.Default);

    /// <summary>The aggregates every rule's row carries, for the notable and the analyst.</summary>
    private const string Aggregates =
        "sum(All_Risk.calculated_risk_score) as risk_score, count as risk_event_count, dc(source) as source_count, values(source) as source, "
        + "values(All_Risk.risk_object) as risk_object, "
        + "values(All_Risk.annotations.mitre_attack.mitre_tactic) as annotations.mitre_attack.mitre_tactic, "
        + "values(All_Risk.annotations.mitre_attack.mitre_tactic_id) as annotations.mitre_attack.mitre_tactic_id, "
        + "dc(All_Risk.annotations.mitre_attack.mitre_tactic_id) as mitre_tactic_id_count, "
        + "values(All_Risk.annotations.mitre_attack.mitre_technique_id) as annotations.mitre_attack.mitre_technique_id, "
        + "values(All_Risk.risk_message) as risk_message, min(_time) as firstTime, max(_time) as lastTime";

    private const string ByObject = "from datamodel=Risk.All_Risk by All_Risk.normalized_risk_object, All_Risk.risk_object_type | `drop_dm_object_name(\"All_Risk\")`";

    public static IReadOnlyList<RiskIncidentRule> For(RiskAlertingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var score = settings.RiskScoreThreshold.ToString(CultureInfo.InvariantCulture);
        var hours = settings.RiskScoreWindowHours.ToString(CultureInfo.InvariantCulture);
        var days = settings.TacticWindowDays.ToString(CultureInfo.InvariantCulture);
        return
        [
            new RiskIncidentRule(
                Rule(
                    "Risk Threshold Exceeded For Object Over 24 Hour Period",
                    "5a1f9cbe-6c3d-4f5e-9f1a-2c7e0d4b8a11",
                    $"The summed risk score of a risk object over the last {hours} hours is greater than {score}: many findings, none alarming alone, about one user or system.",
                    $"| tstats summariesonly=false {Aggregates} {ByObject} | where risk_score > {score}"),
                "Risk - 24 Hour Risk Threshold Exceeded - Rule",
                "*/30 * * * *",
                $"-{hours}h",
                "now",
                TimeSpan.FromHours(settings.RiskScoreWindowHours)),
            new RiskIncidentRule(
                Rule(
                    "ATT&CK Tactic Threshold Exceeded For Object Over Previous 7 Days",
                    "0b6e2d7f-3a8c-4e19-b5d2-9c4f1e7a3b22",
                    $"A risk object shows {settings.TacticThreshold} or more distinct ATT&CK tactics from {settings.SourceThreshold} or more distinct detections over the last {days} days: an attack moving through its stages.",
                    $"| tstats summariesonly=false {Aggregates} {ByObject} | where mitre_tactic_id_count >= {settings.TacticThreshold} AND source_count >= {settings.SourceThreshold}"),
                "Risk - 7 Day ATT&CK Tactic Threshold Exceeded - Rule",
                "0 0 * * *",
                $"-{days}d@d",
                "now",
                TimeSpan.FromDays(settings.TacticWindowDays)),
        ];
    }

    /// <summary>Whether <paramref name="detection"/> is one of the risk incident rules (by id, whatever its thresholds).</summary>
    public static bool IsRule(DetectionDefinition detection) =>
        detection.Id is "5a1f9cbe-6c3d-4f5e-9f1a-2c7e0d4b8a11" or "0b6e2d7f-3a8c-4e19-b5d2-9c4f1e7a3b22";

    /// <summary>A rule as a Correlation detection: its notable has critical severity (high urgency for an unknown asset),
    /// security domain threat, as ES files risk incidents.</summary>
    private static DetectionDefinition Rule(string name, string id, string description, string search) => new()
    {
        Name = name,
        Id = id,
        Version = 1,
        Author = "Splunk Enterprise Security (default risk incident rule)",
        Status = "production",
        Type = DetectionTypes.Correlation,
        Description = description,
        Search = search,
        RiskScore = 100,
        Tags = new DetectionTags { SecurityDomain = "threat", Products = ["Splunk Enterprise Security"] },
        Drilldowns =
        [
            new Drilldown(
                "View the risk events of $risk_object$",
                "| from datamodel Risk.All_Risk | search normalized_risk_object=\"$normalized_risk_object$\" risk_object_type=\"$risk_object_type$\" | table _time source risk_score risk_message",
                "$info_min_time$",
                "$info_max_time$"),
        ],
    };
}
