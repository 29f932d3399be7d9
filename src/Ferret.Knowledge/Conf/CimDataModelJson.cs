using System.Text.Json;
using Ferret.Knowledge.Definitions;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge.Conf;

/// <summary>
/// Reads a data model in Splunk's own JSON form (an app's <c>default/data/models/&lt;Model&gt;.json</c>, as the CIM app
/// ships them; Knowledge Manager Manual, "Design data models"): <c>modelName</c>, and <c>objects</c> each with
/// <c>objectName</c>, <c>parentName</c> (<c>BaseEvent</c> for a root), <c>constraints[].search</c>, <c>fields[]</c>
/// (<c>fieldName</c>, <c>owner</c>) and <c>calculations[]</c> (an <c>Eval</c> calculation's <c>expression</c> gives each
/// of its <c>outputFields</c>). A child inherits its parent's constraint and fields (see <see cref="DatasetDefinition"/>).
/// The fields every event has (<c>_time</c>, <c>host</c>, <c>source</c>, <c>sourcetype</c>: owner BaseEvent) are
/// projected anyway and left out. A calculation other than Eval (Lookup, Rex, GeoIP) is reported and left out.
/// </summary>
public static class CimDataModelJson
{
    private const string BaseEvent = "BaseEvent";

    public static DataModelDefinition? Read(string file, string text, ICollection<KnowledgeProblem> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            problems.Add(new KnowledgeProblem(file, (int)(error.LineNumber ?? 0) + 1, (int)(error.BytePositionInLine ?? 0) + 1, $"not a data model JSON: {error.Message}"));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (Text(root, "modelName") is not { } modelName || !root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new KnowledgeProblem(file, 1, 1, "a data model JSON needs 'modelName' and an 'objects' array"));
                return null;
            }

            var datasets = new List<DatasetDefinition>();
            foreach (var item in objects.EnumerateArray())
            {
                if (ReadObject(file, modelName, item, datasets, problems) is { } dataset)
                {
                    datasets.Add(dataset);
                }
            }

            return datasets.Count == 0 ? null : new DataModelDefinition(modelName, Text(root, "description") ?? string.Empty, file, datasets);
        }
    }

    private static DatasetDefinition? ReadObject(string file, string model, JsonElement item, List<DatasetDefinition> earlier, ICollection<KnowledgeProblem> problems)
    {
        if (Text(item, "objectName") is not { } name)
        {
            problems.Add(new KnowledgeProblem(file, 1, 1, $"data model '{model}': an object has no 'objectName'"));
            return null;
        }

        DatasetDefinition? parent = null;
        if (Text(item, "parentName") is { } parentName && parentName != BaseEvent && !parentName.StartsWith("Base", StringComparison.Ordinal))
        {
            parent = earlier.FirstOrDefault(d => d.Name == parentName);
            if (parent is null)
            {
                problems.Add(new KnowledgeProblem(file, 1, 1, $"data model '{model}': object '{name}' names parent '{parentName}', which is not defined before it"));
                return null;
            }
        }

        var constraint = string.Join(' ', Items(item, "constraints").Select(c => Text(c, "search")).Where(s => s is { Length: > 0 }).Select(s => $"({s})"));
        var fields = new Dictionary<string, DataModelField>(StringComparer.Ordinal);
        foreach (var field in Items(item, "fields"))
        {
            if (Text(field, "fieldName") is { } fieldName && Text(field, "owner") != BaseEvent)
            {
                fields[fieldName] = new DataModelField(fieldName, null);
            }
        }

        foreach (var calculation in Items(item, "calculations"))
        {
            var outputs = Items(calculation, "outputFields").Select(o => Text(o, "fieldName")).OfType<string>().ToList();
            if (Text(calculation, "calculationType") is "Eval" && Text(calculation, "expression") is { } expression)
            {
                foreach (var output in outputs)
                {
                    fields[output] = new DataModelField(output, expression);
                }
            }
            else
            {
                problems.Add(new KnowledgeProblem(file, 1, 1,
                    $"data model '{model}': object '{name}': a {Text(calculation, "calculationType") ?? "typeless"} calculation ({string.Join(", ", outputs)}) is not supported; only Eval"));
            }
        }

        return new DatasetDefinition(name, parent, constraint.Length == 0 ? "*" : constraint, [.. fields.Values]);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement.ArrayEnumerator Items(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : default;
}
