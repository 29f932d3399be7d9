using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary><c>count</c> / <c>count(X)</c>: events (with X present).</summary>
internal sealed class CountState : IAggregateState
{
    private long _count;

    public void Add(FieldValue value, double? time)
    {
        if (!value.IsNull)
        {
            _count++;
        }
    }

    public void Merge(IAggregateState later) => _count += ((CountState)later)._count;

    public FieldValue Result() => FieldValue.Of(_count);
}

/// <summary><c>dc(X)</c>: distinct values (every value of a multivalue field counts). <c>estdc</c> is exact here.</summary>
internal sealed class DistinctCountState : IAggregateState
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            _seen.Add(v.ToString());
        }
    }

    public void Merge(IAggregateState later) => _seen.UnionWith(((DistinctCountState)later)._seen);

    public FieldValue Result() => FieldValue.Of(_seen.Count);
}

/// <summary><c>estdc_error</c>: the estimate is exact, so the error is 0 once a value was seen.</summary>
internal sealed class EstimateErrorState : IAggregateState
{
    private bool _any;

    public void Add(FieldValue value, double? time) => _any |= !value.IsNull;

    public void Merge(IAggregateState later) => _any |= ((EstimateErrorState)later)._any;

    public FieldValue Result() => _any ? FieldValue.Of(0) : FieldValue.Null;
}

/// <summary><c>mode(X)</c>: the most frequent value; ties go to the value seen first.</summary>
internal sealed class ModeState : IAggregateState
{
    private readonly Dictionary<string, (long Count, long FirstSeen)> _counts = new(StringComparer.Ordinal);
    private long _order;

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            var key = v.ToString();
            _counts[key] = _counts.TryGetValue(key, out var entry) ? (entry.Count + 1, entry.FirstSeen) : (1, _order++);
        }
    }

    public void Merge(IAggregateState later)
    {
        foreach (var (key, entry) in ((ModeState)later)._counts)
        {
            _counts[key] = _counts.TryGetValue(key, out var mine) ? (mine.Count + entry.Count, mine.FirstSeen) : (entry.Count, _order + entry.FirstSeen);
        }

        _order += ((ModeState)later)._order;
    }

    public FieldValue Result() => _counts.Count == 0
        ? FieldValue.Null
        : FieldValue.Of(_counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.FirstSeen).First().Key);
}
