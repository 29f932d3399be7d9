using Ferret.Content;
using Ferret.Publishing;

namespace Ferret.Publishing.Tests;

public sealed class DefaultConfigurationTests
{
    [Theory]
    [InlineData("TTP", true, true, "%name%")]
    [InlineData("Anomaly", false, true, "%name%")]
    [InlineData("Hunting", false, false, "%name%")]
    [InlineData("Correlation", true, false, "RBA: %name%")]
    public void Notable_and_risk_actions_follow_the_detection_type(string type, bool notable, bool risk, string ruleTitle)
    {
        var configuration = DefaultConfiguration.For(new DetectionDefinition { Name = "X", Type = type });

        Assert.Equal((notable, risk, ruleTitle), (configuration.CreatesNotable, configuration.CreatesRisk, configuration.RuleTitle));
    }

    [Fact]
    public void Every_type_runs_hourly_over_the_escu_window_disabled()
    {
        var configuration = DefaultConfiguration.For(new DetectionDefinition { Name = "X", Type = "TTP" });

        Assert.Equal(
            (true, "0 * * * *", "-70m@m", "-10m@m", "auto"),
            (configuration.Disabled, configuration.CronSchedule, configuration.EarliestTime, configuration.LatestTime, configuration.ScheduleWindow));
        Assert.Equal(["user", "dest"], configuration.NotableFields);
    }

    [Fact]
    public void Rule_title_and_description_tokens_are_replaced_with_detection_values()
    {
        var detection = new DetectionDefinition { Name = "Suspicious Thing", Type = "Correlation", Description = "It is suspicious." };
        var configuration = DefaultConfiguration.For(detection);

        Assert.Equal("RBA: Suspicious Thing", configuration.RenderRuleTitle(detection));
        Assert.Equal("It is suspicious.", configuration.RenderRuleDescription(detection));
    }
}
