using Ferret.Events;

namespace Ferret.Knowledge.DataModels;

/// <summary>Builds the event a data model search sees: dataset-prefixed CIM fields plus the default fields.</summary>
internal static class DatasetProjection
{
    /// <summary>Default fields every dataset carries (Splunk Knowledge Manager Manual, "Design data models":
    /// BaseEvent's _time, host, source, sourcetype), plus index and _raw for <c>datamodel</c>/<c>from</c>.</summary>
    private static readonly string[] DefaultFields =
        [FieldNames.Time, FieldNames.Host, FieldNames.Source, FieldNames.SourceType, FieldNames.Index, FieldNames.Raw];

    public static Event Project(Event normalized, CompiledDataset dataset)
    {
        var projected = new Event(dataset.Fields.Count + DefaultFields.Length) { Origin = normalized.Origin };
        foreach (var name in DefaultFields)
        {
            projected.Set(name, normalized[name]);
        }

        foreach (var field in dataset.Fields)
        {
            projected.Set(field.ProjectedName, field.ValueIn(normalized));
        }

        return projected;
    }
}
