using System.Diagnostics.CodeAnalysis;
using Ferret.Events;

namespace Ferret.Engine.DataModels;

/// <summary>Resolves a CIM data model path ("Endpoint.Processes" or "Endpoint") to a view over raw events.</summary>
public interface IDataModelCatalog
{
    IDataModelView? Resolve(string path);
}

/// <summary>
/// One data model dataset as a view over raw events: <see cref="TryProject"/> returns false (and no event) when the event
/// is not in the dataset (its constraints fail), else the event with dataset-prefixed CIM fields ("Processes.process_name") plus
/// <c>_time</c>, <c>host</c>, <c>source</c>, <c>sourcetype</c>, <c>index</c>.
/// </summary>
public interface IDataModelView
{
    string ModelName { get; }

    string DatasetName { get; }

    bool TryProject(Event raw, [MaybeNullWhen(false)] out Event projected);

    /// <summary>Whether <paramref name="raw"/> belongs to the dataset, without building the projection a caller may change.</summary>
    bool Contains(Event raw) => TryProject(raw, out _);

    /// <summary>Like <see cref="TryProject"/>, but the projection may be shared with other readers (a view may cache it
    /// per event): the caller only reads it and never hands it on as a row that later commands may change.</summary>
    bool TryProjectShared(Event raw, [MaybeNullWhen(false)] out Event projected) => TryProject(raw, out projected);
}
