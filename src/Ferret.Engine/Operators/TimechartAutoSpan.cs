using Ferret.Engine.Aggregation;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Time;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>timechart</c> without <c>span=</c> (Search Reference, "timechart command", usage: without span or bins it uses
/// bins=100, and the span is the smallest of its thresholds, 1s, 5s, 10s, 30s, 1m, 5m, 10m, 30m, 1h, 1d and 1 month,
/// that covers the time range in at most 100 buckets; so the last 15 minutes give 10s, the last 24 hours 30m, the last
/// 7 days 1d). The range is the searched span when the run has both its ends (<see cref="SearchContext.Earliest"/>,
/// <see cref="SearchContext.Latest"/>), else that of the events timechart receives, held to learn it; then
/// <see cref="TimechartOperator"/> runs with the chosen span.
/// </summary>
public sealed class TimechartAutoSpan(
    IReadOnlyList<AggregateBinding> aggregates, string? splitBy, int limit, bool useOther, bool fillEmptyBuckets) : BlockingOperator("timechart")
{
    public const int DefaultBins = 100;

    private static readonly BinSpan[] Thresholds =
    [
        new(1, TimeUnit.Second), new(5, TimeUnit.Second), new(10, TimeUnit.Second), new(30, TimeUnit.Second),
        new(1, TimeUnit.Minute), new(5, TimeUnit.Minute), new(10, TimeUnit.Minute), new(30, TimeUnit.Minute),
        new(1, TimeUnit.Hour), new(1, TimeUnit.Day),
    ];

    private static readonly BinSpan Month = new(1, TimeUnit.Month);

    public override bool CreatesRows => true;

    /// <summary>The span for events from <paramref name="earliest"/> to <paramref name="latest"/> (epoch seconds).</summary>
    public static BinSpan Choose(double earliest, double latest)
    {
        var range = Math.Max(0, latest - earliest);
        return Thresholds.FirstOrDefault(span => range / Seconds(span) <= DefaultBins) ?? Month;
    }

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        if (run.Search.Earliest is { } earliest && run.Search.Latest is { } latest)
        {
            return Chart(Choose(earliest, latest)).Execute(input, run);
        }

        var events = RowBudget.Collect(input, run, "timechart");
        var times = events.Select(e => e.Time).OfType<double>().ToList();
        var span = times.Count == 0 ? Thresholds[0] : Choose(times.Min(), times.Max());
        return Chart(span).Execute(events, run);
    }

    private TimechartOperator Chart(BinSpan span) =>
        new(aggregates, FieldNames.Time, span, splitBy, limit, useOther, fillEmptyBuckets);

    private static double Seconds(BinSpan span) => span.Unit switch
    {
        TimeUnit.Minute => span.Amount * 60,
        TimeUnit.Hour => span.Amount * 3600,
        TimeUnit.Day => span.Amount * 86400,
        _ => span.Amount,
    };
}
