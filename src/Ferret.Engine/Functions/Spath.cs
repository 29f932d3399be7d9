using System.Text.Json.Nodes;
using System.Xml;

namespace Ferret.Engine.Functions;

/// <summary>
/// Splunk's <c>spath</c> over JSON and XML (Search Reference, "spath command"): extract one path, or every leaf as
/// flattened paths (<c>a.b{}.c</c> for JSON arrays; <c>Event.System.EventID</c> and <c>tag{@attr}</c> for XML).
/// </summary>
public static class Spath
{
    /// <summary>The values at <paramref name="path"/> (several when the path crosses an array or repeated elements).</summary>
    public static IEnumerable<string> Extract(string text, string path)
    {
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            return ExtractAll(text).TryGetValue(path, out var values) ? values : [];
        }

        var root = FunctionLibrary.ParseJson(text);
        if (root is null)
        {
            return [];
        }

        return JsonPath.NavigateAll(root, JsonPath.Split(path, exact: false))
            .Select(FunctionLibrary.NodeText)
            .Where(v => v is not null)
            .Select(v => v!)
            .ToList();
    }

    /// <summary>Every leaf of the document as path → values, in document order.</summary>
    public static Dictionary<string, List<string>> ExtractAll(string text)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('<'))
        {
            ExtractXml(trimmed, result);
        }
        else if (FunctionLibrary.ParseJson(text) is { } root)
        {
            FlattenJson(root, string.Empty, result);
        }

        return result;
    }

    private static void Add(Dictionary<string, List<string>> result, string path, string value)
    {
        if (!result.TryGetValue(path, out var list))
        {
            list = [];
            result[path] = list;
        }

        list.Add(value);
    }

    private static void FlattenJson(JsonNode? node, string path, Dictionary<string, List<string>> result)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    FlattenJson(child, path.Length == 0 ? key : path + "." + key, result);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    FlattenJson(item, path + "{}", result);
                }

                break;
            case null:
                if (path.Length > 0)
                {
                    Add(result, path, "null");
                }

                break;
            default:
                if (path.Length > 0)
                {
                    Add(result, path, FunctionLibrary.NodeText(node) ?? string.Empty);
                }

                break;
        }
    }

    private static void ExtractXml(string text, Dictionary<string, List<string>> result)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, ConformanceLevel = ConformanceLevel.Fragment };
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var stack = new List<string>();
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        stack.Add(reader.LocalName);
                        var elementPath = string.Join('.', stack);
                        if (reader.HasAttributes)
                        {
                            while (reader.MoveToNextAttribute())
                            {
                                if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns")
                                {
                                    Add(result, $"{elementPath}{{@{reader.LocalName}}}", reader.Value);
                                }
                            }

                            reader.MoveToElement();
                        }

                        if (reader.IsEmptyElement)
                        {
                            stack.RemoveAt(stack.Count - 1);
                        }

                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        Add(result, string.Join('.', stack), reader.Value);
                        break;
                    case XmlNodeType.EndElement:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                }
            }
        }
        catch (XmlException)
        {
            // A truncated or malformed document yields the paths read before the error, as Splunk's spath does.
        }
    }
}
