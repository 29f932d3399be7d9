using Ferret.Events;

namespace Ferret.Engine.Tests.Execution;

using static Spl;

/// <summary>A plan is compiled once and run many times (a server runs each detection on its schedule): every run must
/// behave as the first, so nothing a run learns may be kept in the plan.</summary>
public sealed class PlanReuseTests
{
    public static TheoryData<string, string> SearchesThatReportEachRun => new()
    {
        { "* | foreach a* [ stats count ]", "SPL3020 foreach: the template for 'a1' cannot run" },
        { "* | foreach a* [ eval <<FIELD>>=nosuchfunction(<<FIELD>>) ]", "SPL3020 foreach: the template for 'a1' cannot run" },
        { "* | map search=\"search x=$b$\"", "result 1 has no value for $b$" },
    };

    [Theory]
    [MemberData(nameof(SearchesThatReportEachRun))]
    public void A_second_run_of_the_same_plan_reports_the_same_problem_as_the_first(string spl, string problem)
    {
        var compiled = SearchEngine.Compile(spl);
        Assert.False(compiled.HasErrors, string.Join("; ", compiled.Diagnostics.Select(d => d.Message)));
        var events = new[] { Ev(("a1", "stast")) };

        var first = new ProblemCollector();
        var second = new ProblemCollector();
        var firstResults = compiled.Run(events, Context(first)).Select(e => e.ToString()).ToList();
        var secondResults = compiled.Run(events, Context(second)).Select(e => e.ToString()).ToList();

        Assert.Equal(firstResults, secondResults);
        Assert.Contains(first.Problems, p => p.Message.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(first.Problems.Select(p => p.Message), second.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Runs_of_one_plan_on_several_threads_give_the_same_results()
    {
        var compiled = SearchEngine.Compile("* | foreach v* [ eval <<FIELD>>=<<FIELD>>*2 ] | stats sum(v1) as s1 sum(v2) as s2 by g");
        var events = Enumerable.Range(0, 200).Select(i => Ev(("g", (i % 3).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("v1", i), ("v2", 1))).ToArray();
        var expected = compiled.Run(events, Context()).Select(e => e.ToString()).ToList();

        var runs = Enumerable.Range(0, 8).AsParallel().Select(_ => compiled.Run(events, Context()).Select(e => e.ToString()).ToList()).ToList();

        Assert.All(runs, run => Assert.Equal(expected, run));
    }
}
