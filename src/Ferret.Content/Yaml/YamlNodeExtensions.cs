using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Yaml;

/// <summary>Typed, forgiving reads of mapping entries: a missing key or a value of the wrong shape reads as absent.</summary>
internal static class YamlNodeExtensions
{
    public static YamlNode? Get(this YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static bool Has(this YamlMappingNode mapping, string key) => mapping.Get(key) is not null;

    public static string? GetString(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlScalarNode scalar ? Text(scalar) : null;

    public static int? GetInt(this YamlMappingNode mapping, string key) =>
        mapping.GetString(key) is { } text
        && double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? (int)Math.Round(number)
            : null;

    public static bool? GetBool(this YamlMappingNode mapping, string key) =>
        mapping.GetString(key)?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "1" => true,
            "false" or "no" or "0" => false,
            _ => null,
        };

    /// <summary>A list of strings; a single scalar reads as a one-item list, as contentctl accepts both.</summary>
    public static IReadOnlyList<string> GetStrings(this YamlMappingNode mapping, string key) => mapping.Get(key) switch
    {
        YamlSequenceNode sequence => [.. sequence.Children.OfType<YamlScalarNode>().Select(Text).OfType<string>()],
        YamlScalarNode scalar when Text(scalar) is { Length: > 0 } value => [value],
        _ => [],
    };

    public static IEnumerable<YamlMappingNode> GetMappings(this YamlMappingNode mapping, string key) =>
        mapping.Get(key) is YamlSequenceNode sequence ? sequence.Children.OfType<YamlMappingNode>() : [];

    public static YamlMappingNode? GetMapping(this YamlMappingNode mapping, string key) => mapping.Get(key) as YamlMappingNode;

    public static IEnumerable<(string Key, YamlNode Value)> Entries(this YamlMappingNode mapping) =>
        mapping.Children
            .Where(entry => entry.Key is YamlScalarNode { Value: not null })
            .Select(entry => (((YamlScalarNode)entry.Key).Value!, entry.Value));

    /// <summary>The text of any node for "other" tags: scalars as they are, sequences joined by ", ".</summary>
    public static string Flatten(this YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => string.Join(", ", sequence.Children.Select(Flatten)),
        YamlMappingNode map => string.Join(", ", map.Entries().Select(e => $"{e.Key}: {e.Value.Flatten()}")),
        _ => string.Empty,
    };

    /// <summary>A scalar's text; an unquoted <c>~</c>, <c>null</c> or empty value is YAML's null.</summary>
    public static string? Text(YamlScalarNode scalar) =>
        scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL"
            ? null
            : scalar.Value;
}
