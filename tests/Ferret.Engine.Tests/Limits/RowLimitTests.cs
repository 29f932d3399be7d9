using Ferret.Engine.Limits;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.Limits;

/// <summary>Commands that hold rows (sort 0, eventstats, transaction, append, join, subsearches) stop at their limit,
/// say so, and the run ends with what they kept.</summary>
public class RowLimitTests
{
    /// <summary>About 1 MB of rows: each estimated at a few hundred bytes.</summary>
    private static readonly Event[] ManyRows = [.. Enumerable.Range(0, 20_000).Select(i => Ev(("n", i), ("k", i % 3), ("text", new string('x', 40))))];

    private static (List<Event> Results, IReadOnlyList<InputProblem> Problems) RunWith(string spl, SearchLimits limits)
    {
        var problems = new ProblemCollector();
        var context = new SearchContext { Clock = TimeProvider.System, Problems = problems, Limits = limits, Label = "hostile" };
        return (Run(spl, ManyRows, context), problems.Problems);
    }

    [Theory]
    [InlineData("* | sort 0 -n | stats count")]
    [InlineData("* | eventstats count as total | stats count")]
    [InlineData("* | transaction k maxevents=100000 | stats sum(eventcount) as count")]
    [InlineData("| makeresults count=1 | append [search *] | stats count")]
    [InlineData("* | fillnull | stats count")]
    [InlineData("* | bin bins=10 n | stats count")]
    [InlineData("* | mvcombine k | stats count")]
    public void A_command_holding_more_rows_than_max_mem_usage_mb_keeps_what_fits_and_says_so(string spl)
    {
        var (results, problems) = RunWith(spl, SearchLimits.Default with { MaxMemUsageMb = 1 });

        var kept = int.Parse(results.Single("count"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(kept, 1000, ManyRows.Length - 1);
        var problem = Assert.Single(problems);
        Assert.Contains("SPL3015 limit [default] max_mem_usage_mb reached; kept the first", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("* | sort 0 -n | stats count")]
    [InlineData("* | eventstats count as total | stats count")]
    public void Within_max_mem_usage_mb_every_row_is_kept_and_nothing_is_reported(string spl)
    {
        var (results, problems) = RunWith(spl, SearchLimits.Default);

        Assert.Equal("20000", results.Single("count"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Append_keeps_subsearch_maxout_rows_of_its_subsearch()
    {
        var (results, problems) = RunWith("| makeresults count=2 | append [search *] | stats count", SearchLimits.Default with { SubsearchMaxOut = 100 });

        Assert.Equal("102", results.Single("count"));
        Assert.Contains("limit [subsearch] maxout reached; kept the first 100 rows", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subsearch_past_its_maxtime_uses_the_results_read_so_far()
    {
        var (results, problems) = RunWith("| makeresults count=2 | append [search *] | stats count", SearchLimits.Default with { SubsearchMaxTime = TimeSpan.Zero });

        Assert.Equal("2", results.Single("count"));
        Assert.Contains("limit [subsearch] maxtime reached; kept the 0 rows read", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_reads_join_subsearch_maxout_rows_of_its_subsearch()
    {
        var (results, problems) = RunWith("* | join n [search * | eval joined=1] | stats count(joined) as count", SearchLimits.Default with { JoinSubsearchMaxOut = 50 });

        Assert.Equal("50", results.Single("count"));
        Assert.Contains("limit [join] subsearch_maxout reached", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_subsearch_uses_its_first_maxout_results()
    {
        var (results, problems) = RunWith("* [search * | fields n] | stats count", SearchLimits.Default with { SubsearchMaxOut = 30 });

        Assert.Equal("30", results.Single("count"));
        Assert.Contains("limit [subsearch] maxout reached", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
