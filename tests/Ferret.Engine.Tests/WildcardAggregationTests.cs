using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>Stats over wildcard fields (Search Reference, "stats command": <c>&lt;stats-func&gt;(&lt;wc-field&gt;) [AS &lt;wc-field&gt;]</c>):
/// columns discovered per run, and partials that discovered different fields merging to the one-pass result.</summary>
public sealed class WildcardAggregationTests
{
    private static readonly Event[] Mixed =
    [
        Ev(("_time", 100.0), ("g", "x"), ("a", "3")),
        Ev(("_time", 50.0), ("g", "y"), ("b", "k")),
        Ev(("_time", 300.0), ("g", "x"), ("a", "1"), ("c", "z")),
        Ev(("_time", 200.0), ("g", "x"), ("b", "m"), ("c", "w")),
        Ev(("_time", 250.0), ("g", "y"), ("a", "9"), ("d.e", "deep")),
        Ev(("_time", 10.0), ("g", "x"), ("b", Mv("p", "q"))),
    ];

    public static TheoryData<string> Searches => new()
    {
        "* | stats count values(*) as * by g",
        "* | stats first(*) as first_* last(*) as last_* dc(*) by g",
        "* | stats earliest(*) as * latest(*) as late_* sum(*) as sum_*",
        "* | stats count(*) as n_* list(d.*) as *",
    };

    [Theory]
    [MemberData(nameof(Searches))]
    public void Partials_that_discovered_different_fields_merge_to_the_one_pass_result(string search)
    {
        var whole = Rows(Run(search, Mixed));
        var stats = Assert.IsType<Operators.StatsOperator>(SearchEngine.Compile(search).Pipeline.Operators[^1]);
        var searchOrder = Mixed.OrderByDescending(e => e.Time).ToArray();
        for (var split = 0; split <= searchOrder.Length; split++)
        {
            var left = stats.Plan.NewPartial();
            var right = stats.Plan.NewPartial();
            foreach (var e in searchOrder.Take(split))
            {
                left.Add(e, EvalRuntime.Default);
            }

            foreach (var e in searchOrder.Skip(split))
            {
                right.Add(e, EvalRuntime.Default);
            }

            left.Merge(right);
            Assert.Equal(whole, Rows(left.Results()));
        }
    }

    [Fact]
    public void Merging_into_a_partial_that_never_saw_a_field_keeps_the_later_slice_values()
    {
        var stats = Assert.IsType<Operators.StatsOperator>(SearchEngine.Compile("* | stats first(*) as * by g").Pipeline.Operators[^1]);
        var earlier = stats.Plan.NewPartial();
        var later = stats.Plan.NewPartial();
        earlier.Add(Ev(("g", "x"), ("a", "1")), EvalRuntime.Default);
        later.Add(Ev(("g", "x"), ("a", "2"), ("b", "late")), EvalRuntime.Default);
        later.Add(Ev(("g", "y"), ("b", "other")), EvalRuntime.Default);
        earlier.Merge(later);
        var rows = earlier.Results().ToList();
        Assert.Equal(["1", "∅"], rows.Column("a"));
        Assert.Equal(["late", "other"], rows.Column("b"));
    }

    [Fact]
    public void Chart_and_timechart_reject_wildcard_fields_with_a_message()
    {
        foreach (var search in new[] { "* | timechart span=1h values(*)", "* | chart values(*) over host", "| tstats values(*) as * where index=*" })
        {
            var compiled = SearchEngine.Compile(search);
            var error = Assert.Single(compiled.Diagnostics, d => d.IsError);
            Assert.Contains("wildcard field", error.Message, StringComparison.Ordinal);
        }
    }

    private static List<string> Rows(IEnumerable<Event> results) =>
        results.Select(r => string.Join(",", r.Fields.Select(f => $"{f.Key}={f.Value}"))).ToList();
}
