using Ferret.Engine.Aggregation;
using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>Stats functions (Search Reference, "Statistical and charting functions") and the merge of partial states.</summary>
public sealed class AggregationTests
{
    private static readonly Event[] Numbers =
    [
        Ev(("_time", 100.0), ("g", "x"), ("v", "3")),
        Ev(("_time", 50.0), ("g", "x"), ("v", "1")),
        Ev(("_time", 300.0), ("g", "y"), ("v", "10")),
        Ev(("_time", 200.0), ("g", "x"), ("v", "b")),
        Ev(("_time", 250.0), ("g", "x"), ("v", Mv("4", "4"))),
        Ev(("_time", 10.0), ("v", "7")),
    ];

    public static TheoryData<string, string> Cases => new()
    {
        { "count", "1|4" },
        { "count(v)", "1|4" },
        { "dc(v)", "1|4" },
        { "sum(v)", "10|12" },
        { "avg(v)", "10|3" },
        { "min(v)", "10|1" },
        { "max(v)", "10|4" },
        { "range(v)", "0|3" },
        { "values(v)", "10|1;3;4;b" },
        { "list(v)", "10|4;4;b;3;1" },
        { "first(v)", "10|4;4" },
        { "last(v)", "10|1" },
        { "earliest(v)", "10|1" },
        { "latest(v)", "10|4;4" },
        { "earliest_time(v)", "300|50" },
        { "median(v)", "10|4" },
        { "mode(v)", "10|4" },
        { "perc50(v)", "10|3.5" },
        { "exactperc75(v)", "10|4" },
        { "var(v)", "∅|2" },
        { "stdev(v)", "∅|1.4142135623730951" },
        { "varp(v)", "0|1.5" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stats_function_aggregates_by_group(string function, string expected)
    {
        var results = Run($"* | stats {function} as r by g", Numbers);
        Assert.Equal(["y", "x"], results.Column("g").Reverse());
        var cells = results.OrderByDescending(r => r["g"].Text).Select(r => r["r"].IsNull ? "∅" : string.Join(';', r["r"].Texts));
        Assert.Equal(expected, string.Join('|', cells));
    }

    [Fact]
    public void Stats_drops_rows_whose_by_field_is_null()
    {
        var results = Run("* | stats count by g", Numbers);
        Assert.Equal(6, Numbers.Length);
        Assert.Equal(5, results.Sum(r => (int)r["count"].First.Number));
        Assert.DoesNotContain(results, r => r["g"].IsNull);
    }

    [Fact]
    public void Stats_by_a_multivalue_field_counts_the_event_in_each_value_group()
    {
        var results = Run("* | stats count by tag", Ev(("tag", Mv("a", "b"))), Ev(("tag", "a")));
        Assert.Equal(["a", "b"], results.Column("tag"));
        Assert.Equal(["2", "1"], results.Column("count"));
    }

    [Fact]
    public void Stats_without_by_fields_over_no_events_returns_one_row_with_count_zero()
    {
        var results = Run("* | stats count dc(v) values(v)", Array.Empty<Event>());
        Assert.Equal("0", results.Single("count"));
        Assert.Equal("∅", results.Single("values(v)"));
    }

    [Fact]
    public void Count_of_eval_counts_only_events_where_the_condition_is_true()
    {
        var results = Run("* | stats count(eval(v>2)) as big", Numbers);
        // 3, 10, 7, the multivalue [4, 4] (any value), and "b" (a string compares as text with "2").
        Assert.Equal("5", results.Single("big"));
    }

    [Theory]
    [InlineData("count")]
    [InlineData("dc")]
    [InlineData("sum")]
    [InlineData("avg")]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("range")]
    [InlineData("values")]
    [InlineData("list")]
    [InlineData("first")]
    [InlineData("last")]
    [InlineData("earliest")]
    [InlineData("latest")]
    [InlineData("stdev")]
    [InlineData("var")]
    [InlineData("median")]
    [InlineData("mode")]
    [InlineData("perc90")]
    [InlineData("sumsq")]
    public void Merging_partial_states_equals_aggregating_everything_at_once(string function)
    {
        Assert.True(AggregateFunctions.TryCreateFactory(function, out var factory));
        var values = Enumerable.Range(0, 40).Select(i => (Value: FieldValue.Of(i % 7 == 0 ? "text" + i : ((i * 37 % 11) + 0.5).ToString(System.Globalization.CultureInfo.InvariantCulture)), Time: (double)(i * 13 % 17))).ToList();
        var whole = factory();
        foreach (var (value, time) in values)
        {
            whole.Add(value, time);
        }

        foreach (var split in new[] { 1, 9, 20, 39 })
        {
            var first = factory();
            var second = factory();
            foreach (var (value, time) in values.Take(split))
            {
                first.Add(value, time);
            }

            foreach (var (value, time) in values.Skip(split))
            {
                second.Add(value, time);
            }

            first.Merge(second);
            Assert.Equal(whole.Result().ToString(), first.Result().ToString());
        }
    }

    [Fact]
    public void Grouped_partials_over_slices_merge_to_the_stats_result()
    {
        var compiled = SearchEngine.Compile("* | stats count min(_time) as first values(v) as vs by g");
        var stats = Assert.IsType<Operators.StatsOperator>(compiled.Pipeline.Operators[^1]);
        var left = stats.Plan.NewPartial();
        var right = stats.Plan.NewPartial();
        foreach (var e in Numbers.Take(3))
        {
            left.Add(e, EvalRuntime.Default);
        }

        foreach (var e in Numbers.Skip(3))
        {
            right.Add(e, EvalRuntime.Default);
        }

        left.Merge(right);
        var merged = left.Results().Select(r => string.Join(",", r.Fields.Select(f => $"{f.Key}={f.Value}"))).ToList();
        var whole = Run("* | stats count min(_time) as first values(v) as vs by g", Numbers)
            .Select(r => string.Join(",", r.Fields.Select(f => $"{f.Key}={f.Value}"))).ToList();
        Assert.Equal(whole, merged);
    }

    [Fact]
    public void Eventstats_adds_group_aggregates_to_each_event()
    {
        var results = Run("* | eventstats count by g", Numbers);
        Assert.Equal(["1", "4", "4", "4", "4", "∅"], results.Column("count"));
    }

    [Fact]
    public void Streamstats_keeps_running_aggregates_in_order()
    {
        var results = Run("* | streamstats count as n sum(v) as total", Ev(("v", "1")), Ev(("v", "2")), Ev(("v", "3")));
        Assert.Equal(["1", "2", "3"], results.Column("n"));
        Assert.Equal(["1", "3", "6"], results.Column("total"));
        var windowed = Run("* | streamstats window=2 sum(v) as total", Ev(("v", "1")), Ev(("v", "2")), Ev(("v", "3")));
        Assert.Equal(["1", "3", "5"], windowed.Column("total"));
    }
}
