using Ferret.Engine.Limits;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.Limits;

/// <summary>timechart fills its empty buckets over the searched span (the run's earliest and latest), never past
/// [discretize] maxbins: past it only the buckets with events are returned and the limit is reported.</summary>
public class TimechartSpanTests
{
    /// <summary>2024-05-01T10:00:00Z.</summary>
    private const double Ten = 1714557600;

    private static readonly Event[] TwoEvents = [Ev(("_time", Ten + 600)), Ev(("_time", Ten + 1800))];

    private static (List<Event> Results, IReadOnlyList<InputProblem> Problems) RunWith(
        string spl, IEnumerable<Event> events, double? earliest = null, double? latest = null, SearchLimits? limits = null)
    {
        var problems = new ProblemCollector();
        var context = Context(problems) with { Earliest = earliest, Latest = latest, Limits = limits ?? SearchLimits.Default, Label = "Password Spray" };
        return (Run(spl, events, context), problems.Problems);
    }

    private static string[] Times(List<Event> results) => results.Column("_time");

    private static string T(double minutes) => (Ten + (minutes * 60)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(null, null, new[] { 10.0, 15, 20, 25, 30 })]
    [InlineData(0.0, 40.0, new[] { 0.0, 5, 10, 15, 20, 25, 30, 35 })]
    [InlineData(2.0, 33.0, new[] { 0.0, 5, 10, 15, 20, 25, 30 })]
    [InlineData(0.0, null, new[] { 0.0, 5, 10, 15, 20, 25, 30 })]
    [InlineData(null, 45.0, new[] { 10.0, 15, 20, 25, 30, 35, 40 })]
    public void Empty_buckets_are_filled_from_the_searched_start_to_before_its_end(double? fromMinute, double? toMinute, double[] expectedMinutes)
    {
        var (results, problems) = RunWith("* | timechart span=5m count", TwoEvents,
            fromMinute is { } f ? Ten + (f * 60) : null, toMinute is { } t ? Ten + (t * 60) : null);

        Assert.Equal(expectedMinutes.Select(T), Times(results));
        Assert.Equal(2, results.Sum(r => int.Parse(r["count"].ToString(), System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Empty(problems);
    }

    [Fact]
    public void A_split_by_timechart_fills_every_column_with_zero_over_the_searched_span()
    {
        Event[] events = [Ev(("_time", Ten + 600), ("user", "a")), Ev(("_time", Ten + 660), ("user", "b"))];

        var (results, _) = RunWith("* | timechart span=5m count by user", events, Ten, Ten + 1200);

        Assert.Equal([T(0), T(5), T(10), T(15)], Times(results));
        Assert.Equal(["0", "0", "1", "0"], results.Column("a"));
        Assert.Equal(["0", "0", "1", "0"], results.Column("b"));
    }

    [Fact]
    public void A_span_that_would_make_more_buckets_than_maxbins_returns_only_the_buckets_with_events_and_says_so()
    {
        Event[] yearsApart = [Ev(("_time", Ten)), Ev(("_time", Ten + (3 * 365 * 86400))), Ev(("_time", Ten + 30))];

        var (results, problems) = RunWith("* | timechart span=5m count", yearsApart);

        Assert.Equal([T(0), T(3 * 365 * 24 * 60)], Times(results));
        Assert.Equal(["2", "1"], results.Column("count"));
        var problem = Assert.Single(problems);
        Assert.Equal(("Password Spray", "timechart", ProblemSeverity.Warning), (problem.File, problem.Location, problem.Severity));
        Assert.StartsWith("SPL3015 limit [discretize] maxbins reached; buckets of span=5m from 2024-05-01T10:00:00Z to 2027-05-01T10:00:00Z would be more than 50000 rows",
            problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_searched_span_wider_than_maxbins_is_not_filled_and_the_rest_of_the_search_runs()
    {
        var (results, problems) = RunWith("* | timechart span=1m count | eval seen=count*10", TwoEvents, Ten - (30 * 86400), Ten + 86400,
            SearchLimits.Default with { MaxBins = 1000 });

        Assert.Equal(["10", "10"], results.Column("seen"));
        Assert.Contains("more than 1000 rows", Assert.Single(problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exactly_maxbins_buckets_are_filled_without_a_report()
    {
        var (results, problems) = RunWith("* | timechart span=1m count", TwoEvents, Ten, Ten + 3600, SearchLimits.Default with { MaxBins = 60 });

        Assert.Equal(60, results.Count);
        Assert.Empty(problems);
    }

    [Fact]
    public void Without_a_span_the_searched_span_chooses_the_bucket_size()
    {
        // A day searched gives 30-minute buckets (Search Reference, "timechart command": bins=100 over the time range).
        var (results, _) = RunWith("* | timechart count", TwoEvents, Ten - (10 * 3600), Ten + (14 * 3600));

        Assert.Equal(48, results.Count);
        Assert.Equal(T(-600), results[0]["_time"].ToString());
    }
}
