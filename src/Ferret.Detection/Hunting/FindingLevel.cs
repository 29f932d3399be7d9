using Ferret.Content;
using Ferret.Detection.Notables;

namespace Ferret.Detection.Hunting;

/// <summary>A finding's level, lowest first, named as Enterprise Security names urgency.</summary>
public enum FindingLevel
{
    Informational,
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>
/// The level of a detection's findings, as Enterprise Security would rank them in Incident Review. A TTP or Correlation
/// detection makes a notable whose urgency ES looks up from its severity (from the risk score) and the priority of the
/// asset or identity; a hunt over files has no asset inventory, so the priority is unknown (Splunk ES User Guide, "How
/// urgency is assigned to notable events"). An Anomaly makes risk events only: ES raises nothing for it by itself, so it
/// ranks low; a Hunting search writes neither and ranks informational.
/// </summary>
public static class FindingLevels
{
    public static FindingLevel Of(DetectionDefinition detection)
    {
        if (NotableBuilder.CreatesNotables(detection))
        {
            return Parse(Severity.UrgencyForUnknownPriority(Severity.FromRiskScore(detection.RiskScore)))!.Value;
        }

        return detection.Type.Equals(DetectionTypes.Anomaly, StringComparison.OrdinalIgnoreCase) ? FindingLevel.Low : FindingLevel.Informational;
    }

    /// <summary>The level named <paramref name="text"/> (case-insensitive; <c>info</c> and <c>crit</c> as Hayabusa
    /// abbreviates them), or null.</summary>
    public static FindingLevel? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "informational" or "info" => FindingLevel.Informational,
        "low" => FindingLevel.Low,
        "medium" or "med" => FindingLevel.Medium,
        "high" => FindingLevel.High,
        "critical" or "crit" => FindingLevel.Critical,
        _ => null,
    };

    public static string Name(FindingLevel level) => level.ToString().ToLowerInvariant();
}
