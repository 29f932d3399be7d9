using System.Text.RegularExpressions;
using Ferret.Knowledge.Definitions;
using YamlDotNet.RepresentationModel;

namespace Ferret.Knowledge.Loading;

/// <summary>Reads one source knowledge file (Data/sources/*.yml; format in docs/knowledge.md).</summary>
internal static class SourceKnowledgeReader
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    public static SourceKnowledge? Read(string file, string text, List<KnowledgeProblem> problems)
    {
        var yaml = new YamlNodes(file, problems);
        if (yaml.Parse(text) is not { } root)
        {
            return null;
        }

        var name = yaml.Text(root, "name", required: true);
        if (name is null)
        {
            return null;
        }

        var appliesTo = ReadMatchers(yaml, root);
        if (appliesTo.Count == 0)
        {
            yaml.Problem(root, $"'{name}': 'applies_to' names no source or sourcetype, so it would apply to nothing");
            return null;
        }

        var precedenceText = yaml.Text(root, "precedence") ?? "0";
        if (!int.TryParse(precedenceText, out var precedence))
        {
            yaml.Problem(root, $"'{name}': precedence '{precedenceText}' is not a whole number");
        }

        return new SourceKnowledge(
            name,
            yaml.Text(root, "description") ?? string.Empty,
            file,
            appliesTo,
            precedence,
            ReadExtractions(yaml, root),
            ReadAliases(yaml, root),
            ReadCalculated(yaml, root),
            ReadEventTypes(yaml, root));
    }

    private static List<SourceMatcher> ReadMatchers(YamlNodes yaml, YamlMappingNode root)
    {
        var matchers = new List<SourceMatcher>();
        foreach (var item in yaml.Items(root, "applies_to"))
        {
            if (item is not YamlMappingNode map)
            {
                yaml.Problem(item, "each item of 'applies_to' must be a mapping with 'source' and/or 'sourcetype'");
                continue;
            }

            var source = yaml.Text(map, "source");
            var sourceType = yaml.Text(map, "sourcetype");
            if (source is null && sourceType is null)
            {
                yaml.Problem(item, "an 'applies_to' item needs 'source' or 'sourcetype'");
                continue;
            }

            matchers.Add(new SourceMatcher(source, sourceType));
        }

        return matchers;
    }

    private static List<FieldExtraction> ReadExtractions(YamlNodes yaml, YamlMappingNode root)
    {
        var extractions = new List<FieldExtraction>();
        foreach (var item in yaml.Items(root, "extractions"))
        {
            if (item is not YamlMappingNode map || yaml.Text(map, "regex", required: true) is not { } pattern)
            {
                if (item is not YamlMappingNode)
                {
                    yaml.Problem(item, "each extraction must be a mapping with 'field' and 'regex'");
                }

                continue;
            }

            try
            {
                // Splunk's PCRE also accepts (?P<name>...); .NET spells it (?<name>...).
                var regex = new Regex(pattern.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, RegexTimeout);
                extractions.Add(new FieldExtraction(yaml.Text(map, "field") ?? "_raw", regex, yaml.Text(map, "all_matches") == "true"));
            }
            catch (ArgumentException ex)
            {
                yaml.Problem(item, $"extraction regex is not valid: {ex.Message}");
            }
        }

        return extractions;
    }

    private static List<FieldAlias> ReadAliases(YamlNodes yaml, YamlMappingNode root)
    {
        var aliases = new List<FieldAlias>();
        foreach (var item in yaml.Items(root, "aliases"))
        {
            if (item is YamlScalarNode { Value: { } text } && FieldAlias.TryParse(text) is { } alias)
            {
                aliases.Add(alias);
            }
            else
            {
                yaml.Problem(item, "an alias must read 'Original AS alias' or 'Original ASNEW alias'");
            }
        }

        return aliases;
    }

    private static List<CalculatedField> ReadCalculated(YamlNodes yaml, YamlMappingNode root)
    {
        var fields = new List<CalculatedField>();
        foreach (var (key, value) in yaml.Entries(root, "calculated"))
        {
            if (key is YamlScalarNode { Value: { Length: > 0 } field } && value is YamlScalarNode { Value: { Length: > 0 } expression })
            {
                fields.Add(new CalculatedField(field, expression));
            }
            else
            {
                yaml.Problem(key, "a calculated field must read 'field: eval expression'");
            }
        }

        return fields;
    }

    private static List<EventTypeDefinition> ReadEventTypes(YamlNodes yaml, YamlMappingNode root)
    {
        var eventTypes = new List<EventTypeDefinition>();
        foreach (var item in yaml.Items(root, "eventtypes"))
        {
            if (item is not YamlMappingNode map)
            {
                yaml.Problem(item, "each event type must be a mapping with 'name', 'search' and 'tags'");
                continue;
            }

            var name = yaml.Text(map, "name", required: true);
            var search = yaml.Text(map, "search", required: true);
            if (name is not null && search is not null)
            {
                eventTypes.Add(new EventTypeDefinition(name, search, yaml.Texts(map, "tags")));
            }
        }

        return eventTypes;
    }
}
