using Ferret.Content.Yaml;
using Ferret.Events;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Detections;

/// <summary>
/// Reads one detection file in any of the three schema shapes into a <see cref="DetectionDefinition"/>.
/// A file that is not YAML, or lacks a name or a search, is reported and yields null.
/// </summary>
internal static partial class DetectionReader
{
    public static DetectionDefinition? Read(string path, bool underDeprecatedFolder, IProblemSink problems)
    {
        if (YamlFile.Load(path, problems, out var text) is not { } root)
        {
            return null;
        }

        if (root is not YamlMappingNode mapping)
        {
            problems.Report(new InputProblem(path, Where(root), "a detection file must be a YAML mapping (name:, search:, ...)"));
            return null;
        }

        return Read(mapping, text, path, underDeprecatedFolder, problems);
    }

    public static DetectionDefinition? Read(YamlMappingNode root, string text, string path, bool underDeprecatedFolder, IProblemSink problems)
    {
        var name = root.GetString("name");
        if (string.IsNullOrWhiteSpace(name))
        {
            problems.Report(new InputProblem(path, Where(root), "the detection has no name: skipped"));
            return null;
        }

        if (root.Get("search") is not YamlScalarNode searchNode || YamlNodeExtensions.Text(searchNode) is not { } search)
        {
            problems.Report(new InputProblem(path, Where(root), $"detection '{name}' has no search: skipped"));
            return null;
        }

        var tagsNode = root.GetMapping("tags");
        var rbaNode = root.GetMapping("rba");
        var schema = rbaNode is not null
            ? (tagsNode is null ? DetectionSchema.FlatTags : DetectionSchema.RbaV5)
            : (tagsNode is null ? DetectionSchema.FlatTags : DetectionSchema.TagsV4);
        var tagSource = tagsNode ?? root;
        var status = (root.GetString("status") ?? string.Empty).Trim().ToLowerInvariant();
        var (line, column) = SearchStart(searchNode, text);
        var risk = schema == DetectionSchema.TagsV4 ? ReadRiskV4(tagSource) : ReadRiskV5(rbaNode, tagSource);

        return new DetectionDefinition
        {
            Name = name.Trim(),
            Id = root.GetString("id") ?? string.Empty,
            Version = root.GetInt("version") ?? 0,
            Date = root.GetString("date") ?? string.Empty,
            Author = root.GetString("author") ?? string.Empty,
            Status = status,
            Type = root.GetString("type")?.Trim() ?? string.Empty,
            Description = Trimmed(root.GetString("description")),
            DataSources = root.Has("data_source") ? root.GetStrings("data_source") : root.GetStrings("data_sources"),
            Search = search,
            SearchLine = line,
            SearchColumn = column,
            SearchStyle = StyleOf(searchNode),
            HowToImplement = Trimmed(root.GetString("how_to_implement")),
            KnownFalsePositives = Trimmed(root.GetString("known_false_positives")),
            References = root.GetStrings("references"),
            Drilldowns = [.. root.GetMappings("drilldown_searches").Select(ReadDrilldown)],
            Tags = ReadTags(tagSource),
            RiskObjects = risk.RiskObjects,
            ThreatObjects = risk.ThreatObjects,
            RiskMessage = risk.Message,
            RiskScore = risk.Score,
            Impact = risk.Impact,
            Confidence = risk.Confidence,
            Tests = [.. root.GetMappings("tests").Select(ReadTest)],
            Schema = schema,
            FilePath = path,
            IsDeprecated = underDeprecatedFolder || status == "deprecated",
        };
    }

    private static Drilldown ReadDrilldown(YamlMappingNode node) => new(
        node.GetString("name") ?? string.Empty,
        node.GetString("search") ?? string.Empty,
        node.GetString("earliest_offset") ?? string.Empty,
        node.GetString("latest_offset") ?? string.Empty);

    private static DetectionTest ReadTest(YamlMappingNode node) => new(
        node.GetString("name") ?? string.Empty,
        node.GetString("type") ?? "unit",
        [.. node.GetMappings("attack_data").Select(data => new AttackData(
            data.GetString("data")?.Trim() ?? string.Empty,
            data.GetString("source"),
            data.GetString("sourcetype"),
            data.GetBool("update_timestamp")))]);

    private static string Trimmed(string? text) => text?.Trim() ?? string.Empty;

    internal static string Where(YamlNode node) => $"line {node.Start.Line}, column {node.Start.Column}";
}
