using Ferret.Content.Yaml;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Detections;

internal static partial class DetectionReader
{
    /// <summary>Tag keys with a typed home; the rest of <c>tags:</c> lands in <see cref="DetectionTags.Other"/>.
    /// In the 2026 shape these keys are top-level, beside keys that are not tags at all.</summary>
    private static readonly HashSet<string> KnownTagKeys =
    [
        "analytic_story", "asset_type", "mitre_attack_id", "product", "security_domain", "cis20", "nist",
        "kill_chain_phases", "cve", "required_fields", "atomic_guid", "group", "manual_test",
        "impact", "confidence", "message", "observable", "risk_score",
    ];

    private static readonly HashSet<string> DetectionKeys =
    [
        "name", "id", "version", "date", "author", "status", "type", "description", "data_source", "data_sources",
        "search", "how_to_implement", "known_false_positives", "references", "drilldown_searches", "tags", "rba",
        "tests", "datamodel", "deployment",
    ];

    private static DetectionTags ReadTags(YamlMappingNode source)
    {
        var isTopLevel = source.Has("search");
        var other = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in source.Entries())
        {
            if (!KnownTagKeys.Contains(key) && !(isTopLevel && DetectionKeys.Contains(key)))
            {
                other[key] = value.Flatten();
            }
        }

        return new DetectionTags
        {
            AnalyticStories = source.GetStrings("analytic_story"),
            AssetType = source.GetString("asset_type") ?? string.Empty,
            MitreAttackIds = source.GetStrings("mitre_attack_id"),
            Products = source.GetStrings("product"),
            SecurityDomain = source.GetString("security_domain") ?? string.Empty,
            Cis20 = source.GetStrings("cis20"),
            Nist = source.GetStrings("nist"),
            KillChainPhases = source.GetStrings("kill_chain_phases"),
            Cve = source.GetStrings("cve"),
            RequiredFields = source.GetStrings("required_fields"),
            AtomicGuids = source.GetStrings("atomic_guid"),
            Groups = source.GetStrings("group"),
            ManualTest = source.GetString("manual_test"),
            Other = other,
        };
    }
}
