using Ferret.Engine.Aggregation;
using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>The merge of partial aggregation states (what each stats function returns is in
/// tests/Ferret.Conformance/spl/stats/stats-function-table.spltest).</summary>
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
}
