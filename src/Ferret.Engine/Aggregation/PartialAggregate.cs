using Ferret.Engine.Functions;
using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// The partial state of a grouped aggregation over a slice of events. Partials of consecutive slices merge; the merged
/// results equal the results over all the events at once. Each aggregate is a column of state per group; an aggregate
/// over a wildcard field (PartialAggregate.Wildcards.cs) adds a column per matching field as the fields show up.
/// </summary>
public sealed partial class PartialAggregate
{
    private readonly GroupedAggregation plan;
    private readonly Dictionary<string, Group> _groups = new(StringComparer.Ordinal);
    private readonly List<Group> _order = [];
    private readonly Limits.GroupBudget _budget;

    /// <summary>The key of the event being added (its group copies it), the inputs of its aggregates and the text of a
    /// key of several fields: reused from event to event, as the partial belongs to one run.</summary>
    private readonly Scalar[] _key;
    private readonly FieldValue[] _inputs;
    private char[] _keyChars = new char[128];

    private const char KeySeparator = '\u001f';

    public PartialAggregate(GroupedAggregation plan)
    {
        this.plan = plan;
        _budget = new(plan.Command, "groups", "the events of other groups were not counted");
        _key = new Scalar[plan.ByFields.Count];
        _inputs = new FieldValue[plan.Aggregates.Count];
        for (var i = 0; i < plan.Aggregates.Count; i++)
        {
            _columns.Add(new Column(i, null));
        }
    }

    public int GroupCount => _groups.Count;

    public void Add(Event e, EvalRuntime runtime) => Add(e, runtime, sample: null, arrival: 0);

    private void Add(Event e, EvalRuntime runtime, Event? sample, long arrival)
    {
        var adding = new Adding(e, runtime, sample, arrival, e.Time);
        switch (plan.SingleKey(e, _key))
        {
            case 0:
                return;
            case > 0:
                AddTo(_key, ref adding);
                break;
            default:
                foreach (var key in plan.KeysOf(e))
                {
                    AddTo(key, ref adding);
                }

                break;
        }
    }

    /// <summary>Adds the event being added to the group of <paramref name="key"/>, reading its aggregate inputs (into
    /// <see cref="_inputs"/>) for its first group only.</summary>
    private void AddTo(Scalar[] key, ref Adding adding)
    {
        var runtime = adding.Runtime;
        if (GetGroup(key, runtime) is not { } group)
        {
            return;
        }

        if (adding.Sample is { } sample)
        {
            Sample(group, sample, adding.Arrival, runtime);
        }

        var inputs = _inputs;
        if (!adding.InputsRead)
        {
            adding.InputsRead = true;
            for (var i = 0; i < inputs.Length; i++)
            {
                inputs[i] = plan.Aggregates[i].Wildcard is null ? plan.Aggregates[i].Read(adding.Event, runtime) : default;
            }

            adding.Discovered = plan.HasWildcards ? WildcardInputs(adding.Event) : null;
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            group.States[i]?.Add(inputs[i], adding.Time);
            if (group.States[i] is ValuesState { Count: var count } values && count > runtime.Limits.MaxMvSize)
            {
                values.KeepFirst(runtime.Limits.MaxMvSize);
                runtime.ReportLimit("[ferret] max_mv_size", "values()", $"kept the first {runtime.Limits.MaxMvSize} distinct values of a group in sort order");
            }
        }

        if (adding.Discovered is { } discovered)
        {
            foreach (var (column, value) in discovered)
            {
                StateOf(group, column).Add(value, adding.Time);
            }
        }
    }

    public void Merge(PartialAggregate later)
    {
        var columnMap = later._columns.Select(c => c.Field is null ? c.Binding : ColumnFor(c.Binding, c.Field)).ToArray();
        foreach (var group in later._order)
        {
            var mine = GetGroup(group.Key);
            for (var i = 0; i < group.States.Count; i++)
            {
                if (group.States[i] is { } state)
                {
                    StateOf(mine, columnMap[i]).Merge(state);
                }
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

        var outputs = WildcardOutputs();
        foreach (var group in groups)
        {
            yield return ToRow(group, outputs);
        }
    }

    /// <summary>The aggregate values for the group of <paramref name="e"/> (eventstats), or null when it has none.</summary>
    public Event? ResultFor(Event e)
    {
        foreach (var key in plan.KeysOf(e))
        {
            if (_groups.TryGetValue(KeyText(key), out var group))
            {
                return ToRow(group, WildcardOutputs());
            }
        }

        return null;
    }

    private Event ToRow(Group group, List<(int Column, string Name)> wildcardOutputs)
    {
        var row = new Event(plan.ByFields.Count + plan.Aggregates.Count + wildcardOutputs.Count);
        for (var i = 0; i < plan.ByFields.Count; i++)
        {
            row.Set(plan.ByFields[i], FieldValue.Of(group.Key[i]));
        }

        for (var i = 0; i < plan.Aggregates.Count; i++)
        {
            if (group.States[i] is { } state)
            {
                row.Set(plan.Aggregates[i].OutputName, state.Result());
            }
        }

        foreach (var (column, name) in wildcardOutputs)
        {
            // A group none of whose events had the field reads as a fresh state (count 0, no values), as a named field would.
            var state = column < group.States.Count ? group.States[column] : null;
            row.Set(name, (state ?? plan.Aggregates[_columns[column].Binding].Factory()).Result());
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

    /// <summary>The state of <paramref name="column"/> in <paramref name="group"/>, made when the group first needs it.</summary>
    private IAggregateState StateOf(Group group, int column)
    {
        while (group.States.Count <= column)
        {
            group.States.Add(null);
        }

        return group.States[column] ??= plan.Aggregates[_columns[column].Binding].Factory();
    }

    /// <summary>What the event being added carries from one of its groups to the next: its inputs are read once.</summary>
    private record struct Adding(Event Event, EvalRuntime Runtime, Event? Sample, long Arrival, double? Time)
    {
        public bool InputsRead { get; set; }

        public List<(int Column, FieldValue Value)>? Discovered { get; set; }
    }

    private sealed record Group(Scalar[] Key, List<IAggregateState?> States)
    {
        /// <summary>The first events of the group with their arrival numbers (<see cref="SamplesPerGroup"/>), or null.</summary>
        public List<(long Arrival, Execution.HeldEvent Event)>? Samples { get; set; }
    }
}
