using Ferret.Content;

namespace Ferret.Detection.Notables;

/// <summary>
/// The <c>annotations.*</c> fields ES writes on notable and risk events from a detection's tags:
/// ATT&amp;CK technique ids with their tactic and technique names, kill chain phases, NIST, CIS and CVE
/// identifiers, and the analytic stories.
/// </summary>
public sealed record Annotations(
    IReadOnlyList<string> MitreAttack,
    IReadOnlyList<string> MitreTactics,
    IReadOnlyList<string> MitreTechniques,
    IReadOnlyList<string> KillChainPhases,
    IReadOnlyList<string> Nist,
    IReadOnlyList<string> Cis20,
    IReadOnlyList<string> Cve,
    IReadOnlyList<string> AnalyticStories)
{
    public static Annotations From(DetectionDefinition detection)
    {
        var tags = detection.Tags;
        var tactics = new List<string>();
        var techniques = new List<string>();
        foreach (var id in tags.MitreAttackIds)
        {
            if (AttackCatalog.Find(id) is { } technique)
            {
                techniques.Add(technique.Name);
                tactics.AddRange(technique.Tactics);
            }
        }

        return new Annotations(
            tags.MitreAttackIds,
            [.. tactics.Distinct(StringComparer.Ordinal)],
            [.. techniques.Distinct(StringComparer.Ordinal)],
            tags.KillChainPhases,
            tags.Nist,
            tags.Cis20,
            tags.Cve,
            tags.AnalyticStories);
    }

    /// <summary>The tactics' ATT&amp;CK ids (<c>annotations.mitre_attack.mitre_tactic_id</c>), in the order of <see cref="MitreTactics"/>.</summary>
    public IReadOnlyList<string> MitreTacticIds => [.. MitreTactics.Select(AttackCatalog.TacticId).OfType<string>()];

    /// <summary>Every annotation value at once, as ES's <c>annotations._all</c>.</summary>
    public IReadOnlyList<string> All =>
        [.. MitreAttack.Concat(KillChainPhases).Concat(Nist).Concat(Cis20).Concat(Cve).Distinct(StringComparer.Ordinal)];
}
