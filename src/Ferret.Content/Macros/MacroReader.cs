using Ferret.Content.Yaml;
using Ferret.Events;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Macros;

/// <summary>
/// Reads macros: one per file in <c>macros/*.yml</c> (<c>name</c>, <c>arguments</c>, <c>definition</c>,
/// <c>description</c>), or a list of the same mappings in an overrides file.
/// </summary>
internal static class MacroReader
{
    public static IEnumerable<ContentMacro> ReadFile(string path, MacroOrigin origin, IProblemSink problems) =>
        YamlFile.Load(path, problems) is { } root ? ReadNode(root, path, origin, problems) : [];

    public static IEnumerable<ContentMacro> ReadText(string text, string path, MacroOrigin origin, IProblemSink problems) =>
        YamlFile.Parse(text, path, problems) is { } root ? ReadNode(root, path, origin, problems) : [];

    private static IEnumerable<ContentMacro> ReadNode(YamlNode root, string path, MacroOrigin origin, IProblemSink problems)
    {
        var mappings = root switch
        {
            YamlMappingNode single => [single],
            YamlSequenceNode list => list.Children.OfType<YamlMappingNode>().ToList(),
            _ => [],
        };
        if (mappings.Count == 0)
        {
            problems.Report(new InputProblem(path, DetectionWhere(root), "expected a macro mapping (name:, definition:) or a list of them"));
        }

        foreach (var mapping in mappings)
        {
            var name = mapping.GetString("name")?.Trim();
            var definition = mapping.GetString("definition");
            if (string.IsNullOrEmpty(name) || definition is null)
            {
                problems.Report(new InputProblem(path, DetectionWhere(mapping), "a macro needs a name and a definition: skipped"));
                continue;
            }

            yield return new ContentMacro(
                StripArity(name),
                mapping.GetStrings("arguments"),
                definition.Trim(),
                mapping.GetString("description")?.Trim() ?? string.Empty,
                origin,
                path);
        }
    }

    /// <summary>An overrides file may name a macro as macros.conf does, <c>name(2)</c>; the bare name is the key.</summary>
    private static string StripArity(string name)
    {
        var open = name.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && name.EndsWith(')') ? name[..open] : name;
    }

    private static string DetectionWhere(YamlNode node) => $"line {node.Start.Line}, column {node.Start.Column}";
}
