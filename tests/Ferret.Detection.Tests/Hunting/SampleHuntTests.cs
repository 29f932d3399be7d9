using Ferret.Detection.Hunting;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>The embedded sample (samples/ in the repository): each detection fires on its positive and stays
/// silent on the negatives written next to it.</summary>
public sealed class SampleHuntTests
{
    private static HuntResult HuntSample()
    {
        using var sample = SampleContent.Extract();
        return HuntFixture.Hunt(sample.ContentDirectory, [sample.LogsDirectory]);
    }

    [Fact]
    public void Every_sample_detection_fires_once_on_its_positive()
    {
        var result = HuntSample();

        Assert.Empty(result.Summary.NotRun);
        Assert.Equal(4, result.Summary.DetectionsRun);
        Assert.Equal(
            ["Sample PowerShell ScheduledJob Class Use", "Sample Scheduled Task Registered With Shell Action", "Sample WMI Subscription Bound To Active Consumer", "Sample WMIC Process Call Create"],
            result.Findings.Where(f => f.Incident is null).Select(f => f.Detection.Name).Order(StringComparer.Ordinal));
    }

    /// <summary>The four sample detections all hit wks-017 within half an hour: both of ES's default risk incident rules raise it.</summary>
    [Fact]
    public void The_sample_host_raises_both_default_risk_incidents()
    {
        var incidents = HuntSample().Findings.Where(f => f.Incident is not null).Select(f => f.Incident!).ToList();

        Assert.Equal(
            [
                ("ATT&CK Tactic Threshold Exceeded For Object Over Previous 7 Days", "wks-017.corp.ferret.test", 200.0, 4),
                ("Risk Threshold Exceeded For Object Over 24 Hour Period", "wks-017.corp.ferret.test", 128.0, 2),
            ],
            incidents.Select(i => (i.Rule, i.RiskObject, i.TotalScore, i.Contributions.Count)).Order());
    }

    [Fact]
    public void Sample_negatives_stay_silent()
    {
        var findings = HuntSample().Findings;

        var task = Assert.Single(findings, f => f.Detection.Name.Contains("Scheduled Task", StringComparison.Ordinal));
        Assert.Equal("\\Microsoft\\Windows\\Maintenance\\CacheSync", task.Result["TaskName"].Text);
        var wmi = Assert.Single(findings, f => f.Detection.Name.Contains("WMI Subscription", StringComparison.Ordinal));
        Assert.Equal("UptimeWatch", wmi.Result["filter_name"].Text);
        var wmic = Assert.Single(findings, f => f.Detection.Name.Contains("WMIC", StringComparison.Ordinal));
        Assert.Contains("process call create", wmic.Result["process"].Text, StringComparison.Ordinal);
    }

    /// <summary>The evidence is read again from the sample's files when shown, so they stay until then.</summary>
    [Fact]
    public void Sample_findings_carry_notables_risk_and_their_evidence()
    {
        using var sample = SampleContent.Extract();
        var findings = HuntFixture.Hunt(sample.ContentDirectory, [sample.LogsDirectory]).Findings;

        var task = Assert.Single(findings, f => f.Detection.Name.Contains("Scheduled Task", StringComparison.Ordinal));
        Assert.NotNull(task.Notable);
        Assert.Equal(["wks-017.corp.ferret.test", "j.alder"], task.RiskEvents.Select(r => r.RiskObject));
        Assert.All(task.RiskEvents, r => Assert.Equal(72, r.RiskScore));
        var evidence = Assert.Single(task.Evidence.Events());
        Assert.Contains("CacheSync", evidence.Raw, StringComparison.Ordinal);
        var anomaly = Assert.Single(findings, f => f.Detection.Type == "Anomaly");
        Assert.Null(anomaly.Notable);
        Assert.Equal(["wks-017.corp.ferret.test", "CORP\\j.alder"], anomaly.RiskEvents.Select(r => r.RiskObject));
        Assert.Equal(["cmd.exe"], anomaly.RiskEvents[0].ThreatObjects);
    }
}
