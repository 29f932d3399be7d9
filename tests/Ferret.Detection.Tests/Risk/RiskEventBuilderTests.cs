using Ferret.Content;
using Ferret.Detection.Risk;
using Ferret.Detection.Tests.Notables;
using Ferret.Events;

namespace Ferret.Detection.Tests.Risk;

public sealed class RiskEventBuilderTests
{
    [Theory]
    [InlineData(DetectionTypes.Ttp, 2)]
    [InlineData(DetectionTypes.Anomaly, 2)]
    [InlineData(DetectionTypes.Hunting, 0)]
    [InlineData(DetectionTypes.Correlation, 0)]
    public void TTP_and_Anomaly_detections_write_one_risk_event_per_risk_object(string type, int expected)
    {
        var row = DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice"));

        var events = RiskEventBuilder.Build(DetectionFixtures.ScheduledTaskTtp(type), row, DetectionFixtures.Window);

        Assert.Equal(expected, events.Count);
    }

    [Fact]
    public void A_risk_event_carries_the_object_its_score_the_filled_message_and_the_threat_objects()
    {
        var row = DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice"), ("TaskName", "\\Evil"), ("process_name", FieldValue.Multi(["cmd.exe", "powershell.exe"])));

        var events = RiskEventBuilder.Build(DetectionFixtures.ScheduledTaskTtp(), row, DetectionFixtures.Window);

        var dest = events[0];
        Assert.Equal(("wks-1", "system", "dest", 72), (dest.RiskObject, dest.RiskObjectType, dest.RiskObjectField, dest.RiskScore));
        Assert.Equal("Task \\Evil on wks-1 by alice", dest.RiskMessage);
        Assert.Equal(["cmd.exe", "powershell.exe"], dest.ThreatObjects);
        Assert.Equal(["process_name", "process_name"], dest.ThreatObjectTypes);
        Assert.Equal(("alice", "user"), (events[1].RiskObject, events[1].RiskObjectType));
    }

    [Fact]
    public void A_multivalue_risk_object_gives_one_event_per_value_and_a_missing_one_none()
    {
        var row = DetectionFixtures.Row(("dest", FieldValue.Multi(["wks-1", "wks-2"])));

        var events = RiskEventBuilder.Build(DetectionFixtures.ScheduledTaskTtp(), row, DetectionFixtures.Window);

        Assert.Equal(["wks-1", "wks-2"], events.Select(e => e.RiskObject));
    }

    [Fact]
    public void Each_v5_risk_object_keeps_its_own_score()
    {
        var detection = DetectionFixtures.ScheduledTaskTtp() with
        {
            Schema = DetectionSchema.RbaV5,
            RiskObjects = [new RiskObject("dest", "system", 64), new RiskObject("user", "user", 30)],
            RiskScore = 64,
        };

        var events = RiskEventBuilder.Build(detection, DetectionFixtures.Row(("dest", "wks-1"), ("user", "alice")), DetectionFixtures.Window);

        Assert.Equal([64, 30], events.Select(e => e.RiskScore));
    }
}
