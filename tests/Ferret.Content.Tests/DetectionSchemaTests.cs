namespace Ferret.Content.Tests;

public sealed class DetectionSchemaTests
{
    [Theory]
    [InlineData("Fixture V4 Scheduled Task", DetectionSchema.TagsV4, 70)]
    [InlineData("Fixture V5 WMI Process Call Create", DetectionSchema.RbaV5, 49)]
    [InlineData("Fixture 2026 PowerShell ScheduledJob", DetectionSchema.FlatTags, 64)]
    public void Each_schema_shape_is_recognised_and_scored(string name, DetectionSchema schema, int riskScore)
    {
        var detection = Fixture.Load().Repository.Detection(name);

        Assert.Equal(schema, detection.Schema);
        Assert.Equal(riskScore, detection.RiskScore);
    }

    [Fact]
    public void V4_risk_is_impact_times_confidence_over_100_for_every_victim_observable()
    {
        var detection = Fixture.Load().Repository.Detection("Fixture V4 Scheduled Task");

        Assert.Equal(70, detection.Impact);
        Assert.Equal(100, detection.Confidence);
        Assert.Equal(
            [new RiskObject("dest", "system", 70), new RiskObject("user", "user", 70)],
            detection.RiskObjects);
        Assert.Equal([new ThreatObject("process_name", "process_name")], detection.ThreatObjects);
        Assert.Equal("A task $TaskName$ was created on $dest$", detection.RiskMessage);
    }

    [Fact]
    public void V5_detection_score_is_the_highest_risk_object_score()
    {
        var detection = Fixture.Load().Repository.Detection("Fixture V5 WMI Process Call Create");

        Assert.Equal([36, 49], detection.RiskObjects.Select(o => o.Score));
        Assert.Equal(["system", "user"], detection.RiskObjects.Select(o => o.Type));
        Assert.Equal([new ThreatObject("process_name", "process_name")], detection.ThreatObjects);
        Assert.Null(detection.Impact);
        Assert.Equal("wmic ran on $dest$ by $user$", detection.RiskMessage);
        Assert.Equal(["Suspicious WMI Use"], detection.Tags.AnalyticStories);
    }

    [Fact]
    public void Flat_2026_tags_are_read_from_top_level_keys()
    {
        var detection = Fixture.Load().Repository.Detection("Fixture 2026 PowerShell ScheduledJob");

        Assert.Equal(["Active Directory Lateral Movement"], detection.Tags.AnalyticStories);
        Assert.Equal(["T1059.001", "T1059"], detection.Tags.MitreAttackIds);
        Assert.Equal(["Splunk Enterprise", "Splunk Cloud"], detection.Tags.Products);
        Assert.Equal("endpoint", detection.Tags.SecurityDomain);
        Assert.Equal("Endpoint", detection.Tags.AssetType);
        Assert.Equal("ScheduledJob used on $dest$", detection.RiskMessage);
        Assert.Equal("experimental", detection.Status);
        Assert.DoesNotContain("search", detection.Tags.Other.Keys);
        Assert.DoesNotContain("description", detection.Tags.Other.Keys);
    }

    [Fact]
    public void Detection_fields_are_normalized()
    {
        var detection = Fixture.Load().Repository.Detection("Fixture V4 Scheduled Task");

        Assert.Equal("00000000-0000-4000-8000-000000000004", detection.Id);
        Assert.Equal(5, detection.Version);
        Assert.Equal("2024-09-30", detection.Date);
        Assert.Equal("TTP", detection.Type);
        Assert.Equal("production", detection.Status);
        Assert.Equal(["Windows Event Log Security 4698"], detection.DataSources);
        Assert.Equal(["https://example.org/v4"], detection.References);
        Assert.Equal(["CVE-2021-0001"], detection.Tags.Cve);
        Assert.Equal("fixture_v4_scheduled_task_filter", detection.FilterMacroName);
        var test = Assert.Single(detection.Tests);
        Assert.Equal(
            new AttackData("https://example.org/windows-xml.log", "XmlWinEventLog:Security", "XmlWinEventLog", null),
            Assert.Single(test.AttackData));
        Assert.False(detection.IsDeprecated);
    }

    [Theory]
    [InlineData("Fixture V4 Scheduled Task", SearchScalarStyle.SingleQuoted, 11, 10)]
    [InlineData("Fixture V5 WMI Process Call Create", SearchScalarStyle.Literal, 12, 3)]
    [InlineData("Fixture 2026 PowerShell ScheduledJob", SearchScalarStyle.Folded, 12, 3)]
    public void Search_position_is_where_the_search_text_starts_in_the_file(string name, SearchScalarStyle style, int line, int column)
    {
        var detection = Fixture.Load().Repository.Detection(name);

        Assert.Equal(style, detection.SearchStyle);
        Assert.Equal((line, column), (detection.SearchLine, detection.SearchColumn));
        var fileLine = File.ReadAllLines(detection.FilePath)[line - 1];
        Assert.StartsWith(detection.Search[..12], fileLine[(column - 1)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Deprecated_folder_and_status_mark_a_detection_deprecated()
    {
        var repository = Fixture.Load().Repository;

        Assert.True(repository.Detection("Fixture Deprecated").IsDeprecated);
        Assert.DoesNotContain(repository.ActiveDetections, d => d.Name == "Fixture Deprecated");
    }
}
