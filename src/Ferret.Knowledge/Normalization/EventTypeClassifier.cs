using System.Collections.Concurrent;
using Ferret.Events;

namespace Ferret.Knowledge.Normalization;

/// <summary>What an event's matching event types give it: their names (<c>eventtype</c>) and their tags, each once.</summary>
internal readonly record struct EventTypeClassification(FieldValue Names, FieldValue Tags);

/// <summary>
/// Tests a rule set's event types on an event. The values for one combination of matching types are the same for every
/// event, so they are built once per combination and shared (field values are immutable): a hunt's events fall into a
/// handful of combinations, and building the lists for each event was a large share of normalization's allocations.
/// </summary>
internal sealed class EventTypeClassifier
{
    /// <summary>Past this many combinations (not seen in real content) the values are built per event, not kept.</summary>
    private const int MaxCachedCombinations = 4096;

    private readonly CompiledEventType[] _eventTypes;
    private readonly ConcurrentDictionary<ulong, EventTypeClassification>? _byMatches;

    public EventTypeClassifier(IEnumerable<CompiledEventType> eventTypes)
    {
        _eventTypes = [.. eventTypes];
        _byMatches = _eventTypes.Length <= 64 ? new ConcurrentDictionary<ulong, EventTypeClassification>() : null;
    }

    public int Count => _eventTypes.Length;

    public EventTypeClassification Classify(Event e)
    {
        if (_byMatches is null)
        {
            return Build([.. _eventTypes.Where(t => t.Matches(e))]);
        }

        var matches = 0UL;
        for (var i = 0; i < _eventTypes.Length; i++)
        {
            if (_eventTypes[i].Matches(e))
            {
                matches |= 1UL << i;
            }
        }

        if (_byMatches.TryGetValue(matches, out var known))
        {
            return known;
        }

        var built = Build([.. _eventTypes.Where((_, i) => (matches & (1UL << i)) != 0)]);
        if (_byMatches.Count < MaxCachedCombinations)
        {
            _byMatches.TryAdd(matches, built);
        }

        return built;
    }

    /// <summary>The names in definition order; the tags in order of first appearance, each once.</summary>
    private static EventTypeClassification Build(List<CompiledEventType> matching)
    {
        var tags = new List<string>();
        foreach (var eventType in matching)
        {
            foreach (var tag in eventType.Definition.Tags)
            {
                if (!tags.Contains(tag, StringComparer.Ordinal))
                {
                    tags.Add(tag);
                }
            }
        }

        return new EventTypeClassification(FieldValue.Multi(matching.Select(t => t.Definition.Name)), FieldValue.Multi(tags));
    }
}
