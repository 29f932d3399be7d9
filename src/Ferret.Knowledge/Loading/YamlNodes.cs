using YamlDotNet.RepresentationModel;

namespace Ferret.Knowledge.Loading;

/// <summary>Small helpers to read a YAML representation tree while recording problems with line and column.</summary>
internal sealed class YamlNodes(string file, List<KnowledgeProblem> problems)
{
    public string File { get; } = file;

    public void Problem(YamlNode node, string message) =>
        problems.Add(new KnowledgeProblem(File, (int)node.Start.Line, (int)node.Start.Column, message));

    public void Problem(string message) => problems.Add(new KnowledgeProblem(File, 1, 1, message));

    public static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? Text(YamlMappingNode mapping, string key, bool required = false)
    {
        var node = Child(mapping, key);
        switch (node)
        {
            case null:
                if (required)
                {
                    Problem(mapping, $"'{key}' is missing");
                }

                return null;
            case YamlScalarNode scalar:
                return scalar.Value;
            default:
                Problem(node, $"'{key}' must be a single value");
                return null;
        }
    }

    public IEnumerable<YamlNode> Items(YamlMappingNode mapping, string key)
    {
        var node = Child(mapping, key);
        switch (node)
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                return sequence.Children;
            case YamlScalarNode { Value: null or "" }:
                return [];
            default:
                Problem(node, $"'{key}' must be a list");
                return [];
        }
    }

    public IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode mapping, string key)
    {
        var node = Child(mapping, key);
        switch (node)
        {
            case null:
                return [];
            case YamlMappingNode map:
                return map.Children;
            case YamlScalarNode { Value: null or "" }:
                return [];
            default:
                Problem(node, $"'{key}' must be a mapping of name: value");
                return [];
        }
    }

    public IReadOnlyList<string> Texts(YamlMappingNode mapping, string key)
    {
        var texts = new List<string>();
        foreach (var item in Items(mapping, key))
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                texts.Add(value);
            }
            else
            {
                Problem(item, $"each item of '{key}' must be a single value");
            }
        }

        return texts;
    }

    /// <summary>Parses one YAML document; null (with a problem) when the text is not YAML or not a mapping.</summary>
    public YamlMappingNode? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            problems.Add(new KnowledgeProblem(File, (int)ex.Start.Line, (int)ex.Start.Column, $"not valid YAML: {ex.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Problem("expected a mapping at the top of the file");
            return null;
        }

        return root;
    }
}
