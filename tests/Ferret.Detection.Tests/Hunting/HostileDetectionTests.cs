using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Engine.Limits;
using Ferret.Events;
using Ferret.Knowledge;
using Ferret.Spl.Diagnostics;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>A hunt with hostile detections beside the sample ones: each hostile one is reported by name (not run, or
/// run to a limit) and every other detection still reports its findings.</summary>
public sealed class HostileDetectionTests
{
    [Fact]
    public void A_hunt_with_hostile_detections_reports_them_and_still_reports_the_others()
    {
        using var sample = SampleContent.Extract();
        var chain = string.Join(" + ", Enumerable.Repeat("1", 15_000));
        DetectionFile.Write(sample.ContentDirectory, "Hostile Deep Chain", $"search EventCode=1 | where {chain} > 0");
        DetectionFile.Write(sample.ContentDirectory, "Hostile Printf", "search EventCode=1 | eval x=printf(\"%2000000000d\", 1) | stats max(eval(len(x))) as width");
        DetectionFile.Write(sample.ContentDirectory, "Hostile Regex", "search EventCode=1 | eval s=\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" | where match(s, \"^(a+)+$\") | stats count");
        var problems = new ProblemCollector();
        var content = Content.ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var limits = SearchLimits.Default with
        {
            MaxStringLength = 1000,
            RegexMatchTimeout = TimeSpan.FromMilliseconds(20),
            RegexSearchBudget = TimeSpan.FromMilliseconds(60),
        };
        var request = new HuntRequest { Content = content, Detections = content.Detections, Inputs = [sample.LogsDirectory], Limits = limits };

        var result = HuntRunner.Run(request, KnowledgeBase.LoadDefault());

        Assert.Equal(
            ["Hostile Printf", "Hostile Regex", "Sample PowerShell ScheduledJob Class Use", "Sample Scheduled Task Registered With Shell Action", "Sample WMI Subscription Bound To Active Consumer", "Sample WMIC Process Call Create"],
            result.Findings.Where(f => f.Incident is null).Select(f => f.Detection.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("1000", result.Findings.Single(f => f.Detection.Name == "Hostile Printf").Result["width"].Text);
        Assert.Equal("0", result.Findings.Single(f => f.Detection.Name == "Hostile Regex").Result["count"].Text);
        var deep = Assert.Single(result.Summary.NotRun);
        Assert.Equal("Hostile Deep Chain", deep.Detection);
        Assert.Contains(DiagnosticFacts.ExpressionTooDeepCode, deep.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Summary.RunProblems, p => p.Detection == "Hostile Printf" && p.Reason.Contains("SPL3015 limit [ferret] max_string_length", StringComparison.Ordinal));
        Assert.Contains(result.Summary.RunProblems, p => p.Detection == "Hostile Regex" && p.Reason.Contains("SPL3015 limit [ferret] regex_search_budget_ms", StringComparison.Ordinal));
    }

    [Fact]
    public void A_detection_missing_from_the_compiled_content_it_runs_with_is_reported_not_dropped()
    {
        using var sample = SampleContent.Extract();
        var problems = new ProblemCollector();
        var content = Content.ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var compiledWithout = CompiledContent.Compile(content, [.. content.Detections.Skip(1)]);
        var request = new HuntRequest { Content = content, Compiled = compiledWithout, Detections = content.Detections, Inputs = [sample.LogsDirectory] };

        var result = HuntRunner.Run(request, KnowledgeBase.LoadDefault());

        var missing = Assert.Single(result.Summary.NotRun);
        Assert.Equal(content.Detections[0].Name, missing.Detection);
        Assert.Contains("not in the compiled content", missing.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, f => f.Detection.Name == content.Detections[0].Name);
    }
}
