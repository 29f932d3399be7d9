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
        EventTypes = [.. sources.SelectMany(s => s.EventTypes)];
    }

    public IReadOnlyList<CompiledSource> Sources { get; }

    public IReadOnlyList<FieldExtraction> Extractions { get; }

    public IReadOnlyList<FieldAlias> Aliases { get; }

    public IReadOnlyList<CompiledCalculatedField> CalculatedFields { get; }

    public IReadOnlyList<CompiledEventType> EventTypes { get; }

    public bool IsEmpty => Sources.Count == 0;
}
