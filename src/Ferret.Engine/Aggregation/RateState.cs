using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// <c>rate(X)</c>: the per-second change of a counter, (latest(X) - earliest(X)) / (latest_time(X) - earliest_time(X))
/// (Search Reference, "Time functions" of the statistical and charting functions). Null when the two times are equal
/// or a value is not a number.
/// </summary>
internal sealed class RateState : IAggregateState
{
    private readonly TimeOrderState _earliest = new(earliest: true, outputTime: false);
    private readonly TimeOrderState _latest = new(earliest: false, outputTime: false);
    private readonly TimeOrderState _earliestTime = new(earliest: true, outputTime: true);
    private readonly TimeOrderState _latestTime = new(earliest: false, outputTime: true);

    public void Add(FieldValue value, double? time)
    {
        _earliest.Add(value, time);
        _latest.Add(value, time);
        _earliestTime.Add(value, time);
        _latestTime.Add(value, time);
    }

    public void Merge(IAggregateState later)
    {
        var other = (RateState)later;
        _earliest.Merge(other._earliest);
        _latest.Merge(other._latest);
        _earliestTime.Merge(other._earliestTime);
        _latestTime.Merge(other._latestTime);
    }

    public FieldValue Result()
    {
        if (!_earliest.Result().First.TryGetNumber(out var first) || !_latest.Result().First.TryGetNumber(out var last)
            || !_earliestTime.Result().First.TryGetNumber(out var from) || !_latestTime.Result().First.TryGetNumber(out var to)
            || to <= from)
        {
            return FieldValue.Null;
        }

        return FieldValue.Of((last - first) / (to - from));
    }
}
