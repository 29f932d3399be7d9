using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary><c>values(X)</c>: distinct values in lexicographic order (Search Reference, "values").</summary>
internal sealed class ValuesState : IAggregateState
{
    private readonly SortedSet<string> _values = new(StringComparer.Ordinal);

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            _values.Add(v.ToString());
        }
    }

    public int Count => _values.Count;

    public void Merge(IAggregateState later) => _values.UnionWith(((ValuesState)later)._values);

    public FieldValue Result() => FieldValue.Multi(_values);

    /// <summary>Keeps the first <paramref name="count"/> values in sort order (max_mv_size).</summary>
    public void KeepFirst(int count)
    {
        while (_values.Count > count)
        {
            _values.Remove(_values.Max!);
        }
    }
}

/// <summary><c>list(X)</c>: every value in arrival order, at most 100 (Search Reference, "list").</summary>
internal sealed class ListState : IAggregateState
{
    public const int Limit = 100;
    private readonly List<Scalar> _values = [];

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            if (_values.Count < Limit)
            {
                _values.Add(v);
            }
        }
    }

    public void Merge(IAggregateState later) =>
        _values.AddRange(((ListState)later)._values.Take(Limit - _values.Count));

    public FieldValue Result() => FieldValue.Multi(_values);
}

/// <summary><c>first(X)</c> / <c>last(X)</c>: the value of the first / last event in arrival order.</summary>
internal sealed class PositionState(bool first) : IAggregateState
{
    private FieldValue _value;

    public void Add(FieldValue value, double? time)
    {
        if (!value.IsNull && (!first || _value.IsNull))
        {
            _value = value;
        }
    }

    public void Merge(IAggregateState later)
    {
        var other = ((PositionState)later)._value;
        if (!other.IsNull && (!first || _value.IsNull))
        {
            _value = other;
        }
    }

    public FieldValue Result() => _value;
}

/// <summary>
/// <c>earliest(X)</c> / <c>latest(X)</c>: the value of the event with the smallest / largest <c>_time</c>;
/// <c>earliest_time</c> / <c>latest_time</c> output that time instead.
/// </summary>
internal sealed class TimeOrderState(bool earliest, bool outputTime) : IAggregateState
{
    private FieldValue _value;
    private double _time;

    public void Add(FieldValue value, double? time)
    {
        if (value.IsNull)
        {
            return;
        }

        var t = time ?? 0;
        if (_value.IsNull || (earliest ? t < _time : t >= _time))
        {
            _value = value;
            _time = t;
        }
    }

    public void Merge(IAggregateState later)
    {
        var other = (TimeOrderState)later;
        if (!other._value.IsNull)
        {
            Add(other._value, other._time);
        }
    }

    public FieldValue Result() => _value.IsNull ? FieldValue.Null : outputTime ? FieldValue.Of(_time) : _value;
}
