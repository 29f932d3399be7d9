using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// <c>allnum=true</c> of stats, eventstats and streamstats (Search Reference, "eventstats command": numerical statistics
/// are computed for a field only when all of its values are numbers): wraps a numerical function's state and gives no
/// result for a group in which the field had a value that is not a number. Events without the field do not count.
/// </summary>
internal sealed class AllNumState(IAggregateState inner) : IAggregateState
{
    private static readonly HashSet<string> NumericalFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "avg", "mean", "sum", "sumsq", "min", "max", "range", "median", "stdev", "stdevp", "var", "varp",
    };

    /// <summary>Whether <paramref name="function"/>'s answer is a number computed from the values (avg, sum, a
    /// percentile...), not a count, a list or a chosen value.</summary>
    public static bool IsNumerical(string function) =>
        NumericalFunctions.Contains(function)
        || (function.Length > 1 && char.IsAsciiDigit(function[^1]) && (function.StartsWith('p') || function.StartsWith("exactperc", StringComparison.OrdinalIgnoreCase) || function.StartsWith("upperperc", StringComparison.OrdinalIgnoreCase)));

    private bool _sawText;

    public void Add(FieldValue value, double? time)
    {
        foreach (var item in value.Values)
        {
            _sawText |= !item.TryGetNumber(out _);
        }

        inner.Add(value, time);
    }

    public void Merge(IAggregateState later)
    {
        var other = (AllNumState)later;
        _sawText |= other._sawText;
        inner.Merge(other.InnerState);
    }

    public FieldValue Result() => _sawText ? FieldValue.Null : inner.Result();

    private IAggregateState InnerState => inner;
}
