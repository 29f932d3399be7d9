using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Content.Tests;

/// <summary>The ESCU snapshot in the shared folder (GUIDE §2): v4.42, Oct 2024. Skipped where it is absent.</summary>
public sealed class CorpusTests
{
    private static readonly Lazy<(ContentRepository Repository, ProblemCollector Problems)> Escu = new(() =>
    {
        var problems = new ProblemCollector();
        return (ContentRepository.Load(SharedCorpus.Require("escu"), problems), problems);
    });

    private static ContentRepository Repository
    {
        get
        {
            SharedCorpus.Require("escu");
            return Escu.Value.Repository;
        }
    }

    [Fact]
    public void Every_detection_file_loads_and_those_outside_deprecated_are_active()
    {
        Assert.Equal(1711, Repository.Detections.Count);
        Assert.Equal(1613, Repository.Detections.Count(d => !d.FilePath.Contains("/detections/deprecated/", StringComparison.Ordinal)));
        Assert.Equal(1613, Repository.ActiveDetections.Count());
        Assert.All(Repository.Detections, d => Assert.Equal(DetectionSchema.TagsV4, d.Schema));
    }

    [Fact]
    public void Macros_lookups_stories_and_data_sources_all_load()
    {
        Assert.Equal(189, Repository.MacroDefinitions.Count);
        Assert.Equal(Directory.GetFiles(SharedCorpus.Require("escu/lookups"), "*.yml").Length, Repository.Lookups.Count);
        Assert.Equal(Directory.GetFiles(SharedCorpus.Require("escu/stories"), "*.yml").Length, Repository.Stories.Count);
        Assert.Equal(205, Repository.DataSources.Count);
    }

    [Fact]
    public void The_snapshot_loads_without_errors()
    {
        SharedCorpus.Require("escu");
        var errors = Escu.Value.Problems.Problems.Where(p => p.Severity == ProblemSeverity.Error).Select(p => p.ToString());

        Assert.Empty(errors);
    }

    [Fact]
    public void Every_search_position_points_at_the_search_text_in_its_file()
    {
        Assert.All(Repository.Detections, detection =>
        {
            var line = File.ReadAllLines(detection.FilePath)[detection.SearchLine - 1];
            var expected = detection.Search.Split('\n')[0].Trim();
            var prefix = expected[..Math.Min(6, expected.Length)];
            Assert.StartsWith(prefix, line[(detection.SearchColumn - 1)..], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_active_search_ends_with_its_filter_macro_named_from_the_detection_name()
    {
        var missing = Repository.ActiveDetections
            .Where(d => !d.Search.Contains($"`{d.FilterMacroName}`", StringComparison.Ordinal))
            .Select(d => $"{d.Name} ({d.FilterMacroName})")
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void A_seed_detection_reads_as_the_research_site_shows_it()
    {
        var detection = Repository.Detections.Single(d => d.Name == "Windows PowerShell WMI Win32 ScheduledJob");

        Assert.Equal((80, 50, 40), (detection.Impact!.Value, detection.Confidence!.Value, detection.RiskScore));
        Assert.Equal([new RiskObject("dest", "system", 40)], detection.RiskObjects);
        Assert.Equal("PowerShell attempting to create a task via WMI - Win32_ScheduledJob,  was ran on $dest$.", detection.RiskMessage);
        Assert.Equal(["T1059.001", "T1059"], detection.Tags.MitreAttackIds);
        Assert.Equal(3, detection.Version);
        Assert.Equal("XmlWinEventLog:Microsoft-Windows-PowerShell/Operational", detection.Tests[0].AttackData[0].Source);
    }

    [Theory]
    [InlineData("Windows PowerShell WMI Win32 ScheduledJob", "Powershell Script Block Logging 4104")]
    [InlineData("WinEvent Scheduled Task Created to Spawn Shell", "Windows Event Log Security 4698")]
    [InlineData("Windows WMI Process Call Create", "Sysmon EventID 1|Windows Event Log Security 4688|CrowdStrike ProcessRollup2")]
    public void Seed_detections_name_data_sources_that_exist(string detectionName, string dataSources)
    {
        var detection = Repository.Detections.Single(d => d.Name == detectionName);

        Assert.Equal(dataSources.Split('|'), detection.DataSources);
        Assert.All(detection.DataSources, name => Assert.Contains(name, Repository.DataSourcesByName.Keys));
    }

    [Fact]
    public void The_app_block_of_contentctl_yml_is_read()
    {
        Assert.Equal(("DA-ESS-ContentUpdate", "ESCU", "4.42.0"), (Repository.App.AppId, Repository.App.Prefix, Repository.App.Version));
    }
}
