using Ferret.Events;

namespace Ferret.Engine.DataModels;

/// <summary>Resolves a CIM data model path ("Endpoint.Processes" or "Endpoint") to a view over raw events.</summary>
public interface IDataModelCatalog
{
    IDataModelView? Resolve(string path);
}

/// <summary>
/// One data model dataset as a view over raw events: <see cref="TryProject"/> returns false when the event is not in
/// the dataset (its constraints fail), else the event with dataset-prefixed CIM fields ("Processes.process_name") plus
/// <c>_time</c>, <c>host</c>, <c>source</c>, <c>sourcetype</c>, <c>index</c>.
/// </summary>
public interface IDataModelView
{
    string ModelName { get; }

    string DatasetName { get; }

    bool TryProject(Event raw, out Event projected);
}
