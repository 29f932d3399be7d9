using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Ferret.Events;

namespace Ferret.Knowledge.Normalization;

/// <summary>
/// Applies search-time knowledge to an event in Splunk's order (Knowledge Manager Manual, "The sequence of
/// search-time operations"): regex extractions, field aliases, calculated fields, event types, tags.
/// Calculated fields are evaluated side by side against the event as it is after aliasing, so one
/// calculated field never sees another's result (props.conf: "EVAL-* ... are processed in parallel").
/// Running it twice on the same event changes nothing: the normalizer remembers the events it has
/// normalized, because a calculated field may read a field that another one overwrites (Splunk allows it),
/// and a second pass would then read the calculated value instead of the raw one.
/// </summary>
internal sealed class Normalizer(IReadOnlyList<CompiledSource> sources, Action<Event> afterSources)
{
    public const string EventTypeField = "eventtype";
    public const string TagField = "tag";
    public const string EventTypeTagField = "tag::eventtype";

    private readonly ConcurrentDictionary<(string?, string?), SourceRuleSet> _ruleSets = new();
    private readonly ConditionalWeakTable<Event, object> _normalized = [];

    public SourceRuleSet RulesFor(string? source, string? sourceType) =>
        _ruleSets.GetOrAdd((source, sourceType), static (key, all) =>
        {
            var matching = all
                .Where(s => s.Definition.AppliesTo.Any(m => m.Matches(key.Item1, key.Item2)))
                .OrderBy(s => s.Definition.Precedence)
                .ToList();
            return matching.Count == 0 ? SourceRuleSet.Empty : new SourceRuleSet(matching);
        }, sources);

    public void Normalize(Event e)
    {
        var rules = RulesFor(e.Source, e.SourceType);
        if (!_normalized.TryAdd(e, rules))
        {
            return;
        }

        Apply(e, rules);
    }

    /// <summary>A normalized copy of <paramref name="raw"/> (the knowledge base's accelerated events, which it marks as
    /// normalized itself, so the copy is not remembered here). The copy is made with room for the fields normalization
    /// adds to events of its sources (aliases, some forty calculated fields, eventtype and tag), learnt from the events
    /// before it: a copy of the raw event's size would grow its table twice while being normalized.</summary>
    public Event NormalizedCopy(Event raw)
    {
        var rules = RulesFor(raw.Source, raw.SourceType);
        var copy = new Event(raw.FieldCount + rules.AddedFieldsHint) { Origin = raw.Origin };
        foreach (var (name, value) in raw.Fields)
        {
            copy.Set(name, value);
        }

        Apply(copy, rules);
        rules.ObserveAddedFields(copy.FieldCount - raw.FieldCount);
        return copy;
    }

    /// <summary>Normalizes <paramref name="e"/> in place, for an event its reader handed over and nobody else holds (a hunt's
    /// single pass): no copy of its fields. Room for about as many fields as normalization added to the events of its
    /// sources before it is reserved first (nothing is reallocated when the reader made the room already). Like the copy,
    /// it is not remembered here: the knowledge base marks it as normalized.</summary>
    public void NormalizeOwned(Event e)
    {
        var rules = RulesFor(e.Source, e.SourceType);
        var before = e.FieldCount;
        e.ReserveRoom(rules.TypicalAddedFields);
        Apply(e, rules);
        rules.ObserveAddedFields(e.FieldCount - before);
    }

    /// <summary>The YAML source knowledge first, then the apps' .conf knowledge (<paramref name="afterSources"/>).</summary>
    private void Apply(Event e, SourceRuleSet rules)
    {
        if (!rules.IsEmpty)
        {
            Extract(e, rules);
            Alias(e, rules);
            Calculate(e, rules);
            Classify(e, rules);
        }

        afterSources(e);
    }

    private static void Extract(Event e, SourceRuleSet rules)
    {
        foreach (var extraction in rules.Extractions)
        {
            if (e[extraction.SourceField].Text is not { } text)
            {
                continue;
            }

            try
            {
                var all = extraction.AllMatches ? extraction.Pattern.Matches(text) : null;
                var first = all is null ? extraction.Pattern.Match(text) : null;
                var names = extraction.FieldNames;
                for (var i = 0; i < names.Count; i++)
                {
                    if (!e.Has(names[i]))
                    {
                        e.Set(names[i], all is null ? GroupValue(first!, names[i]) : GroupValues(all, names[i]));
                    }
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological value: the fields of this extraction stay absent, the rest of the event is still normalized.
            }
        }
    }

    private static FieldValue GroupValue(Match match, string group) =>
        match.Success && match.Groups[group] is { Success: true } captured ? captured.Value : FieldValue.Null;

    private static FieldValue GroupValues(MatchCollection matches, string group)
    {
        var values = new List<string>();
        foreach (Match match in matches)
        {
            if (match.Success && match.Groups[group] is { Success: true } captured)
            {
                values.Add(captured.Value);
            }
        }

        return FieldValue.Multi(values);
    }

    private static void Alias(Event e, SourceRuleSet rules)
    {
        foreach (var alias in rules.Aliases)
        {
            var value = e[alias.Original];
            if (value.IsNull || (alias.OnlyWhenNew && e.Has(alias.Alias)))
            {
                continue;
            }

            e.Set(alias.Alias, value);
        }
    }

    private static void Calculate(Event e, SourceRuleSet rules)
    {
        CalculateSideBySide(e, rules.CalculatedFields);
    }

    /// <summary>Evaluates every calculated field against the event as it is, then sets them all: one never sees another's
    /// result. The results wait in a pooled buffer, not an array per event.</summary>
    public static void CalculateSideBySide(Event e, IReadOnlyList<CompiledCalculatedField> fields)
    {
        if (fields.Count == 0)
        {
            return;
        }

        var results = ArrayPool<FieldValue>.Shared.Rent(fields.Count);
        try
        {
            for (var i = 0; i < fields.Count; i++)
            {
                results[i] = fields[i].Evaluate(e);
            }

            for (var i = 0; i < fields.Count; i++)
            {
                e.Set(fields[i].Field, results[i]);
            }
        }
        finally
        {
            ArrayPool<FieldValue>.Shared.Return(results, clearArray: true);
        }
    }

    private static void Classify(Event e, SourceRuleSet rules)
    {
        if (rules.EventTypes.Count == 0)
        {
            return;
        }

        var classification = rules.EventTypes.Classify(e);
        e.Set(EventTypeField, classification.Names);
        e.Set(TagField, classification.Tags);
        e.Set(EventTypeTagField, classification.Tags);
    }
}
