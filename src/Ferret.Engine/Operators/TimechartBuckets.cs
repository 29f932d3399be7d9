using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// The buckets timechart fills (Search Reference, "timechart command", <c>cont</c>: the gaps in time are filled): from
/// the bucket of the searched span's start (<see cref="SearchContext.Earliest"/>, else the first bucket with events) to
/// the bucket before its end (<see cref="SearchContext.Latest"/>, exclusive, else the last bucket with events). A span
/// that would make more than <see cref="Limits.SearchLimits.MaxBins"/> buckets (limits.conf <c>[discretize] maxbins</c>,
/// 50,000) is not filled: Splunk refuses such a search ("the specified span would result in too many rows"); Ferret
/// returns the buckets that have events, as <c>cont=false</c> would, and reports the limit (SPL3015) naming the search.
/// </summary>
internal static class TimechartBuckets
{
    /// <summary>The bucket starts to fill, in order, or null when they would be more than the limit (reported).</summary>
    public static List<double>? Starts(BinSpan span, double firstWithEvents, double lastWithEvents, RunContext run)
    {
        var first = run.Search.Earliest is { } earliest ? Math.Min(span.Floor(earliest), firstWithEvents) : firstWithEvents;
        var latest = run.Search.Latest;
        var maxBins = run.Limits.MaxBins;
        var starts = new List<double>();
        for (var t = first; t <= lastWithEvents || (latest is { } end && t < end);)
        {
            if (starts.Count == maxBins)
            {
                Report(span, first, Math.Max(lastWithEvents, latest ?? lastWithEvents), run);
                return null;
            }

            starts.Add(t);
            var next = span.Next(t);
            if (next <= t)
            {
                // A span too small to move a time this large: the buckets cannot be told apart, so none is filled.
                Report(span, first, Math.Max(lastWithEvents, latest ?? lastWithEvents), run);
                return null;
            }

            t = next;
        }

        return starts;
    }

    private static void Report(BinSpan span, double from, double to, RunContext run)
    {
        var amount = span.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var unit = span.Unit switch
        {
            null => string.Empty,
            Time.TimeUnit.Second => "s",
            Time.TimeUnit.Minute => "m",
            Time.TimeUnit.Hour => "h",
            Time.TimeUnit.Day => "d",
            Time.TimeUnit.Week => "w",
            Time.TimeUnit.Month => "mon",
            Time.TimeUnit.Quarter => "q",
            _ => "y",
        };
        run.ReportLimit("[discretize] maxbins", "timechart",
            $"buckets of span={amount}{unit} from {Iso(from)} to {Iso(to)} would be more than {run.Limits.MaxBins} rows; only the buckets with events are returned, empty buckets are not filled");
    }

    private static string Iso(double epoch) =>
        EpochTime.ToDateTimeOffset(epoch).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
