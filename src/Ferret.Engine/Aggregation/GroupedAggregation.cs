using Ferret.Engine.Operators;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// The immutable description of a grouped aggregation (stats, eventstats, tstats, timechart, top): aggregates, by
/// fields, an optional <c>_time</c> span, and what a missing by field becomes (null drops the event: Search Reference,
/// "stats command": "events that do not have a value in a BY field are not included").
/// </summary>
public sealed class GroupedAggregation(
    IReadOnlyList<AggregateBinding> aggregates, IReadOnlyList<string> byFields, BinSpan? timeSpan = null, string? fillNull = null)
{
    public IReadOnlyList<AggregateBinding> Aggregates { get; } = aggregates;

    public IReadOnlyList<string> ByFields { get; } = byFields;

    public BinSpan? TimeSpan { get; } = timeSpan;

    public string? FillNull { get; } = fillNull;

    /// <summary>The command this aggregation belongs to, named when its groups reach their memory limit.</summary>
    public string Command { get; init; } = "stats";

    /// <summary>Whether an aggregate takes a wildcard field (its columns are discovered as events arrive).</summary>
    public bool HasWildcards { get; } = aggregates.Any(a => a.Wildcard is not null);

    /// <summary>Names a wildcard aggregate never writes: the by fields (the group's own value stays) and the output
    /// names of the aggregates written out in full.</summary>
    internal HashSet<string> ReservedNames { get; } =
        [.. byFields, .. aggregates.Where(a => a.Wildcard is null).Select(a => a.OutputName)];

    public PartialAggregate NewPartial() => new(this);

    /// <summary>A partial whose groups each keep their first <paramref name="samplesPerGroup"/> events.</summary>
    public PartialAggregate NewPartial(int samplesPerGroup) => new(this) { SamplesPerGroup = samplesPerGroup };

    /// <summary>Copies the aggregate fields of <paramref name="result"/> (a row of <see cref="PartialAggregate"/>) onto
    /// <paramref name="target"/> (eventstats, streamstats): a named aggregate without a value removes the field.</summary>
    public void CopyAggregates(Event result, Event target)
    {
        foreach (var aggregate in Aggregates)
        {
            if (aggregate.Wildcard is null)
            {
                target.Set(aggregate.OutputName, result[aggregate.OutputName]);
            }
        }

        if (!HasWildcards)
        {
            return;
        }

        foreach (var (name, value) in result.Fields)
        {
            if (!ReservedNames.Contains(name))
            {
                target.Set(name, value);
            }
        }
    }

    /// <summary>The group keys an event belongs to: one per combination of by-field values (a multivalue by field
    /// puts the event in one group per value), none when a by field is missing and there is no fill value.</summary>
    internal IEnumerable<Scalar[]> KeysOf(Event e)
    {
        if (ByFields.Count == 0)
        {
            return [[]];
        }

        var perField = new FieldValue[ByFields.Count];
        var allSingle = true;
        for (var i = 0; i < ByFields.Count; i++)
        {
            var value = ByValue(e, i);
            if (value.IsNull)
            {
                return [];
            }

            perField[i] = value;
            allSingle &= !value.IsMultivalue;
        }

        // Most events have one value per by field: their one key, without enumerating combinations.
        if (allSingle)
        {
            var key = new Scalar[perField.Length];
            for (var i = 0; i < key.Length; i++)
            {
                key[i] = perField[i].First;
            }

            return [key];
        }

        return Cartesian(perField, 0);
    }

    /// <summary>Writes the one group key of <paramref name="e"/> into <paramref name="key"/> (one slot per by field) when
    /// each by field has one value: 1. 0 when a by field is missing and there is no fill value (the event has no group);
    /// -1 when a by field has several values (<see cref="KeysOf"/> gives the combinations). The usual event has one
    /// key, found without the arrays and enumerator <see cref="KeysOf"/> makes.</summary>
    internal int SingleKey(Event e, Scalar[] key)
    {
        for (var i = 0; i < ByFields.Count; i++)
        {
            var value = ByValue(e, i);
            if (value.IsNull)
            {
                return 0;
            }

            if (value.IsMultivalue)
            {
                return -1;
            }

            key[i] = value.First;
        }

        return 1;
    }

    /// <summary>The value of the by field at <paramref name="index"/> that groups <paramref name="e"/>: <c>_time</c> floored
    /// to the span, a missing field filled, or null when it is missing and there is no fill value.</summary>
    private FieldValue ByValue(Event e, int index)
    {
        var name = ByFields[index];
        var value = e[name];
        if (TimeSpan is { } span && name == FieldNames.Time && value.First.TryGetNumber(out var t))
        {
            value = FieldValue.Of(span.Floor(t));
        }

        return value.IsNull && FillNull is not null ? FieldValue.Of(FillNull) : value;
    }

    private static IEnumerable<Scalar[]> Cartesian(FieldValue[] perField, int index)
    {
        if (index == perField.Length)
        {
            yield return new Scalar[perField.Length];
            yield break;
        }

        foreach (var value in perField[index].Values.Distinct())
        {
            foreach (var rest in Cartesian(perField, index + 1))
            {
                rest[index] = value;
                yield return rest;
            }
        }
    }
}
