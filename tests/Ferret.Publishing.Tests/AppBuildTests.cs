using Ferret.Content;
using Ferret.Publishing.App;
using Ferret.Publishing.Conf;
using Ferret.Events;

namespace Ferret.Publishing.Tests;

public sealed class AppBuildTests
{
    [Fact]
    public void The_escu_app_has_one_saved_search_per_active_detection_and_every_conf_reads_back()
    {
        var content = PublishingFixtures.EscuContent();
        using var output = new TemporaryFolder();

        var result = AppBuilder.Build(content, new AppBuildOptions(output.Path, Package: false), new ProblemCollector());

        var savedSearches = ReadConf(result.AppDirectory, "default/savedsearches.conf");
        Assert.Equal(1613, result.SavedSearches);
        Assert.Equal(
            content.ActiveDetections.Select(d => d.Name).Order(StringComparer.Ordinal).Select(name => $"ESCU - {name} - Rule"),
            savedSearches.Select(s => s.Name));
        Assert.Equal(savedSearches.Count, savedSearches.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
        AssertRoundTrip(SavedSearchesConf.Stanzas(content, "ESCU"), savedSearches);
        AssertRoundTrip(MacrosConf.Stanzas(content), ReadConf(result.AppDirectory, "default/macros.conf"));
        AssertRoundTrip(AnalyticStoriesConf.Stanzas(content, "ESCU"), ReadConf(result.AppDirectory, "default/analyticstories.conf"));
        AssertRoundTrip(LookupConfs.Transforms(content.Lookups.Values), ReadConf(result.AppDirectory, "default/transforms.conf"));
    }

    [Fact]
    public void Every_active_detection_has_its_filter_macro_in_macros_conf()
    {
        var content = PublishingFixtures.EscuContent();

        var macros = MacrosConf.Stanzas(content).ToDictionary(s => s.Name, StringComparer.Ordinal);

        Assert.All(content.ActiveDetections, d => Assert.True(macros.ContainsKey(d.FilterMacroName), d.FilterMacroName));
        Assert.Equal("search *", macros["windows_powershell_wmi_win32_scheduledjob_filter"]["definition"]);
        Assert.Equal("field", macros["security_content_ctime(1)"]["args"]);
    }

    [Fact]
    public void A_seed_detection_stanza_carries_the_escu_default_configuration()
    {
        var content = PublishingFixtures.EscuContent();
        var detection = content.Detections.Single(d => d.Name == "Windows PowerShell WMI Win32 ScheduledJob");

        var stanza = SavedSearchesConf.Stanza(detection, "ESCU");

        Assert.Equal("ESCU - Windows PowerShell WMI Win32 ScheduledJob - Rule", stanza.Name);
        Assert.Equal("true", stanza["disabled"]);
        Assert.Equal("0 * * * *", stanza["cron_schedule"]);
        Assert.Equal("-70m@m", stanza["dispatch.earliest_time"]);
        Assert.Equal("-10m@m", stanza["dispatch.latest_time"]);
        Assert.Equal("auto", stanza["schedule_window"]);
        Assert.Equal("1", stanza["action.notable"]);
        Assert.Equal("Windows PowerShell WMI Win32 ScheduledJob", stanza["action.notable.param.rule_title"]);
        Assert.Equal("user,dest", stanza["action.notable.param.nes_fields"]);
        Assert.Equal("1", stanza["action.risk"]);
        Assert.Equal("[{\"risk_object_field\": \"dest\", \"risk_object_type\": \"system\", \"risk_score\": 40}]", stanza["action.risk.param._risk"]);
        Assert.Equal(
            "{\"analytic_story\": [\"Active Directory Lateral Movement\"], \"cis20\": [\"CIS 10\"], \"confidence\": 50, \"impact\": 80, \"kill_chain_phases\": [\"Installation\"], \"mitre_attack\": [\"T1059.001\", \"T1059\"], \"nist\": [\"DE.CM\"]}",
            stanza["action.correlationsearch.annotations"]);
        Assert.Equal(detection.Search, stanza["search"]);
    }

    [Fact]
    public void A_hunting_detection_has_neither_notable_nor_risk_action()
    {
        var content = PublishingFixtures.EscuContent();
        var detection = content.Detections.Single(d => d.Name == "Windows WMI Process Call Create");

        var stanza = SavedSearchesConf.Stanza(detection, "ESCU");

        Assert.Null(stanza["action.notable"]);
        Assert.Null(stanza["action.risk"]);
        Assert.Equal("[\"Endpoint\"]", stanza["action.escu.data_models"]);
    }

    [Fact]
    public void V5_risk_objects_keep_their_own_scores_and_threat_objects_follow()
    {
        var detection = PublishingFixtures.SmallContent().Detections.Single(d => d.Name == "Fixture V5 WMI Process Call Create");

        var stanza = SavedSearchesConf.Stanza(detection, "ESCU");

        Assert.Equal(
            "[{\"risk_object_field\": \"dest\", \"risk_object_type\": \"system\", \"risk_score\": 36}, " +
            "{\"risk_object_field\": \"user\", \"risk_object_type\": \"user\", \"risk_score\": 49}, " +
            "{\"threat_object_field\": \"process_name\", \"threat_object_type\": \"process_name\"}]",
            stanza["action.risk.param._risk"]);
        Assert.Equal("wmic ran on $dest$ by $user$", stanza["action.risk.param._risk_message"]);
    }

    [Fact]
    public void A_multi_line_search_is_written_with_continuations_and_reads_back_whole()
    {
        var content = PublishingFixtures.SmallContent();
        using var output = new TemporaryFolder();

        var result = AppBuilder.Build(content, new AppBuildOptions(output.Path, "9.9.9"), new ProblemCollector());

        var text = File.ReadAllText(Path.Combine(result.AppDirectory, "default", "savedsearches.conf"));
        Assert.Contains("| `drop_dm_object_name(Processes)`\\\n| `fixture_v5_wmi_process_call_create_filter`", text, StringComparison.Ordinal);
        var stanza = ReadConf(result.AppDirectory, "default/savedsearches.conf").Single(s => s.Name == "ESCU - Fixture V5 WMI Process Call Create - Rule");
        Assert.Equal(content.Detections.Single(d => d.Name == "Fixture V5 WMI Process Call Create").Search, stanza["search"]);
        Assert.Equal(3, result.SavedSearches);
        Assert.True(File.Exists(result.PackagePath));
        Assert.EndsWith("DA-ESS-ContentUpdate-9.9.9.tar.gz", result.PackagePath, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookups_become_transforms_and_files_and_a_missing_csv_is_reported()
    {
        var content = PublishingFixtures.SmallContent();
        using var output = new TemporaryFolder();
        var problems = new ProblemCollector();

        var result = AppBuilder.Build(content, new AppBuildOptions(output.Path, Package: false), problems);

        var transforms = ReadConf(result.AppDirectory, "default/transforms.conf").ToDictionary(s => s.Name, StringComparer.Ordinal);
        Assert.Equal(["attacker_tools", "previously_seen_users"], transforms.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("WILDCARD(attacker_tool_names), CIDR(attacker_ip)", transforms["attacker_tools"]["match_type"]);
        Assert.Equal("false", transforms["attacker_tools"]["case_sensitive_match"]);
        Assert.Equal("3", transforms["attacker_tools"]["max_matches"]);
        Assert.Equal("kvstore", transforms["previously_seen_users"]["external_type"]);
        Assert.True(File.Exists(Path.Combine(result.AppDirectory, "lookups", "attacker_tools.csv")));
        Assert.Contains(problems.Problems, p => p.Message.Contains("missing_file.csv", StringComparison.Ordinal));
        Assert.Equal("previously_seen_users", Assert.Single(ReadConf(result.AppDirectory, "default/collections.conf")).Name);
    }

    [Fact]
    public void App_conf_names_the_app_and_its_version()
    {
        var content = PublishingFixtures.SmallContent();
        using var output = new TemporaryFolder();

        var result = AppBuilder.Build(content, new AppBuildOptions(output.Path, "1.2.3", Package: false), new ProblemCollector());

        var app = ReadConf(result.AppDirectory, "default/app.conf").ToDictionary(s => s.Name, StringComparer.Ordinal);
        Assert.Equal("1.2.3", app["launcher"]["version"]);
        Assert.Equal("DA-ESS-ContentUpdate", app["package"]["id"]);
        Assert.Equal("123", app["install"]["build"]);
        Assert.Equal("system", Assert.Single(ReadConf(result.AppDirectory, "metadata/default.meta"))["export"]);
    }

    [Fact]
    public void A_non_app_output_folder_is_not_overwritten()
    {
        using var output = new TemporaryFolder();
        var appFolder = Directory.CreateDirectory(Path.Combine(output.Path, "DA-ESS-ContentUpdate"));
        File.WriteAllText(Path.Combine(appFolder.FullName, "precious.txt"), "keep me");

        var error = Assert.Throws<IOException>(() =>
            AppBuilder.Build(PublishingFixtures.SmallContent(), new AppBuildOptions(output.Path, Package: false), new ProblemCollector()));

        Assert.Contains("not an app folder", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(appFolder.FullName, "precious.txt")));
    }

    /// <summary>Reads a built .conf file with the knowledge layer's reader (Splunk's own precedence reader), skipping its empty default stanza.</summary>
    private static List<Knowledge.Conf.ConfStanza> ReadConf(string appDirectory, string relative)
    {
        var problems = new List<Knowledge.Loading.KnowledgeProblem>();
        var stanzas = Knowledge.Conf.ConfFile.Parse(relative, File.ReadAllText(Path.Combine(appDirectory, relative)), problems);
        Assert.Empty(problems);
        return [.. stanzas.Where(s => s.Name != Knowledge.Conf.ConfFile.DefaultStanza || s.Settings.Any())];
    }

    /// <summary>Every stanza and setting that was written reads back with the same (normalized) value.</summary>
    private static void AssertRoundTrip(IEnumerable<ConfStanza> written, List<Knowledge.Conf.ConfStanza> read)
    {
        var expected = written.ToList();
        Assert.Equal(expected.Select(s => s.Name), read.Select(s => s.Name));
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(
                expected[i].Settings.Select(s => (s.Key, ConfWriter.NormalizeValue(s.Value))),
                read[i].Settings.Select(s => (s.Key, s.Value)));
        }
    }
}

internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder() => Path = Directory.CreateTempSubdirectory("ferret-publishing-").FullName;

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
