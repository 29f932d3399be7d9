using System.Text.RegularExpressions;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Detection.Report;
using Ferret.Detection.Risk;
using Ferret.Detection.Tests.Notables;
using Ferret.Events;

namespace Ferret.Detection.Tests.Report;

public sealed partial class HtmlReportTests
{
    private static string RenderOne(string host = "wks-1")
    {
        var detection = DetectionFixtures.ScheduledTaskTtp();
        var row = DetectionFixtures.Row(("dest", host), ("user", "alice"), ("TaskName", "\\Evil"));
        var evidence = DetectionFixtures.Row(("_time", 1772442847.0), ("_raw", "<Event><Data Name='TaskName'>\\Evil</Data></Event>"), ("source", "XmlWinEventLog:Security"));
        var finding = new Finding(detection, row, NotableBuilder.Build(detection, row, DetectionFixtures.Window),
            RiskEventBuilder.Build(detection, row, DetectionFixtures.Window), FindingEvidence.Of([evidence]));
        var summary = new HuntSummary
        {
            FilesRead = 1, EventsRead = 10, DetectionsRun = 1, Findings = 1, Notables = 1, RiskEvents = 2,
            NotRun = [new DetectionIssue("Broken One", "SPL1001 at 1:5: unexpected '|'")],
        };
        return HtmlReport.Render([finding], summary, new ReportHeader("Hunt report", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void The_report_loads_nothing_from_elsewhere()
    {
        var html = RenderOne();

        Assert.DoesNotMatch(ExternalAsset(), html);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_shows_the_finding_its_context_evidence_and_what_could_not_run()
    {
        var html = RenderOne();

        Assert.Contains("id=\"d-scheduled_task_spawns_shell\"", html, StringComparison.Ordinal);
        Assert.Contains("A task runs a shell.", html, StringComparison.Ordinal);
        Assert.Contains("Installers.", html, StringComparison.Ordinal);
        Assert.Contains("https://example.test/ref", html, StringComparison.Ordinal);
        Assert.Contains("Persistence", html, StringComparison.Ordinal);
        Assert.Contains("Task \\Evil on wks-1 by alice", html, StringComparison.Ordinal);
        Assert.Contains("&lt;Event&gt;&lt;Data Name=&#39;TaskName&#39;&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<circle", html, StringComparison.Ordinal);
        Assert.Contains("Broken One", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_from_the_logs_are_escaped()
    {
        var html = RenderOne(host: "<script>alert(1)</script>");

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [GeneratedRegex("<(script|link|img|iframe)[^>]*(src|href)=|@import|url\\(", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalAsset();
}
