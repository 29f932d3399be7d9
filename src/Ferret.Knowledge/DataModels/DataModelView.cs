using System.Diagnostics.CodeAnalysis;
using Ferret.Engine.DataModels;
using Ferret.Events;

namespace Ferret.Knowledge.DataModels;

/// <summary>
/// A dataset as a search sees it (<c>tstats from datamodel=Endpoint.Processes</c>): whether an event
/// belongs to it and, if so, the event with the dataset's fields named <c>Processes.process_name</c> etc.
/// A view over a whole model with several root datasets (<c>datamodel=Endpoint</c>) takes an event that
/// belongs to any root, with each root's fields under its own prefix. Fields the event lacks are absent;
/// <c>tstats</c> fills them with its <c>fillnull_value</c>. An event outside the view gets no projection at all (null):
/// every detection asks about every event it is routed, and most events are outside most datasets.
/// </summary>
public sealed class DataModelView : IDataModelView
{
    private readonly KnowledgeBase _knowledge;
    private readonly CompiledDataset[] _datasets;

    internal DataModelView(KnowledgeBase knowledge, string modelName, string datasetName, IReadOnlyList<CompiledDataset> datasets)
    {
        _knowledge = knowledge;
        ModelName = modelName;
        DatasetName = datasetName;
        _datasets = [.. datasets];
    }

    public string ModelName { get; }

    public string DatasetName { get; }

    /// <summary>The projected field names this view produces, e.g. <c>Processes.process_name</c>.</summary>
    public IReadOnlyList<string> FieldNames => [.. _datasets.SelectMany(d => d.Fields).Select(f => f.ProjectedName).Distinct(StringComparer.Ordinal)];

    public bool TryProject(Event raw, [MaybeNullWhen(false)] out Event projected)
    {
        var accelerated = _knowledge.Accelerated(raw);
        Event? result = null;
        foreach (var dataset in _datasets)
        {
            if (accelerated.ProjectionFor(dataset) is not { } projection)
            {
                continue;
            }

            if (result is null)
            {
                result = projection.Clone();
            }
            else
            {
                foreach (var (name, value) in projection.Fields)
                {
                    result.Set(name, value);
                }
            }
        }

        projected = result;
        return result is not null;
    }

    /// <summary>Whether the event belongs to any of the view's datasets; tests membership only (cached per event), builds no projection.</summary>
    public bool Contains(Event raw)
    {
        var accelerated = _knowledge.Accelerated(raw);
        foreach (var dataset in _datasets)
        {
            if (accelerated.BelongsTo(dataset))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Like <see cref="TryProject"/>, but a view of one dataset hands out the projection cached for the event
    /// itself, not a copy: read-only callers (tstats aggregating) skip a copy per event and detection.</summary>
    public bool TryProjectShared(Event raw, [MaybeNullWhen(false)] out Event projected)
    {
        if (_datasets.Length != 1)
        {
            return TryProject(raw, out projected);
        }

        projected = _knowledge.Accelerated(raw).ProjectionFor(_datasets[0]);
        return projected is not null;
    }

    public override string ToString() => $"{ModelName}.{DatasetName}";
}
