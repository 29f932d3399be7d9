using Ferret.Engine.DataModels;
using Ferret.Knowledge.Definitions;

namespace Ferret.Knowledge.DataModels;

/// <summary>
/// The CIM data models by name. <c>Resolve("Endpoint.Processes")</c> gives that dataset;
/// <c>Resolve("Authentication")</c> gives the model's root dataset (or all roots, for a model that has
/// several); <c>Resolve("Authentication.Failed_Authentication")</c> a child dataset, with its parents'
/// constraints and fields. Names compare without regard to case, as Splunk resolves them.
/// </summary>
public sealed class DataModelCatalog : IDataModelCatalog
{
    private readonly KnowledgeBase _knowledge;
    private readonly IReadOnlyList<DataModelDefinition> _models;
    private readonly IReadOnlyList<CompiledDataset> _datasets;

    internal DataModelCatalog(KnowledgeBase knowledge, IReadOnlyList<DataModelDefinition> models, IReadOnlyList<CompiledDataset> datasets)
    {
        _knowledge = knowledge;
        _models = models;
        _datasets = datasets;
    }

    public IReadOnlyList<DataModelDefinition> Models => _models;

    public IDataModelView? Resolve(string path) => ResolveView(path);

    /// <summary>Like <see cref="Resolve"/>, typed.</summary>
    public DataModelView? ResolveView(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var modelName = dot < 0 ? path : path[..dot];
        var model = _models.FirstOrDefault(m => string.Equals(m.Name, modelName, StringComparison.OrdinalIgnoreCase));
        if (model is null)
        {
            return null;
        }

        IReadOnlyList<CompiledDataset> datasets;
        string datasetName;
        if (dot < 0)
        {
            datasets = [.. _datasets.Where(d => d.ModelName == model.Name && d.Parent is null)];
            datasetName = datasets.Count == 1 ? datasets[0].Name : model.Name;
        }
        else
        {
            // "Change.All_Changes.Account_Management" names a child by its lineage; the last name decides.
            var last = path[(path.LastIndexOf('.') + 1)..];
            var dataset = _datasets.FirstOrDefault(d => d.ModelName == model.Name && string.Equals(d.Name, last, StringComparison.OrdinalIgnoreCase));
            if (dataset is null)
            {
                return null;
            }

            datasets = [dataset];
            datasetName = dataset.Name;
        }

        return datasets.Count == 0 ? null : new DataModelView(_knowledge, model.Name, datasetName, datasets);
    }
}
