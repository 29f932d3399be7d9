using System.Buffers;
using Ferret.Events;

namespace Ferret.Knowledge.DataModels;

/// <summary>Builds the event a data model search sees: dataset-prefixed CIM fields plus the default fields.</summary>
internal static class DatasetProjection
{
    /// <summary>Default fields every dataset carries (Splunk Knowledge Manager Manual, "Design data models":
    /// BaseEvent's _time, host, source, sourcetype), plus index and _raw for <c>datamodel</c>/<c>from</c>.</summary>
    private static readonly string[] DefaultFields =
        [FieldNames.Time, FieldNames.Host, FieldNames.Source, FieldNames.SourceType, FieldNames.Index, FieldNames.Raw];

    /// <summary>The projection, sized to the fields the event has: a dataset declares many fields (Endpoint.Processes
    /// over sixty) and an event fills few of them, so the values are read first and only the present ones stored.</summary>
    public static Event Project(Event normalized, CompiledDataset dataset)
    {
        var fields = dataset.Fields;
        var values = ArrayPool<FieldValue>.Shared.Rent(fields.Length);
        try
        {
            var present = 0;
            for (var i = 0; i < fields.Length; i++)
            {
                values[i] = fields[i].ValueIn(normalized);
                present += values[i].IsNull ? 0 : 1;
            }

            var projected = new Event(present + DefaultFields.Length) { Origin = normalized.Origin };
            foreach (var name in DefaultFields)
            {
                projected.Set(name, normalized[name]);
            }

            for (var i = 0; i < fields.Length; i++)
            {
                projected.Set(fields[i].ProjectedName, values[i]);
            }

            return projected;
        }
        finally
        {
            ArrayPool<FieldValue>.Shared.Return(values, clearArray: true);
        }
    }
}
