using Ferret.Detection.Tests.Hunting;

namespace Ferret.Detection.Tests.RiskAlerting;

/// <summary>
/// The risk stage on real attack logs: ESCU over evtx-attack-samples raises incidents of both default risk incident
/// rules, each naming its risk object and its contributing findings, and the 13 ESCU Correlation detections over the
/// Risk data model all run.
/// </summary>
public sealed class EvtxAttackSamplesIncidentTests
{
    private const string RiskThreshold = "Risk Threshold Exceeded For Object Over 24 Hour Period";
    private const string TacticThreshold = "ATT&CK Tactic Threshold Exceeded For Object Over Previous 7 Days";

    /// <summary>On 2019-02-13 PC01 ran rundll32 without arguments (49) and three rare executables (25 each) within minutes:
    /// 124 points in 24 hours, over ES's 100, from two detections that alone stay below it.</summary>
    [Fact]
    [Trait("Category", "Corpus")]
    public void PC01_crosses_the_24_hour_threshold_with_124_points_from_two_detections()
    {
        var result = HuntFixture.EscuOverEvtxAttackSamples();

        var incident = Assert.Single(result.Findings, f => f.Detection.Name == RiskThreshold && f.Incident!.RiskObject == "PC01.example.corp"
            && f.Incident.Contributions.Any(c => c.Detection == "Suspicious Rundll32 no Command Line Arguments")).Incident!;

        Assert.Equal("system", incident.RiskObjectType);
        Assert.Equal(124, incident.TotalScore);
        Assert.Equal(
            [("Suspicious Rundll32 no Command Line Arguments", 49.0), ("Detect Rare Executables", 25.0), ("Detect Rare Executables", 25.0), ("Detect Rare Executables", 25.0)],
            incident.Contributions.Select(c => (c.Detection, c.Score)));
        Assert.Equal(["Defense Evasion", "Execution"], incident.Tactics.Order(StringComparer.Ordinal));
    }

    [Fact]
    [Trait("Category", "Corpus")]
    public void Both_default_rules_raise_incidents_that_name_their_object_and_findings()
    {
        var result = HuntFixture.EscuOverEvtxAttackSamples();

        foreach (var rule in new[] { RiskThreshold, TacticThreshold })
        {
            var incidents = result.Findings.Where(f => f.Detection.Name == rule).ToList();
            Assert.NotEmpty(incidents);
            Assert.All(incidents, f =>
            {
                Assert.False(string.IsNullOrEmpty(f.Incident!.RiskObject));
                Assert.NotEmpty(f.Incident.Contributions);
                Assert.Equal(f.Incident.Contributions.Count, f.Notable!.Result["contributing_findings"].Count);
            });
        }

        // PC04's first tactic incident (2019-03-17; a second follows on 2019-04-03, once the first's 7 days have passed).
        var tactic = result.Findings.Where(f => f.Detection.Name == TacticThreshold && f.Incident!.RiskObject == "PC04.example.corp" && f.Incident.RiskObjectType == "system")
            .Select(f => f.Incident!).OrderBy(i => i.WindowEnd).First();
        Assert.Equal(497, tactic.TotalScore);
        Assert.Equal(6, tactic.Detections);
        Assert.True(tactic.Tactics.Count >= 3);
    }

    [Fact]
    [Trait("Category", "Corpus")]
    public void The_13_ESCU_Correlation_detections_over_the_Risk_data_model_all_run()
    {
        var result = HuntFixture.EscuOverEvtxAttackSamples();
        var correlations = Content.ContentRepository.Load(Ferret.Testing.SharedCorpus.Require("escu"), new Events.ProblemCollector())
            .ActiveDetections.Where(d => d.Type == Content.DetectionTypes.Correlation && d.Search.Contains("datamodel=Risk.All_Risk", StringComparison.Ordinal))
            .Select(d => d.Name).ToList();

        Assert.Equal(13, correlations.Count);
        Assert.DoesNotContain(result.Summary.NotRun, issue => correlations.Contains(issue.Detection));
        Assert.DoesNotContain(result.Summary.RunProblems, issue => correlations.Contains(issue.Detection));
        Assert.Contains(result.Findings, f => f.Detection.Name == "Living Off The Land Detection" && f.Incident is { Contributions.Count: > 0 });
    }
}
