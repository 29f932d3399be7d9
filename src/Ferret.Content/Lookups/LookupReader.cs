using System.Text.RegularExpressions;
using Ferret.Content.Yaml;
using Ferret.Events;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Lookups;

internal static partial class LookupReader
{
    public static LookupDefinition? Read(string path, IProblemSink problems)
    {
        if (YamlFile.LoadNamed(path, problems, "a lookup definition", out var name) is not { } mapping)
        {
            return null;
        }

        var filename = mapping.GetString("filename")?.Trim();
        string? fullPath = null;
        if (filename is not null)
        {
            var candidate = Path.Combine(Path.GetDirectoryName(path) ?? ".", filename);
            if (File.Exists(candidate))
            {
                fullPath = Path.GetFullPath(candidate);
            }
            else
            {
                problems.Report(new InputProblem(path, $"line {mapping.Get("filename")!.Start.Line}",
                    $"lookup '{name}' names file '{filename}', which is not in {Path.GetDirectoryName(path)}: searches that use it will fail"));
            }
        }

        var matchType = mapping.GetString("match_type")?.Trim();
        return new LookupDefinition
        {
            Name = name.Trim(),
            Description = mapping.GetString("description")?.Trim() ?? string.Empty,
            Filename = filename,
            FullPath = fullPath,
            Collection = mapping.GetString("collection")?.Trim(),
            CaseSensitiveMatch = mapping.GetBool("case_sensitive_match") ?? true,
            MatchType = matchType,
            MatchTypes = ParseMatchTypes(matchType),
            MinMatches = mapping.GetInt("min_matches"),
            MaxMatches = mapping.GetInt("max_matches"),
            DefaultMatch = mapping.GetString("default_match"),
            Filter = mapping.GetString("filter"),
            FieldsList = SplitFields(mapping.GetString("fields_list")),
            FilePath = path,
        };
    }

    /// <summary><c>WILDCARD(a),WILDCARD(b), CIDR(c)</c> → (WILDCARD, a), (WILDCARD, b), (CIDR, c).</summary>
    public static IReadOnlyList<LookupMatchType> ParseMatchTypes(string? matchType) =>
        matchType is null
            ? []
            : [.. MatchTypePattern().Matches(matchType).Select(m => new LookupMatchType(m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value.Trim()))];

    private static IReadOnlyList<string> SplitFields(string? fields) =>
        fields is null ? [] : [.. fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"([A-Za-z_]+)\s*\(\s*([^)]+)\)")]
    private static partial Regex MatchTypePattern();
}
