using Ferret.Detection.RiskAlerting;
using Ferret.Events;

namespace Ferret.Detection.Tests.RiskAlerting;

/// <summary>The hunt's risk stage: risk events feed the Risk data model; Correlation detections and ES's two default
/// risk incident rules run over them, on windows that slide over the events' own time.</summary>
public sealed class RiskAlertingStageTests : IDisposable
{
    private readonly RiskContentFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    /// <summary>srv-2: five findings of one detection within two hours (125 points, one tactic source).
    /// wks-1: one finding of each of the four detections, a day apart (25 points a day, five tactics, four sources).</summary>
    private static List<Event> Attack() =>
    [
        .. Enumerable.Range(0, 5).Select(i => RiskContentFixture.Seen(1, "srv-2", 10 + (i * 0.5))),
        .. Enumerable.Range(1, 4).Select(s => RiskContentFixture.Seen(s, "wks-1", 24.0 * s)),
    ];

    [Fact]
    public void An_object_over_100_points_in_24_hours_raises_one_24_hour_incident_with_its_contributing_findings()
    {
        var result = _fixture.Hunt(Attack());

        var incident = Assert.Single(result.Findings, f => f.Detection.Name == "Risk Threshold Exceeded For Object Over 24 Hour Period");
        Assert.Equal("srv-2", incident.Incident!.RiskObject);
        Assert.Equal("system", incident.Incident.RiskObjectType);
        Assert.Equal(125, incident.Incident.TotalScore);
        Assert.Equal(5, incident.Incident.Contributions.Count);
        Assert.All(incident.Incident.Contributions, c => Assert.Equal(("Signature 1", 25.0, "signature 1 on srv-2"), (c.Detection, c.Score, c.Message)));
        Assert.Equal(RiskContentFixture.Day0 + (12 * 3600), incident.Incident.WindowEnd);
        Assert.Equal("Risk - 24 Hour Risk Threshold Exceeded - Rule", incident.Notable!.SearchName);
        Assert.Equal(5, incident.Notable.Result["contributing_findings"].Count);
        Assert.Equal("srv-2", incident.Host);
    }

    [Fact]
    public void Three_tactics_from_four_detections_within_7_days_raise_the_tactic_incident_and_not_the_24_hour_one()
    {
        var result = _fixture.Hunt(Attack());

        var incident = Assert.Single(result.Findings, f => f.Detection.Name == "ATT&CK Tactic Threshold Exceeded For Object Over Previous 7 Days");
        Assert.Equal("wks-1", incident.Incident!.RiskObject);
        Assert.Equal(100, incident.Incident.TotalScore);
        Assert.Equal(4, incident.Incident.Detections);
        Assert.Equal(["Credential Access", "Discovery", "Execution", "Lateral Movement", "Persistence", "Privilege Escalation"], incident.Incident.Tactics.Order(StringComparer.Ordinal));
        Assert.Equal(["T1003", "T1021", "T1053.005", "T1087"], incident.Incident.Techniques.Order(StringComparer.Ordinal));
        Assert.Equal("Risk - 7 Day ATT&CK Tactic Threshold Exceeded - Rule", incident.Notable!.SearchName);
        Assert.DoesNotContain(result.Findings, f => f.Incident?.RiskObject == "wks-1" && f.Detection.Name.StartsWith("Risk Threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void The_24_hour_window_slides_over_event_time_so_risk_spread_over_days_raises_nothing()
    {
        var spread = Enumerable.Range(0, 5).Select(i => RiskContentFixture.Seen(1, "srv-2", i * 20.0)).ToList();

        var result = _fixture.Hunt(spread);

        Assert.Equal(5, result.Summary.RiskEvents);
        Assert.Equal(0, result.Summary.RiskIncidents);
    }

    /// <summary>150 points by 01:30 raise srv-2 once; what follows within 24 hours is suppressed; five more findings
    /// after 30:00 (125 points in their own window) raise it again at 32:00.</summary>
    [Fact]
    public void An_object_is_raised_again_only_after_its_window_has_passed()
    {
        var twice = Enumerable.Range(0, 5).Select(i => RiskContentFixture.Seen(1, "srv-2", i * 0.5))
            .Concat(Enumerable.Range(0, 5).Select(i => RiskContentFixture.Seen(1, "srv-2", 1 + (i * 0.5))))
            .Concat(Enumerable.Range(0, 5).Select(i => RiskContentFixture.Seen(1, "srv-2", 30 + (i * 0.5))))
            .ToList();

        var result = _fixture.Hunt(twice);

        var raised = result.Findings.Where(f => f.Detection.Name.StartsWith("Risk Threshold", StringComparison.Ordinal)).Select(f => f.Incident!.WindowEnd - RiskContentFixture.Day0).ToList();
        Assert.Equal([1.5 * 3600, 32 * 3600], raised);
    }

    [Fact]
    public void A_Correlation_detection_runs_over_the_hunts_risk_events_through_the_Risk_data_model()
    {
        var result = _fixture.Hunt(Attack());

        var correlation = Assert.Single(result.Findings, f => f.Detection.Name == "Ferret Risk Story Behavior");
        Assert.Equal("wks-1", correlation.Result["risk_object"].Text);
        Assert.Equal(4, correlation.Incident!.Contributions.Count);
        Assert.NotNull(correlation.Notable);
        Assert.Empty(result.Summary.NotRun);
    }

    [Fact]
    public void Thresholds_from_a_users_settings_change_what_the_rules_raise()
    {
        var settings = RiskAlertingSettings.Default with { RiskScoreThreshold = 150, SourceThreshold = 5 };

        var result = _fixture.Hunt(Attack(), RiskIncidentRules.For(settings));

        Assert.Equal(0, result.Summary.RiskIncidents - result.Findings.Count(f => f.Detection.Name == "Ferret Risk Story Behavior"));
    }

    [Fact]
    public void Without_a_risk_stage_a_Correlation_detection_reads_the_given_events_as_any_other()
    {
        var result = HuntWithoutStage(Attack());

        Assert.DoesNotContain(result.Findings, f => f.Incident is not null);
        Assert.Equal(9, result.Summary.RiskEvents);
    }

    private Detection.Hunting.HuntResult HuntWithoutStage(List<Event> events) =>
        Detection.Hunting.HuntRunner.Run(
            new Detection.Hunting.HuntRequest { Content = _fixture.Content, Detections = _fixture.Content.Detections, Inputs = [], Events = events, RiskIncidentRules = null },
            Knowledge.KnowledgeBase.LoadDefault());
}
