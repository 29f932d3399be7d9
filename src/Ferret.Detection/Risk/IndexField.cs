using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Risk;

/// <summary>One field ES writes on a notable or risk event: a value, or a list (written as a JSON array even with one
/// element, and left out when empty, as ES's summary indexing does).</summary>
internal readonly record struct IndexField(string Name, FieldValue Value, IReadOnlyList<string>? List = null)
{
    public static IndexField Of(string name, string value) => new(name, FieldValue.Of(value));

    public static IndexField Of(string name, double value) => new(name, FieldValue.Of(value));

    public static IndexField Of(string name, IReadOnlyList<string> values) => new(name, FieldValue.Multi(values), values);

    /// <summary>The <c>annotations.*</c> fields ES searches on: technique ids, names, tactics and their ids, and the rest of the tags.</summary>
    public static IEnumerable<IndexField> Annotations(Annotations annotations) =>
    [
        Of("annotations.mitre_attack", annotations.MitreAttack),
        Of("annotations.mitre_attack.mitre_technique_id", annotations.MitreAttack),
        Of("annotations.mitre_attack.mitre_technique", annotations.MitreTechniques),
        Of("annotations.mitre_attack.mitre_tactic", annotations.MitreTactics),
        Of("annotations.mitre_attack.mitre_tactic_id", annotations.MitreTacticIds),
        Of("annotations.kill_chain_phases", annotations.KillChainPhases),
        Of("annotations.nist", annotations.Nist),
        Of("annotations.cis20", annotations.Cis20),
        Of("annotations.cve", annotations.Cve),
        Of("annotations.analytic_story", annotations.AnalyticStories),
        Of("annotations._all", annotations.All),
    ];

    /// <summary>The search-time facts of the run that wrote the event (<c>info_min_time</c>, <c>info_max_time</c>, <c>info_search_time</c>).</summary>
    public static IEnumerable<IndexField> Window(RunWindow window)
    {
        if (window.EarliestTime is { } earliest)
        {
            yield return Of("info_min_time", Math.Round(earliest, 3));
        }

        if (window.LatestTime is { } latest)
        {
            yield return Of("info_max_time", Math.Round(latest, 3));
        }

        yield return Of("info_search_time", Math.Round(window.SearchTime, 3));
    }
}
