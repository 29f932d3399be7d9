using Ferret.Events;
using Ferret.Knowledge.Definitions;

namespace Ferret.Knowledge.DataModels;

/// <summary>
/// A dataset ready to test and project events: its constraint compiled, its fields (own and inherited)
/// with their projected names, and its position among all datasets so per-event results fit in an array.
/// </summary>
internal sealed class CompiledDataset
{
    public CompiledDataset(int ordinal, string modelName, DatasetDefinition definition, CompiledDataset? parent,
        Func<Event, bool> constraint, IReadOnlyList<ProjectedField> ownFields)
    {
        Ordinal = ordinal;
        ModelName = modelName;
        Definition = definition;
        Parent = parent;
        Constraint = constraint;
        Fields = parent is null ? [.. ownFields] : [.. parent.Fields, .. ownFields];
    }

    public int Ordinal { get; }

    public string ModelName { get; }

    public DatasetDefinition Definition { get; }

    public CompiledDataset? Parent { get; }

    public Func<Event, bool> Constraint { get; }

    /// <summary>Every field of the dataset, inherited ones first, each with its dataset-prefixed name.</summary>
    public ProjectedField[] Fields { get; }

    public string Name => Definition.Name;
}

/// <summary>One field of a dataset: <paramref name="ProjectedName"/> is what tstats sees, e.g.
/// <c>Processes.process_name</c>; the value is the event's <paramref name="SourceName"/> unless the data
/// model calculates it (<paramref name="Calculate"/>).</summary>
internal sealed record ProjectedField(string ProjectedName, string SourceName, Func<Event, FieldValue>? Calculate)
{
    public FieldValue ValueIn(Event normalized) => Calculate is null ? normalized[SourceName] : Calculate(normalized);
}
