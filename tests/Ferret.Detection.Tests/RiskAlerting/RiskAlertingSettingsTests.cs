using Ferret.Detection.RiskAlerting;

namespace Ferret.Detection.Tests.RiskAlerting;

public sealed class RiskAlertingSettingsTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void A_settings_file_overrides_the_thresholds_it_names_and_keeps_ES_defaults_for_the_rest()
    {
        File.WriteAllText(_file, "# stricter\nrisk_score_threshold = 250\n\ntactic_threshold=4\n");

        var settings = RiskAlertingSettings.Load(_file);

        Assert.Equal(RiskAlertingSettings.Default with { RiskScoreThreshold = 250, TacticThreshold = 4 }, settings);
        Assert.Contains("where risk_score > 250", RiskIncidentRules.For(settings)[0].Search, StringComparison.Ordinal);
        Assert.Contains("mitre_tactic_id_count >= 4 AND source_count >= 4", RiskIncidentRules.For(settings)[1].Search, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("risk_score_treshold = 10", ":1: unknown setting 'risk_score_treshold'")]
    [InlineData("\ntactic_threshold = 2.5", ":2: tactic_threshold must be a whole number, got 2.5")]
    [InlineData("source_threshold = many", ":1: source_threshold must be a positive number, got 'many'")]
    [InlineData("risk_score_threshold", ":1: expected 'name = value'")]
    public void A_bad_line_is_reported_with_the_file_and_line(string text, string expected)
    {
        File.WriteAllText(_file, text);

        var error = Assert.Throws<FormatException>(() => RiskAlertingSettings.Load(_file));

        Assert.StartsWith(_file + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_rules_carry_ES_schedules_and_windows()
    {
        var rules = RiskIncidentRules.Default;

        Assert.Equal(
            [("Risk - 24 Hour Risk Threshold Exceeded - Rule", "*/30 * * * *", "-24h", "now", 24.0), ("Risk - 7 Day ATT&CK Tactic Threshold Exceeded - Rule", "0 0 * * *", "-7d@d", "now", 168.0)],
            rules.Select(r => (r.SavedSearchName, r.CronSchedule, r.EarliestTime, r.LatestTime, r.Window.TotalHours)));
        Assert.All(rules, r => Assert.True(RiskIncidentRules.IsRule(r.Detection)));
    }
}
