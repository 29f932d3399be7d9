using Ferret.Knowledge.Definitions;
using YamlDotNet.RepresentationModel;

namespace Ferret.Knowledge.Loading;

/// <summary>Reads one data model file (Data/datamodels/*.yml; format in docs/knowledge.md).</summary>
internal static class DataModelReader
{
    public static DataModelDefinition? Read(string file, string text, List<KnowledgeProblem> problems)
    {
        var yaml = new YamlNodes(file, problems);
        if (yaml.Parse(text) is not { } root || yaml.Text(root, "model", required: true) is not { } model)
        {
            return null;
        }

        var datasets = new List<DatasetDefinition>();
        foreach (var item in yaml.Items(root, "datasets"))
        {
            if (item is YamlMappingNode map && ReadDataset(yaml, map, datasets) is { } dataset)
            {
                datasets.Add(dataset);
            }
            else if (item is not YamlMappingNode)
            {
                yaml.Problem(item, "each dataset must be a mapping with 'name', 'constraint' and 'fields'");
            }
        }

        if (datasets.Count == 0)
        {
            yaml.Problem(root, $"data model '{model}' has no datasets");
            return null;
        }

        return new DataModelDefinition(model, yaml.Text(root, "reference") ?? string.Empty, file, datasets);
    }

    private static DatasetDefinition? ReadDataset(YamlNodes yaml, YamlMappingNode map, List<DatasetDefinition> earlier)
    {
        var name = yaml.Text(map, "name", required: true);
        var constraint = yaml.Text(map, "constraint", required: true);
        if (name is null || constraint is null)
        {
            return null;
        }

        DatasetDefinition? parent = null;
        if (yaml.Text(map, "parent") is { } parentName)
        {
            parent = earlier.FirstOrDefault(d => d.Name == parentName);
            if (parent is null)
            {
                yaml.Problem(map, $"dataset '{name}': parent '{parentName}' is not defined above it");
                return null;
            }
        }

        var fields = new List<DataModelField>();
        foreach (var item in yaml.Items(map, "fields"))
        {
            switch (item)
            {
                case YamlScalarNode { Value: { Length: > 0 } fieldName }:
                    fields.Add(new DataModelField(fieldName, null));
                    break;
                case YamlMappingNode fieldMap when yaml.Text(fieldMap, "name", required: true) is { } fieldName:
                    fields.Add(new DataModelField(fieldName, yaml.Text(fieldMap, "eval")));
                    break;
                default:
                    yaml.Problem(item, $"dataset '{name}': a field is a name, or a mapping with 'name' and 'eval'");
                    break;
            }
        }

        return new DatasetDefinition(name, parent, constraint, fields);
    }
}
