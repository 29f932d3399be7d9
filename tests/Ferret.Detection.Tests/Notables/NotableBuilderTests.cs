using Ferret.Content;
using Ferret.Detection.Notables;

namespace Ferret.Detection.Tests.Notables;

public sealed class NotableBuilderTests
{
    [Theory]
    [InlineData(DetectionTypes.Ttp, true)]
    [InlineData(DetectionTypes.Correlation, true)]
    [InlineData(DetectionTypes.Anomaly, false)]
    [InlineData(DetectionTypes.Hunting, false)]
    public void Only_TTP_and_Correlation_detections_create_notables(string type, bool creates)
    {
        var notable = NotableBuilder.Build(DetectionFixtures.ScheduledTaskTtp(type), DetectionFixtures.Row(("dest", "wks-1")), DetectionFixtures.Window);

        Assert.Equal(creates, notable is not null);
    }

    [Fact]
    public void A_notable_carries_the_rule_its_severity_triage_state_and_annotations()
    {
        var notable = NotableBuilder.Build(DetectionFixtures.ScheduledTaskTtp(), DetectionFixtures.Row(("dest", "wks-1")), DetectionFixtures.Window)!;

        Assert.Equal("ESCU - Scheduled Task Spawns Shell - Rule", notable.SearchName);
        Assert.Equal("Scheduled Task Spawns Shell", notable.RuleTitle);
        Assert.Equal("A task runs a shell.", notable.RuleDescription);
        Assert.Equal("endpoint", notable.SecurityDomain);
        Assert.Equal("high", notable.Severity);
        Assert.Equal("medium", notable.Urgency);
        Assert.Equal(("1", "New", "unassigned"), (notable.Status, notable.StatusLabel, notable.Owner));
        Assert.Equal(["T1053.005"], notable.Annotations.MitreAttack);
        Assert.Equal(["Scheduled Task"], notable.Annotations.MitreTechniques);
        Assert.Equal(["Execution", "Persistence", "Privilege Escalation"], notable.Annotations.MitreTactics);
        Assert.Equal(["Installation"], notable.Annotations.KillChainPhases);
        Assert.Equal(["DE.CM"], notable.Annotations.Nist);
        Assert.Equal(["CIS 10"], notable.Annotations.Cis20);
    }

    [Fact]
    public void Drilldowns_get_the_original_search_the_rows_values_and_the_time_window()
    {
        var notable = NotableBuilder.Build(DetectionFixtures.ScheduledTaskTtp(), DetectionFixtures.Row(("dest", "wks-1")), DetectionFixtures.Window)!;

        var drilldown = Assert.Single(notable.Drilldowns);
        Assert.Equal("View the detection results for wks-1", drilldown.Name);
        Assert.Equal("`wineventlog_security` EventCode=4698 | stats count by dest | search dest = \"wks-1\"", drilldown.Search);
        Assert.Equal(("1772442000", "1772445600"), (drilldown.EarliestOffset, drilldown.LatestOffset));
    }

    [Fact]
    public void The_same_row_always_gets_the_same_event_id_and_another_row_another()
    {
        var detection = DetectionFixtures.ScheduledTaskTtp();

        var first = NotableBuilder.Build(detection, DetectionFixtures.Row(("dest", "wks-1")), DetectionFixtures.Window)!;
        var again = NotableBuilder.Build(detection, DetectionFixtures.Row(("dest", "wks-1")), DetectionFixtures.Window)!;
        var other = NotableBuilder.Build(detection, DetectionFixtures.Row(("dest", "wks-2")), DetectionFixtures.Window)!;

        Assert.Equal(first.EventId, again.EventId);
        Assert.NotEqual(first.EventId, other.EventId);
    }

    [Theory]
    [InlineData(0, "informational")]
    [InlineData(20, "informational")]
    [InlineData(21, "low")]
    [InlineData(40, "low")]
    [InlineData(56, "medium")]
    [InlineData(80, "high")]
    [InlineData(81, "critical")]
    public void Severity_follows_the_risk_score_bands(int score, string severity) =>
        Assert.Equal(severity, Severity.FromRiskScore(score));
}
