using System.Text;
using System.Text.Json;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Notables;

public sealed class IndexEventJsonTests
{
    [Fact]
    public void Notable_and_risk_events_render_with_the_field_names_of_the_ES_indexes()
    {
        var detection = DetectionFixtures.ScheduledTaskTtp();
        var row = DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice"), ("TaskName", "\\Evil"), ("count", 2), ("firstTime", "2026-03-02T09:14:07"));
        var lines = new StringBuilder();
        lines.Append(IndexEventJson.Write(NotableBuilder.Build(detection, row, DetectionFixtures.Window)!)).Append('\n');
        foreach (var risk in RiskEventBuilder.Build(detection, row, DetectionFixtures.Window))
        {
            lines.Append(IndexEventJson.Write(risk)).Append('\n');
        }

        GoldenFile.AssertMatches("tests/Ferret.Detection.Tests/Golden", "notable-and-risk.jsonl", lines.ToString());
    }

    [Fact]
    public void Index_fields_win_over_a_row_field_of_the_same_name()
    {
        var row = DetectionFixtures.Row(("dest", "wks-1"), ("severity", "row-severity"), ("risk_score", 1));
        var detection = DetectionFixtures.ScheduledTaskTtp();

        using var notable = JsonDocument.Parse(IndexEventJson.Write(NotableBuilder.Build(detection, row, DetectionFixtures.Window)!));
        using var risk = JsonDocument.Parse(IndexEventJson.Write(RiskEventBuilder.Build(detection, row, DetectionFixtures.Window)[0]));

        Assert.Equal("high", notable.RootElement.GetProperty("severity").GetString());
        Assert.Equal(72, risk.RootElement.GetProperty("risk_score").GetInt32());
        Assert.Equal(["Execution", "Persistence", "Privilege Escalation"],
            risk.RootElement.GetProperty("annotations.mitre_attack.mitre_tactic").EnumerateArray().Select(e => e.GetString()));
    }
}
