using System.Globalization;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// Splunk's stats functions (Search Reference, "Statistical and charting functions") as data: name → state factory.
/// Percentiles are written <c>perc95</c>, <c>p95</c>, <c>exactperc99.9</c>, <c>upperperc75</c>, or <c>percentile95</c>.
/// </summary>
public static class AggregateFunctions
{
    private static readonly Dictionary<string, Func<IAggregateState>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["count"] = () => new CountState(),
        ["c"] = () => new CountState(),
        ["dc"] = () => new DistinctCountState(),
        ["distinct_count"] = () => new DistinctCountState(),
        ["estdc"] = () => new DistinctCountState(),
        ["estdc_error"] = () => new EstimateErrorState(),
        ["sum"] = () => new MomentsState(MomentsState.Output.Sum),
        ["sumsq"] = () => new MomentsState(MomentsState.Output.SumOfSquares),
        ["avg"] = () => new MomentsState(MomentsState.Output.Mean),
        ["mean"] = () => new MomentsState(MomentsState.Output.Mean),
        ["stdev"] = () => new MomentsState(MomentsState.Output.SampleStdev),
        ["stdevp"] = () => new MomentsState(MomentsState.Output.PopulationStdev),
        ["var"] = () => new MomentsState(MomentsState.Output.SampleVariance),
        ["varp"] = () => new MomentsState(MomentsState.Output.PopulationVariance),
        ["min"] = () => new ExtremeState(-1),
        ["max"] = () => new ExtremeState(1),
        ["range"] = () => new RangeState(),
        ["values"] = () => new ValuesState(),
        ["list"] = () => new ListState(),
        ["first"] = () => new PositionState(first: true),
        ["last"] = () => new PositionState(first: false),
        ["earliest"] = () => new TimeOrderState(earliest: true, outputTime: false),
        ["latest"] = () => new TimeOrderState(earliest: false, outputTime: false),
        ["earliest_time"] = () => new TimeOrderState(earliest: true, outputTime: true),
        ["latest_time"] = () => new TimeOrderState(earliest: false, outputTime: true),
        ["median"] = () => new PercentileState(50, PercentileState.Kind.Median),
        ["mode"] = () => new ModeState(),
        ["rate"] = () => new RateState(),
    };

    /// <summary>The names the library knows (percentile prefixes included), for docs and binding.</summary>
    public static IEnumerable<string> Names =>
        Factories.Keys.Concat(["perc<N>", "p<N>", "percentile<N>", "exactperc<N>", "upperperc<N>"]).Order(StringComparer.Ordinal);

    /// <summary>Functions that take no field (<c>count</c> alone counts events).</summary>
    public static bool AllowsNoField(string name) => name.Equals("count", StringComparison.OrdinalIgnoreCase) || name.Equals("c", StringComparison.OrdinalIgnoreCase);

    public static bool TryCreateFactory(string name, out Func<IAggregateState> factory)
    {
        if (Factories.TryGetValue(name, out factory!))
        {
            return true;
        }

        foreach (var (prefix, kind) in (ReadOnlySpan<(string, PercentileState.Kind)>)[
                     ("exactperc", PercentileState.Kind.Exact), ("upperperc", PercentileState.Kind.Upper),
                     ("percentile", PercentileState.Kind.Approximate), ("perc", PercentileState.Kind.Approximate),
                     ("p", PercentileState.Kind.Approximate)])
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(name.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var percent)
                && percent is >= 0 and <= 100)
            {
                factory = () => new PercentileState(percent, kind);
                return true;
            }
        }

        factory = null!;
        return false;
    }
}
