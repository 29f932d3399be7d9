namespace Ferret.Detection.Notables;

/// <summary>Severity and urgency of a notable, as the content and Enterprise Security derive them.</summary>
public static class Severity
{
    /// <summary>
    /// contentctl's mapping from a detection's risk score to the notable severity it writes into
    /// savedsearches.conf: up to 20 informational, 40 low, 60 medium, 80 high, above that critical.
    /// </summary>
    public static string FromRiskScore(int riskScore) => riskScore switch
    {
        <= 20 => "informational",
        <= 40 => "low",
        <= 60 => "medium",
        <= 80 => "high",
        _ => "critical",
    };

    /// <summary>
    /// ES's urgency lookup for an asset or identity whose priority is unknown (a hunt over files has no asset
    /// inventory): informational stays informational, up to medium is low, high is medium, critical is high
    /// (Splunk ES User Guide, "How urgency is assigned to notable events").
    /// </summary>
    public static string UrgencyForUnknownPriority(string severity) => severity switch
    {
        "informational" => "informational",
        "high" => "medium",
        "critical" => "high",
        _ => "low",
    };
}
