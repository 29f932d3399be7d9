using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>Finding and making the group of a key: a text per key (its fields joined), looked up without making a
/// string unless the group is new.</summary>
public sealed partial class PartialAggregate
{
    private Group GetGroup(Scalar[] key) => GetGroup(key, null)!;

    /// <summary>The group of <paramref name="key"/>, made when new; null when a new group would pass the memory limit
    /// of the run (<paramref name="runtime"/>; reported once).</summary>
    private Group? GetGroup(Scalar[] key, EvalRuntime? runtime)
    {
        if (!TryFindGroup(key, out var group, out var text))
        {
            if (runtime is not null && !_budget.TryAdd(text.Length, (long)Limits.GroupBudget.StateBytes * plan.Aggregates.Count, runtime))
            {
                return null;
            }

            group = new Group((Scalar[])key.Clone(), NewStates());
            _groups[text] = group;
            _order.Add(group);
        }

        return group;
    }

    /// <summary>A new group's states, one per aggregate (null for a wildcard one, whose columns come as fields show up).
    /// A tstats by many fields makes a group for nearly every event, so this is a loop into a list of the right size.</summary>
    private List<IAggregateState?> NewStates()
    {
        var aggregates = plan.Aggregates;
        var states = new List<IAggregateState?>(aggregates.Count);
        for (var i = 0; i < aggregates.Count; i++)
        {
            states.Add(aggregates[i].Wildcard is null ? aggregates[i].Factory() : null);
        }

        return states;
    }

    /// <summary>Looks the group of <paramref name="key"/> up by its text written into a reused buffer, so a key of
    /// several fields or a number (<c>by _time span=...</c>) makes no string unless its group is new
    /// (<paramref name="text"/>; empty when found).</summary>
    private bool TryFindGroup(Scalar[] key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Group? group, out string text)
    {
        if (key.Length == 0 || (key.Length == 1 && !key[0].IsNumber))
        {
            text = KeyText(key);
            return _groups.TryGetValue(text, out group);
        }

        var length = 0;
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0)
            {
                EnsureKeyRoom(length + 1);
                _keyChars[length++] = KeySeparator;
            }

            int written;
            while (!key[i].TryFormat(_keyChars.AsSpan(length), out written))
            {
                EnsureKeyRoom(_keyChars.Length * 2);
            }

            length += written;
        }

        var keyText = _keyChars.AsSpan(0, length);
        if (_groups.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(keyText, out group))
        {
            text = string.Empty;
            return true;
        }

        text = keyText.ToString();
        return false;
    }

    private void EnsureKeyRoom(int needed)
    {
        if (needed > _keyChars.Length)
        {
            Array.Resize(ref _keyChars, Math.Max(needed, _keyChars.Length * 2));
        }
    }

    private static string KeyText(Scalar[] key) => key.Length switch
    {
        0 => string.Empty,
        1 => key[0].ToString(),
        _ => string.Join(KeySeparator, key.Select(k => k.ToString())),
    };
}
