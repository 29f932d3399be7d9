namespace Ferret.Knowledge.Definitions;

/// <summary>A CIM data model: its name and its datasets, parents before children.</summary>
public sealed record DataModelDefinition(string Name, string Reference, string ResourceName, IReadOnlyList<DatasetDefinition> Datasets)
{
    public IEnumerable<DatasetDefinition> Roots => Datasets.Where(d => d.Parent is null);

    public DatasetDefinition? Find(string datasetName) =>
        Datasets.FirstOrDefault(d => string.Equals(d.Name, datasetName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// A dataset (data model object). An event belongs to it when it satisfies its constraint and every
/// ancestor's; it has its own fields plus every ancestor's (Splunk Knowledge Manager Manual, "Design data
/// models": child datasets inherit constraints and fields).
/// </summary>
public sealed record DatasetDefinition(string Name, DatasetDefinition? Parent, string Constraint, IReadOnlyList<DataModelField> Fields)
{
    /// <summary>The dataset names from the root down to this one, e.g. <c>All_Changes.Account_Management</c>,
    /// the prefix that names this dataset's own fields in <c>tstats</c> and <c>datamodel</c> results.</summary>
    public string Lineage => Parent is null ? Name : $"{Parent.Lineage}.{Name}";

    public IEnumerable<DatasetDefinition> SelfAndAncestors
    {
        get
        {
            for (var d = this; d is not null; d = d.Parent)
            {
                yield return d;
            }
        }
    }
}

/// <summary>A dataset field: copied from the event field of the same name, or calculated by the data model.</summary>
public sealed record DataModelField(string Name, string? Expression);
