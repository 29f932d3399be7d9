using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Detection.Tests.Notables;
using Ferret.Events;

namespace Ferret.Detection.Tests.Hunting;

public sealed class TimelineTests
{
    [Theory]
    [InlineData(DetectionTypes.Ttp, 100, FindingLevel.High)]
    [InlineData(DetectionTypes.Ttp, 72, FindingLevel.Medium)]
    [InlineData(DetectionTypes.Ttp, 50, FindingLevel.Low)]
    [InlineData(DetectionTypes.Ttp, 10, FindingLevel.Informational)]
    [InlineData(DetectionTypes.Correlation, 90, FindingLevel.High)]
    [InlineData(DetectionTypes.Anomaly, 100, FindingLevel.Low)]
    [InlineData(DetectionTypes.Hunting, 100, FindingLevel.Informational)]
    public void A_findings_level_is_the_urgency_ES_gives_its_notable_for_an_unknown_priority_asset(string type, int riskScore, FindingLevel level)
    {
        Assert.Equal(level, FindingLevels.Of(DetectionFixtures.ScheduledTaskTtp(type) with { RiskScore = riskScore }));
    }

    [Theory]
    [InlineData("high", FindingLevel.High)]
    [InlineData("CRIT", FindingLevel.Critical)]
    [InlineData("info", FindingLevel.Informational)]
    [InlineData("nonsense", null)]
    public void Level_names_parse_case_insensitively_with_Hayabusas_abbreviations(string text, FindingLevel? level)
    {
        Assert.Equal(level, FindingLevels.Parse(text));
    }

    [Fact]
    public void The_timeline_is_in_time_order_with_untimed_findings_last()
    {
        var findings = new[] { Finding("b", "h1", 300), Finding("a", "h2", null), Finding("c", "h3", 100) };

        var order = Timeline.Order(findings, TimelineOrder.Time).Select(f => f.Time);

        Assert.Equal([100, 300, null], order);
    }

    [Fact]
    public void Sorting_by_host_groups_each_hosts_findings_in_time_order()
    {
        var findings = new[] { Finding("x", "wks-2", 100), Finding("y", "wks-1", 300), Finding("z", "wks-1", 200) };

        var order = Timeline.Order(findings, TimelineOrder.Host).Select(f => (f.Host, f.Time));

        Assert.Equal([("wks-1", 200), ("wks-1", 300), ("wks-2", 100)], order);
    }

    [Fact]
    public void Csv_cells_are_never_shortened_and_times_carry_their_zone()
    {
        var message = string.Join(' ', Enumerable.Repeat("a long risk message", 30));
        var finding = Finding("Long", "wks-1", 1772442000, message);
        var csv = new StringWriter();

        FindingWriter.WriteCsv(csv, [finding], new TimelineOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris") });

        Assert.Contains(message, csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("2026-03-02T10:00:00.000+01:00", csv.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_carry_each_events_file_and_record()
    {
        var evidence = DetectionFixtures.Row(("EventRecordID", "566836"), ("Computer", "wks-1"));
        evidence.Origin = new EventOrigin("logs/Security.evtx", 12);
        var line = JsonLine(Finding("x", "wks-1", 100) with { Evidence = FindingEvidence.Of([evidence]) });

        Assert.Contains("\"provenance\":[{\"file\":\"logs/Security.evtx\",\"record\":\"566836\"}]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_without_a_record_number_is_named_by_its_position_in_the_file()
    {
        var evidence = DetectionFixtures.Row(("Computer", "wks-1"));
        evidence.Origin = new EventOrigin("logs/app.json", 7);

        Assert.Equal("logs/app.json#event 7", (Finding("x", "wks-1", 100) with { Evidence = FindingEvidence.Of([evidence]) }).Provenance.Single().ToString());
    }

    [Fact]
    public void A_row_without_a_host_field_takes_the_host_of_its_events()
    {
        var evidence = DetectionFixtures.Row(("Computer", "dc-1.corp"));
        var finding = new Finding(DetectionFixtures.ScheduledTaskTtp(), DetectionFixtures.Row(("user", "bob"), ("dest", "unknown")), null, [], FindingEvidence.Of([evidence]));

        Assert.Equal("dc-1.corp", finding.Host);
    }

    private static string JsonLine(Finding finding)
    {
        var output = new StringWriter();
        FindingWriter.WriteJsonLines(output, [finding], new TimelineOptions());
        return output.ToString();
    }

    private static Finding Finding(string name, string host, double? time, string? message = null)
    {
        var row = DetectionFixtures.Row(("dest", host));
        if (time is { } seconds)
        {
            row.Time = seconds;
        }

        var detection = DetectionFixtures.ScheduledTaskTtp() with { Name = name, RiskMessage = message ?? "Task on $dest$" };
        return new Finding(detection, row, null, RiskEventBuilder.Build(detection, row, DetectionFixtures.Window), FindingEvidence.None);
    }
}
