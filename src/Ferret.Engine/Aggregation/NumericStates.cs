using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// sum, sumsq, avg, stdev, stdevp, var, varp over the numeric values (non-numeric values are ignored). Keeps count,
/// mean and the sum of squared deviations (Welford), which merge exactly (Chan et al.).
/// </summary>
internal sealed class MomentsState(MomentsState.Output output) : IAggregateState
{
    private long _count;
    private double _mean;
    private double _m2;
    private double _sum;
    private double _sumOfSquares;

    public enum Output
    {
        Sum,
        SumOfSquares,
        Mean,
        SampleStdev,
        PopulationStdev,
        SampleVariance,
        PopulationVariance,
    }

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            if (!v.TryGetNumber(out var x))
            {
                continue;
            }

            _count++;
            _sum += x;
            _sumOfSquares += x * x;
            var delta = x - _mean;
            _mean += delta / _count;
            _m2 += delta * (x - _mean);
        }
    }

    public void Merge(IAggregateState later)
    {
        var other = (MomentsState)later;
        if (other._count == 0)
        {
            return;
        }

        var total = _count + other._count;
        var delta = other._mean - _mean;
        _m2 += other._m2 + (delta * delta * _count * other._count / total);
        _mean += delta * other._count / total;
        _count = total;
        _sum += other._sum;
        _sumOfSquares += other._sumOfSquares;
    }

    public FieldValue Result()
    {
        if (_count == 0)
        {
            return FieldValue.Null;
        }

        var result = output switch
        {
            Output.Sum => _sum,
            Output.SumOfSquares => _sumOfSquares,
            Output.Mean => _sum / _count,
            Output.SampleStdev => _count > 1 ? Math.Sqrt(_m2 / (_count - 1)) : double.NaN,
            Output.PopulationStdev => Math.Sqrt(_m2 / _count),
            Output.SampleVariance => _count > 1 ? _m2 / (_count - 1) : double.NaN,
            Output.PopulationVariance => _m2 / _count,
            _ => double.NaN,
        };
        return double.IsNaN(result) ? FieldValue.Null : FieldValue.Of(result);
    }
}

/// <summary>
/// min/max: numbers compare as numbers ("1", "1.0" and "01" are one value), strings lexicographically, and a string ranks
/// above every number, as numbers sort before letters (Search Reference, "Aggregate functions", max and min; the eval
/// max/min rank them the same way): max is the largest string when there is one, min the smallest number.
/// </summary>
internal sealed class ExtremeState(int direction) : IAggregateState
{
    private Scalar _bestNumber;
    private double _bestNumberValue;
    private Scalar _bestString;

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            Offer(v);
        }
    }

    private void Offer(Scalar v)
    {
        if (v.TryGetNumber(out var x))
        {
            if (_bestNumber.IsNull || (x.CompareTo(_bestNumberValue) * direction) > 0)
            {
                _bestNumber = v;
                _bestNumberValue = x;
            }
        }
        else if (_bestString.IsNull || (ValueComparer.Lexicographic(v, _bestString) * direction) > 0)
        {
            _bestString = v;
        }
    }

    public void Merge(IAggregateState later)
    {
        var other = (ExtremeState)later;
        if (!other._bestNumber.IsNull)
        {
            Offer(other._bestNumber);
        }

        if (!other._bestString.IsNull)
        {
            Offer(other._bestString);
        }
    }

    public FieldValue Result()
    {
        var stringWins = direction > 0 ? !_bestString.IsNull : _bestNumber.IsNull;
        return FieldValue.Of(stringWins ? _bestString : _bestNumber);
    }
}

/// <summary><c>range(X)</c>: max minus min of the numeric values.</summary>
internal sealed class RangeState : IAggregateState
{
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            if (v.TryGetNumber(out var x))
            {
                _min = Math.Min(_min, x);
                _max = Math.Max(_max, x);
            }
        }
    }

    public void Merge(IAggregateState later)
    {
        var other = (RangeState)later;
        _min = Math.Min(_min, other._min);
        _max = Math.Max(_max, other._max);
    }

    public FieldValue Result() => double.IsInfinity(_min) ? FieldValue.Null : FieldValue.Of(_max - _min);
}

/// <summary>
/// median and percentiles over the numeric values, computed exactly (Splunk approximates perc for large inputs;
/// exact values are within its documented bounds). median of an even count is the upper middle value.
/// </summary>
internal sealed class PercentileState(double percent, PercentileState.Kind kind) : IAggregateState
{
    private readonly List<double> _values = [];

    public enum Kind
    {
        Approximate,
        Exact,
        Upper,
        Median,
    }

    public void Add(FieldValue value, double? time)
    {
        foreach (var v in value.Values)
        {
            if (v.TryGetNumber(out var x))
            {
                _values.Add(x);
            }
        }
    }

    public void Merge(IAggregateState later) => _values.AddRange(((PercentileState)later)._values);

    public FieldValue Result()
    {
        if (_values.Count == 0)
        {
            return FieldValue.Null;
        }

        var sorted = _values.Order().ToArray();
        if (kind == Kind.Median)
        {
            return FieldValue.Of(sorted[sorted.Length / 2]);
        }

        var rank = percent / 100 * (sorted.Length - 1);
        var lower = (int)Math.Floor(rank);
        var upper = (int)Math.Ceiling(rank);
        if (kind == Kind.Upper)
        {
            return FieldValue.Of(sorted[upper]);
        }

        return FieldValue.Of(sorted[lower] + ((sorted[upper] - sorted[lower]) * (rank - lower)));
    }
}
