using Ferret.Content;
using Ferret.Detection.Notables;

namespace Ferret.Publishing;

/// <summary>
/// The annotations contentctl computes for a detection and writes to <c>action.correlationsearch.annotations</c>
/// (and, without analytic_story/confidence/impact/cve, to <c>action.escu.mappings</c>). Where the content does
/// not carry them (ESCU 4.x files do not), they are derived as contentctl derives them: CIS control 13 for the
/// network security domain and 10 otherwise; NIST DE.CM for TTP detections and DE.AE for the others; kill
/// chain phases from the ATT&amp;CK tactics of the techniques (contentctl's ATTACK_TACTICS_KILLCHAIN_MAPPING).
/// </summary>
public sealed record DetectionAnnotations(
    IReadOnlyList<string> AnalyticStories,
    IReadOnlyList<string> Cis20,
    int? Confidence,
    IReadOnlyList<string> Cve,
    int? Impact,
    IReadOnlyList<string> KillChainPhases,
    IReadOnlyList<string> MitreAttack,
    IReadOnlyList<string> Nist)
{
    private static readonly Dictionary<string, string> KillChainByTactic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Reconnaissance"] = "Reconnaissance",
        ["Resource Development"] = "Weaponization",
        ["Initial Access"] = "Delivery",
        ["Execution"] = "Installation",
        ["Persistence"] = "Installation",
        ["Privilege Escalation"] = "Exploitation",
        ["Defense Evasion"] = "Exploitation",
        ["Credential Access"] = "Exploitation",
        ["Discovery"] = "Exploitation",
        ["Lateral Movement"] = "Exploitation",
        ["Collection"] = "Exploitation",
        ["Command and Control"] = "Command and Control",
        ["Exfiltration"] = "Actions on Objectives",
        ["Impact"] = "Actions on Objectives",
    };

    public static DetectionAnnotations For(DetectionDefinition detection)
    {
        var tags = detection.Tags;
        var cis = tags.Cis20.Count > 0
            ? tags.Cis20
            : [string.Equals(tags.SecurityDomain, "network", StringComparison.OrdinalIgnoreCase) ? "CIS 13" : "CIS 10"];
        var nist = tags.Nist.Count > 0
            ? tags.Nist
            : [string.Equals(detection.Type, DetectionTypes.Ttp, StringComparison.OrdinalIgnoreCase) ? "DE.CM" : "DE.AE"];
        var killChain = tags.KillChainPhases.Count > 0 ? tags.KillChainPhases : KillChainOf(tags.MitreAttackIds);
        return new DetectionAnnotations(
            tags.AnalyticStories, cis, detection.Confidence, tags.Cve, detection.Impact, killChain, tags.MitreAttackIds, nist);
    }

    /// <summary>The phases of every known technique's tactics, sorted; unknown techniques add none.</summary>
    public static IReadOnlyList<string> KillChainOf(IEnumerable<string> techniqueIds) =>
        [.. techniqueIds
            .Select(AttackCatalog.Find)
            .OfType<AttackTechnique>()
            .SelectMany(t => t.Tactics)
            .Select(tactic => KillChainByTactic.GetValueOrDefault(tactic))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    /// <summary>action.escu.mappings: the framework mappings only, in contentctl's key order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Mappings()
    {
        var mappings = new List<KeyValuePair<string, object>>();
        AddIfAny(mappings, "cis20", Cis20);
        AddIfAny(mappings, "kill_chain_phases", KillChainPhases);
        AddIfAny(mappings, "mitre_attack", MitreAttack);
        AddIfAny(mappings, "nist", Nist);
        return mappings;
    }

    /// <summary>action.correlationsearch.annotations: the mappings plus stories, confidence, impact and CVEs, keys sorted.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> All()
    {
        var all = new List<KeyValuePair<string, object>>(Mappings()) { new("analytic_story", AnalyticStories) };
        if (Confidence is { } confidence)
        {
            all.Add(new("confidence", confidence));
        }

        if (Impact is { } impact)
        {
            all.Add(new("impact", impact));
        }

        AddIfAny(all, "cve", Cve);
        return [.. all.OrderBy(pair => pair.Key, StringComparer.Ordinal)];
    }

    private static void AddIfAny(List<KeyValuePair<string, object>> into, string key, IReadOnlyList<string> values)
    {
        if (values.Count > 0)
        {
            into.Add(new(key, values));
        }
    }
}
