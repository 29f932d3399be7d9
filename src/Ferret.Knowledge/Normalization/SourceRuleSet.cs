using Ferret.Events;
using Ferret.Knowledge.Definitions;

namespace Ferret.Knowledge.Normalization;

/// <summary>
/// Everything that applies to events of one (source, sourcetype) pair, merged in precedence order:
/// extractions and aliases run in that order, and when two sources calculate the same field the one of
/// higher precedence wins, as the more specific props.conf stanza does in Splunk (source:: over sourcetype).
/// </summary>
internal sealed class SourceRuleSet
{
    /// <summary>At most this many fields are reserved ahead for normalization to add: a hint, not a limit.</summary>
    private const int MaxAddedFieldsHint = 128;

    /// <summary>How much one event moves <see cref="TypicalAddedFields"/>: a mean over about the last this many events.</summary>
    private const int TypicalWeight = 8;

    private int _addedFieldsHint;

    private int _typicalAddedFields;

    public static SourceRuleSet Empty { get; } = new([]);

    public SourceRuleSet(IReadOnlyList<CompiledSource> sources)
    {
        Sources = sources;
        Extractions = [.. sources.SelectMany(s => s.Definition.Extractions)];
        Aliases = [.. sources.SelectMany(s => s.Definition.Aliases)];
        var calculated = new Dictionary<string, CompiledCalculatedField>(StringComparer.Ordinal);
        foreach (var field in sources.SelectMany(s => s.CalculatedFields))
        {
            calculated[field.Field] = field;
        }

        CalculatedFields = [.. calculated.Values];
        EventTypes = new EventTypeClassifier(sources.SelectMany(s => s.EventTypes));
    }

    public IReadOnlyList<CompiledSource> Sources { get; }

    public FieldExtraction[] Extractions { get; }

    public FieldAlias[] Aliases { get; }

    public CompiledCalculatedField[] CalculatedFields { get; }

    public EventTypeClassifier EventTypes { get; }

    /// <summary>How many fields normalization has added to one event of these sources at most so far (capped), for
    /// sizing the next event's copy. Read and written without a lock: a stale value only sizes one copy less well.</summary>
    public int AddedFieldsHint => Volatile.Read(ref _addedFieldsHint);

    /// <summary>About how many fields normalization adds to one event of these sources (a running mean of the events
    /// before it, capped): room for an event normalized in place, whose table may already have room of its own, so
    /// that the events that get the most fields do not make every event's table grow. Read and written without a
    /// lock: a stale value only sizes one event less well.</summary>
    public int TypicalAddedFields => Volatile.Read(ref _typicalAddedFields);

    public void ObserveAddedFields(int added)
    {
        // A calculated field that comes to null removes a field the event had, so an event may end with fewer.
        var capped = Math.Clamp(added, 0, MaxAddedFieldsHint);
        if (capped > Volatile.Read(ref _addedFieldsHint))
        {
            Volatile.Write(ref _addedFieldsHint, capped);
        }

        var typical = Volatile.Read(ref _typicalAddedFields);
        Volatile.Write(ref _typicalAddedFields, typical + ((capped - typical) / TypicalWeight));
    }

    public bool IsEmpty => Sources.Count == 0;
}
