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

    /// <summary>How slowly <see cref="AddedFieldsHint"/> forgets a peak: by about 1/this of the gap per event below it. Slow,
    /// because a reader sizes an event with the hint of its time and normalization, some hundred events later, with
    /// its own: a hint that moved down in between costs nothing, one that moved up costs the table a copy.</summary>
    private const int PeakMemory = 1024;

    /// <summary>The peak kept in 1/256ths of a field, so that it can fall by less than one field per event.</summary>
    private const int PeakScale = 256;

    private int _scaledPeak;

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

    /// <summary>How many fields normalization adds to an event of these sources, as the one number every place that makes
    /// room for them uses (the Windows reader sizing a new event's table, an event normalized in place, a normalized
    /// copy): the peak of the recent events, followed at once when an event gets more and forgotten slowly when events
    /// get fewer, so that the table of nearly every event is made once at its final size (a table that grows while the
    /// event is normalized is copied at twice its size), while one unusual event does not size every later one. Capped.
    /// Read and written without a lock: a stale value only sizes one event less well.</summary>
    public int AddedFieldsHint => (Volatile.Read(ref _scaledPeak) + PeakScale - 1) / PeakScale;

    public void ObserveAddedFields(int added)
    {
        // A calculated field that comes to null removes a field the event had, so an event may end with fewer.
        var scaled = Math.Clamp(added, 0, MaxAddedFieldsHint) * PeakScale;
        var peak = Volatile.Read(ref _scaledPeak);
        Volatile.Write(ref _scaledPeak, scaled >= peak ? scaled : peak - ((peak - scaled) / PeakMemory));
    }

    public bool IsEmpty => Sources.Count == 0;
}
