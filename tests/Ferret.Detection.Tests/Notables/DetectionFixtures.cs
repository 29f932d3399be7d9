using Ferret.Content;
using Ferret.Events;

namespace Ferret.Detection.Tests.Notables;

/// <summary>Detections and rows built in code for the notable, risk and report tests.</summary>
internal static class DetectionFixtures
{
    public static DetectionDefinition ScheduledTaskTtp(string type = DetectionTypes.Ttp) => new()
    {
        Name = "Scheduled Task Spawns Shell",
        Id = "11111111-2222-3333-4444-555555555555",
        Type = type,
        Description = "A task runs a shell.",
        Search = "`wineventlog_security` EventCode=4698 | stats count by dest",
        KnownFalsePositives = "Installers.",
        References = ["https://example.test/ref"],
        Drilldowns =
        [
            new Drilldown("View the detection results for $dest$", "%original_detection_search% | search dest = \"$dest$\"", "$info_min_time$", "$info_max_time$"),
        ],
        Tags = new DetectionTags
        {
            AnalyticStories = ["Scheduled Tasks"],
            MitreAttackIds = ["T1053.005"],
            SecurityDomain = "endpoint",
            KillChainPhases = ["Installation"],
            Nist = ["DE.CM"],
            Cis20 = ["CIS 10"],
        },
        RiskObjects = [new RiskObject("dest", "system", 72), new RiskObject("user", "user", 72)],
        ThreatObjects = [new ThreatObject("process_name", "process_name")],
        RiskMessage = "Task $TaskName$ on $dest$ by $user$",
        RiskScore = 72,
        Impact = 80,
        Confidence = 90,
    };

    public static Event Row(params (string Field, FieldValue Value)[] fields)
    {
        var row = new Event();
        foreach (var (field, value) in fields)
        {
            row[field] = value;
        }

        return row;
    }

    /// <summary>A search run at 2026-03-02 10:00:00 UTC over the hour before it.</summary>
    public static Ferret.Detection.Notables.RunWindow Window { get; } = new(1772445600, 1772442000, 1772445600);
}
