using Ferret.Engine.Functions;
using Ferret.Engine.Operators;
using Ferret.Engine.Values;
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

    public PartialAggregate NewPartial() => new(this);

    /// <summary>The group keys an event belongs to: one per combination of by-field values (a multivalue by field
    /// puts the event in one group per value), none when a by field is missing and there is no fill value.</summary>
    internal IEnumerable<Scalar[]> KeysOf(Event e)
    {
        if (ByFields.Count == 0)
        {
            yield return [];
            yield break;
        }

        var perField = new IReadOnlyList<Scalar>[ByFields.Count];
        for (var i = 0; i < ByFields.Count; i++)
        {
            var name = ByFields[i];
            var value = e[name];
            if (TimeSpan is { } span && name == FieldNames.Time && value.First.TryGetNumber(out var t))
            {
                value = FieldValue.Of(span.Floor(t));
            }

            if (value.IsNull)
            {
                if (FillNull is null)
                {
                    yield break;
                }

                value = FieldValue.Of(FillNull);
            }

            perField[i] = value.Values;
        }

        foreach (var combination in Cartesian(perField, 0))
        {
            yield return combination;
        }
    }

    private static IEnumerable<Scalar[]> Cartesian(IReadOnlyList<Scalar>[] perField, int index)
    {
        if (index == perField.Length)
        {
            yield return new Scalar[perField.Length];
            yield break;
        }

        foreach (var value in perField[index].Distinct())
        {
            foreach (var rest in Cartesian(perField, index + 1))
            {
                rest[index] = value;
                yield return rest;
            }
        }
    }
}

/// <summary>
/// The partial state of a grouped aggregation over a slice of events. Partials of consecutive slices merge; the merged
/// results equal the results over all the events at once.
/// </summary>
public sealed class PartialAggregate(GroupedAggregation plan)
{
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<Group> _order = [];

    public int GroupCount => _groups.Count;

    public void Add(Event e, EvalRuntime runtime)
    {
        var time = e.Time;
        FieldValue[]? inputs = null;
        foreach (var key in plan.KeysOf(e))
        {
            var group = GetGroup(key);
            inputs ??= plan.Aggregates.Select(a => a.Read(e, runtime)).ToArray();
            for (var i = 0; i < inputs.Length; i++)
            {
                group.States[i].Add(inputs[i], time);
            }
        }
    }

    public void Merge(PartialAggregate later)
    {
        foreach (var group in later._order)
        {
            var mine = GetGroup(group.Key);
            for (var i = 0; i < mine.States.Length; i++)
            {
                mine.States[i].Merge(group.States[i]);
            }
        }
    }

    /// <summary>The result rows, sorted by the by-field values; with no by fields and no events, one row (count 0).</summary>
    public IEnumerable<Event> Results(bool sorted = true)
    {
        if (_groups.Count == 0 && plan.ByFields.Count == 0)
        {
            GetGroup([]);
        }

        IEnumerable<Group> groups = _order;
        if (sorted && plan.ByFields.Count > 0)
        {
            groups = _order.Order(Comparer<Group>.Create(CompareKeys));
        }

        foreach (var group in groups)
        {
            yield return ToRow(group);
        }
    }

    /// <summary>The aggregate values for the group of <paramref name="e"/> (eventstats), or null when it has none.</summary>
    public Event? ResultFor(Event e)
    {
        foreach (var key in plan.KeysOf(e))
        {
            if (_groups.TryGetValue(KeyText(key), out var group))
            {
                return ToRow(group);
            }
        }

        return null;
    }

    private Event ToRow(Group group)
    {
        var row = new Event(plan.ByFields.Count + plan.Aggregates.Count);
        for (var i = 0; i < plan.ByFields.Count; i++)
        {
            row.Set(plan.ByFields[i], FieldValue.Of(group.Key[i]));
        }

        for (var i = 0; i < plan.Aggregates.Count; i++)
        {
            row.Set(plan.Aggregates[i].OutputName, group.States[i].Result());
        }

        return row;
    }

    private static int CompareKeys(Group a, Group b)
    {
        for (var i = 0; i < a.Key.Length; i++)
        {
            var c = ValueComparer.SortOrder(a.Key[i], b.Key[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private Group GetGroup(Scalar[] key)
    {
        var text = KeyText(key);
        if (!_groups.TryGetValue(text, out var group))
        {
            group = new Group((Scalar[])key.Clone(), plan.Aggregates.Select(a => a.Factory()).ToArray());
            _groups[text] = group;
            _order.Add(group);
        }

        return group;
    }

    private static string KeyText(Scalar[] key) => key.Length switch
    {
        0 => string.Empty,
        1 => key[0].ToString(),
        _ => string.Join('\u001f', key.Select(k => k.ToString())),
    };

    private sealed record Group(Scalar[] Key, IAggregateState[] States);
}
