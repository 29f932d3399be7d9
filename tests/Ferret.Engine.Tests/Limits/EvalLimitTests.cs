using Ferret.Engine.Limits;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.Limits;

/// <summary>Hostile eval: each ends at a limit with an SPL3015 report naming it, instead of exhausting memory.</summary>
public class EvalLimitTests
{
    private static (List<Event> Results, IReadOnlyList<InputProblem> Problems) RunWith(string spl, SearchLimits limits, params Event[] events)
    {
        var problems = new ProblemCollector();
        var context = new SearchContext { Clock = TimeProvider.System, Problems = problems, Limits = limits, Label = "hostile" };
        return (Run(spl, events.Length == 0 ? [Ev(("x", "1"))] : events, context), problems.Problems);
    }

    private static void AssertLimitReported(IReadOnlyList<InputProblem> problems, string limit)
    {
        var problem = Assert.Single(problems, p => p.Message.Contains(limit, StringComparison.Ordinal));
        Assert.StartsWith("SPL3015 ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("hostile", ProblemSeverity.Warning), (problem.File, problem.Severity));
    }

    [Theory]
    [InlineData("%2000000000d")]
    [InlineData("%99999999999d")]
    [InlineData("%.2000000000f")]
    [InlineData("%-2000000000s")]
    public void A_printf_width_or_precision_past_the_string_limit_is_cut_to_it(string format)
    {
        var (results, problems) = RunWith($"* | eval y=printf(\"{format}\", 1) | eval n=len(y)", SearchLimits.Default with { MaxStringLength = 5000 });

        Assert.Equal("5000", results.Single("n"));
        AssertLimitReported(problems, "[ferret] max_string_length");
    }

    [Theory]
    [InlineData("s.s")]
    [InlineData("s + s")]
    [InlineData("s . s")]
    [InlineData("mvjoin(mvappend(s, s), \"\")")]
    public void Doubling_a_string_in_a_chain_of_evals_stops_at_the_string_limit(string doubled)
    {
        var spl = "* | eval s=\"abcdefgh\"" + string.Concat(Enumerable.Repeat($" | eval s={doubled}", 40)) + " | eval n=len(s)";

        var (results, problems) = RunWith(spl, SearchLimits.Default with { MaxStringLength = 100_000 });

        Assert.Equal("100000", results.Single("n"));
        Assert.StartsWith("abcdefghabcdefgh", results.Single("s"), StringComparison.Ordinal);
        AssertLimitReported(problems, "[ferret] max_string_length");
    }

    [Fact]
    public void Doubling_a_multivalue_with_mvappend_stops_at_max_mv_size_keeping_the_first_values()
    {
        var spl = "* | eval m=mvappend(\"a\", \"b\")" + string.Concat(Enumerable.Repeat(" | eval m=mvappend(m, m)", 40)) + " | eval n=mvcount(m), first=mvindex(m, 0, 2)";

        var (results, problems) = RunWith(spl, SearchLimits.Default with { MaxMvSize = 1000 });

        Assert.Equal("1000", results.Single("n"));
        Assert.Equal("a|b|a", results.Single("first"));
        AssertLimitReported(problems, "[ferret] max_mv_size");
    }

    [Fact]
    public void Values_keeps_the_first_distinct_values_in_sort_order_up_to_max_mv_size()
    {
        var events = Enumerable.Range(0, 50).Select(i => Ev(("v", $"v{i:00}"))).ToArray();

        var (results, problems) = RunWith("* | stats values(v) as v | eval n=mvcount(v)", SearchLimits.Default with { MaxMvSize = 10 }, events);

        Assert.Equal("10", results.Single("n"));
        Assert.Equal(string.Join('|', Enumerable.Range(0, 10).Select(i => $"v{i:00}")), results.Single("v"));
        AssertLimitReported(problems, "[ferret] max_mv_size");
    }

    [Fact]
    public void Values_within_the_limit_reports_nothing()
    {
        var (results, problems) = RunWith("* | stats values(x) as v", SearchLimits.Default);

        Assert.Equal("1", results.Single("v"));
        Assert.Empty(problems);
    }
}
