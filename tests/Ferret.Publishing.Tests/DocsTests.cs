using Ferret.Content;
using Ferret.Publishing.Docs;

namespace Ferret.Publishing.Tests;

public sealed class DocsTests
{
    [Theory]
    [InlineData("text", "txt")]
    [InlineData("md", "md")]
    [InlineData("html", "html")]
    public void Every_format_writes_a_page_per_detection_story_and_tactic_and_an_index(string format, string extension)
    {
        var content = PublishingFixtures.SmallContent();
        using var output = new TemporaryFolder();

        var result = DocsGenerator.Generate(content, new DocsOptions(output.Path, format));

        Assert.Equal(3, result.DetectionPages);
        Assert.True(File.Exists(Path.Combine(output.Path, "detections", $"fixture_v4_scheduled_task.{extension}")));
        Assert.True(File.Exists(Path.Combine(output.Path, "stories", $"scheduled_tasks.{extension}")));
        Assert.True(File.Exists(Path.Combine(output.Path, "tactics", $"execution.{extension}")));
        Assert.True(File.Exists(Path.Combine(output.Path, $"index.{extension}")));
        Assert.Equal(result.Files.Count, Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void The_escu_docs_have_a_page_for_every_active_detection()
    {
        var content = PublishingFixtures.EscuContent();
        using var output = new TemporaryFolder();

        var result = DocsGenerator.Generate(content, new DocsOptions(output.Path, "text"));

        Assert.Equal(1613, result.DetectionPages);
        Assert.Equal(1613, Directory.GetFiles(Path.Combine(output.Path, "detections")).Length);
        Assert.True(result.StoryPages >= content.Stories.Count);
    }

    [Fact]
    public void A_v5_detection_shows_its_risk_objects_and_no_impact_or_confidence()
    {
        var content = PublishingFixtures.SmallContent();
        var detection = content.Detections.Single(d => d.Name == "Fixture V5 WMI Process Call Create");

        var page = new TextDocRenderer().Render(DetectionPage.Build(detection, content, null));

        Assert.Contains("wmic ran on $dest$ by $user$ | 49 | N/A | N/A |", page, StringComparison.Ordinal);
        Assert.Contains("dest | risk object | system | 36 |", page, StringComparison.Ordinal);
        Assert.Contains("process_name | threat object | process_name | N/A |", page, StringComparison.Ordinal);
        Assert.Contains("Creates Risk Event | True |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Creates Notable", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_test_results_the_tests_show_not_run_with_the_content_datasets()
    {
        var content = PublishingFixtures.SmallContent();
        var detection = content.Detections.Single(d => d.Name == "Fixture V4 Scheduled Task");

        var page = new TextDocRenderer().Render(DetectionPage.Build(detection, content, null));

        Assert.Contains("Validation | Not run | N/A | N/A | N/A |", page, StringComparison.Ordinal);
        Assert.Contains("Unit | Not run | Dataset | XmlWinEventLog:Security | XmlWinEventLog |", page, StringComparison.Ordinal);
        Assert.Contains("No Ferret test results were given", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_pages_encode_values_and_link_pages_relative_to_themselves()
    {
        var content = PublishingFixtures.SmallContent();
        var detection = content.Detections.Single(d => d.Name == "Fixture V4 Scheduled Task");

        var html = new HtmlDocRenderer().Render(DetectionPage.Build(detection, content, null));

        Assert.Contains("<a href=\"../stories/scheduled_tasks.html\">Scheduled Tasks</a>", html, StringComparison.Ordinal);
        Assert.Contains("<li><code>| stats count by Computer, TaskName</code></li>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://attack.mitre.org/techniques/T1053/005/\">T1053.005</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_pages_carry_the_research_site_front_matter_and_a_fenced_search()
    {
        var content = PublishingFixtures.SmallContent();
        var detection = content.Detections.Single(d => d.Name == "Fixture 2026 PowerShell ScheduledJob");

        var markdown = new MarkdownDocRenderer().Render(DetectionPage.Build(detection, content, null));

        Assert.StartsWith("---\ntitle: \"Fixture 2026 PowerShell ScheduledJob\"\n", markdown, StringComparison.Ordinal);
        Assert.Contains("last_modified_at: \"2026-02-10\"", markdown, StringComparison.Ordinal);
        Assert.Contains("```\n`powershell` EventCode=4104 ScriptBlockText=\"*win32_scheduledjob*\"\n| stats count by dest user\n", markdown, StringComparison.Ordinal);
        Assert.Contains("> **EXPERIMENTAL DETECTION**", markdown, StringComparison.Ordinal);
        Assert.Contains("| [T1059.001](https://attack.mitre.org/techniques/T1059/001/) | PowerShell | Execution |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_technique_missing_from_the_attack_table_is_said_so_and_listed_on_its_own_tactic_page()
    {
        var detection = new DetectionDefinition { Name = "Unmapped", Type = "TTP", Tags = new DetectionTags { MitreAttackIds = ["T9999"] } };

        Assert.Equal([IndexPages.UnmappedTactic], IndexPages.TacticsOf(detection));
        var page = new TextDocRenderer().Render(DetectionPage.Build(detection, PublishingFixtures.SmallContent(), null));
        Assert.Contains($"T9999 | {DetectionPage.UnknownTechnique} | {DetectionPage.UnknownTechnique} |", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("`a` | b", "`a`⏎| b")]
    [InlineData("x | rex \"(?<f>[^|]+)\" | y", "x⏎| rex \"(?<f>[^|]+)\"⏎| y")]
    [InlineData("| tstats count\n  by host\n| `m`", "| tstats count by host⏎| `m`")]
    [InlineData("search a=\"say \\\"|\\\"\" | b", "search a=\"say \\\"|\\\"\"⏎| b")]
    public void Search_lines_split_at_pipes_outside_quotes(string search, string expected)
    {
        Assert.Equal(expected.Split('⏎'), SearchLines.Split(search));
    }

    [Theory]
    [InlineData("`sysmon` | `security_content_ctime(firstTime)` | `m(\"a,b\", c)` | `sysmon`", "sysmon/0 security_content_ctime/1 m/2")]
    [InlineData("no macros here", "")]
    public void Macro_references_are_found_in_order_of_first_use(string search, string expected)
    {
        Assert.Equal(expected, string.Join(' ', MacroReferences.In(search).Select(m => $"{m.Name}/{m.Arity}")));
    }

    [Fact]
    public void A_test_results_file_that_is_not_json_names_its_line()
    {
        using var folder = new TemporaryFolder();
        var path = Path.Combine(folder.Path, "results.json");
        File.WriteAllText(path, "{\n  \"detections\": [ oops ]\n}");

        var error = Assert.Throws<InvalidDataException>(() => TestResultsFile.Load(path));

        Assert.Contains("results.json: line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_results_are_matched_by_id_and_may_list_their_datasets_as_attack_data()
    {
        const string json = """
            {"tool": "ferret", "detections": [{"id": "00000000-0000-4000-8000-000000000004", "name": "renamed", "status": "fail",
              "tests": [{"name": "True Positive Test", "type": "unit", "status": "fail", "attack_data": ["https://example.org/a.log"], "notables": 0}]}]}
            """;
        var content = PublishingFixtures.SmallContent();
        var detection = content.Detections.Single(d => d.Name == "Fixture V4 Scheduled Task");

        var page = new TextDocRenderer().Render(DetectionPage.Build(detection, content, TestResultsFile.Parse(json)));

        Assert.Contains("Unit | ❌ Failing | Dataset | N/A | N/A |", page, StringComparison.Ordinal);
        Assert.Contains("Validation | Not run | N/A | N/A | N/A |", page, StringComparison.Ordinal);
        Assert.DoesNotContain("No Ferret test results were given", page, StringComparison.Ordinal);
    }
}
