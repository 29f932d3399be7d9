using System.Xml.Linq;
using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Testing;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Testing;

namespace Ferret.Detection.Tests.Testing;

/// <summary>
/// <c>ferret test</c> on the embedded sample: its detections' tests name files under samples/logs/ as attack
/// data URLs, so the repository root is their attack data folder.
/// </summary>
public sealed class TestRunnerTests
{
    private static TestRun RunSample(Func<DetectionDefinition, DetectionDefinition>? change = null, string? attackData = null)
    {
        using var sample = SampleContent.Extract();
        var problems = new ProblemCollector();
        var content = ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var detections = content.ActiveDetections.Select(change ?? (d => d)).ToList();
        var request = new TestRequest { Content = content, Detections = detections, AttackDataRoot = attackData ?? SharedCorpus.RepositoryRoot };
        return TestRunner.Run(request, KnowledgeBase.LoadDefault());
    }

    [Fact]
    public void Sample_detections_pass_on_their_data_with_notables_and_risk_counted()
    {
        var run = RunSample();

        Assert.All(run.Detections, d => Assert.True(d.Status == TestStatus.Pass, $"{d.Detection.Name}: {d.Tests[0].Message}"));
        Assert.True(run.Success);
        var task = Assert.Single(run.Detections, d => d.Detection.Name.Contains("Scheduled Task", StringComparison.Ordinal));
        Assert.Equal((1, 1, 2), (task.Tests[0].ResultCount, task.Tests[0].Notables, task.Tests[0].RiskEvents));
    }

    [Fact]
    public void A_test_whose_data_is_absent_is_skipped_with_the_path()
    {
        var run = RunSample(attackData: Path.Combine(Path.GetTempPath(), "ferret-no-such-attack-data"));

        Assert.All(run.Detections, d => Assert.Equal(TestStatus.Skip, d.Status));
        Assert.StartsWith("attack data not found: ", run.Detections[0].Tests[0].Message, StringComparison.Ordinal);
        Assert.True(run.Success);
    }

    [Fact]
    public void A_detection_marked_manual_test_has_every_test_skipped_with_its_explanation_as_contentctl_does()
    {
        var run = RunSample(d => d with { Tags = d.Tags with { ManualTest = "needs an Enterprise Security lookup" } });

        Assert.All(run.Detections, d => Assert.Equal(TestStatus.Skip, d.Status));
        Assert.Equal("the detection is marked manual_test: needs an Enterprise Security lookup", run.Detections[0].Tests[0].Message);
        Assert.True(run.Success);
    }

    [Fact]
    public void A_test_fails_when_its_search_finds_nothing_and_the_run_fails()
    {
        var run = RunSample(d => d with { Search = d.Search.Replace("EventCode=4698", "EventCode=4699", StringComparison.Ordinal) });

        var task = Assert.Single(run.Detections, d => d.Detection.Name.Contains("Scheduled Task", StringComparison.Ordinal));
        Assert.Equal(TestStatus.Fail, task.Status);
        Assert.StartsWith("the search returned no results; rows after each command: search 0", task.Tests[0].Message, StringComparison.Ordinal);
        Assert.False(run.Success);
    }

    [Fact]
    public void An_empty_result_names_the_command_that_dropped_the_last_rows()
    {
        var run = RunSample(d => d with { Search = d.Search.Replace("| rename Computer as dest", "| where count > 5 | rename Computer as dest", StringComparison.Ordinal) });

        var task = Assert.Single(run.Detections, d => d.Detection.Name.Contains("Scheduled Task", StringComparison.Ordinal));
        Assert.Equal("the search returned no results; rows after each command: search 2 → stats 2 → where 0", task.Tests[0].Message);
    }

    [Fact]
    public void A_test_fails_when_a_risk_object_is_null_in_every_result()
    {
        var run = RunSample(d => d with { Search = d.Search.Replace("| rename Computer as dest, SubjectUserName as user", "| rename Computer as dest | eval user=null()", StringComparison.Ordinal) });

        var task = Assert.Single(run.Detections, d => d.Detection.Name.Contains("Scheduled Task", StringComparison.Ordinal));
        Assert.Equal(TestStatus.Fail, task.Status);
        Assert.Contains("user", task.Tests[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_output_has_a_suite_per_detection_and_a_case_per_test_with_the_reason()
    {
        var run = RunSample(d => d.Name.Contains("Scheduled Task", StringComparison.Ordinal)
            ? d with { Search = d.Search.Replace("EventCode=4698", "EventCode=4699", StringComparison.Ordinal) }
            : d);

        var xml = XDocument.Parse(JUnitReport.Write(run));

        var root = xml.Root!;
        Assert.Equal("testsuites", root.Name.LocalName);
        Assert.Equal(("4", "1", "0", "0"), (root.Attribute("tests")!.Value, root.Attribute("failures")!.Value, root.Attribute("errors")!.Value, root.Attribute("skipped")!.Value));
        Assert.Equal(4, root.Elements("testsuite").Count());
        var failed = root.Elements("testsuite").Single(s => s.Attribute("name")!.Value.Contains("Scheduled Task", StringComparison.Ordinal));
        var testcase = Assert.Single(failed.Elements("testcase"));
        Assert.Equal("True Positive Test", testcase.Attribute("name")!.Value);
        Assert.StartsWith("the search returned no results", testcase.Element("failure")!.Attribute("message")!.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_has_contentctls_shape()
    {
        var yaml = SummaryYaml.Write(RunSample());

        Assert.StartsWith("summary:", yaml, StringComparison.Ordinal);
        Assert.Contains("  total_pass: 4", yaml, StringComparison.Ordinal);
        Assert.Contains("  success_rate: 100.0%", yaml, StringComparison.Ordinal);
        Assert.Contains("tested_detections:", yaml, StringComparison.Ordinal);
        Assert.Contains("  status: pass", yaml, StringComparison.Ordinal);
    }
}
