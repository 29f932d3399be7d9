namespace Ferret.Content.Tests;

public sealed class StoryAndDataSourceTests
{
    [Fact]
    public void Stories_are_read_with_their_tags()
    {
        var story = Fixture.Load().Repository.StoriesByName["Scheduled Tasks"];

        Assert.Equal("Attackers schedule tasks.", story.Narrative);
        Assert.Equal(["Adversary Tactics"], story.Categories);
        Assert.Equal("Advanced Threat Detection", story.UseCase);
    }

    [Theory]
    [InlineData("Windows Event Log Security 4698", "Windows", "XmlWinEventLog:Security", "xmlwineventlog")]
    [InlineData("CrowdStrike ProcessRollup2", "N/A", "crowdstrike", "crowdstrike:events:sensor")]
    public void Data_sources_carry_platform_source_and_sourcetype(string name, string platform, string source, string sourceType)
    {
        var dataSource = Fixture.Load().Repository.DataSourcesByName[name];

        Assert.Equal((platform, source, sourceType), (dataSource.Platform, dataSource.Source, dataSource.SourceType));
    }

    [Fact]
    public void Data_source_fields_and_add_ons_are_kept()
    {
        var dataSource = Fixture.Load().Repository.DataSourcesByName["Windows Event Log Security 4698"];

        Assert.Equal(["TaskName", "TaskContent"], dataSource.Fields);
        Assert.Equal("Splunk Add-on for Microsoft Windows", Assert.Single(dataSource.SupportedAddOns).Name);
        Assert.Equal("<Event/>", dataSource.ExampleLog);
        Assert.Equal("EventCode", dataSource.Separator);
    }
}
