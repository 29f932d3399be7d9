using System.Text.RegularExpressions;
using Ferret.Content;
using Ferret.Detection.Notables;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Which detections a hunt runs, as a responder narrows it: names or globs to keep and to exclude, detection types,
/// analytic stories, tags, and the lowest level worth reporting. Every list is "any of"; the lists combine with "and".
/// Names, stories and tags match case-insensitively with the globs <c>*</c> and <c>?</c>.
/// </summary>
public sealed record DetectionFilter
{
    /// <summary>Keep detections whose name, file name or path matches one of these (empty: all).</summary>
    public IReadOnlyList<string> Patterns { get; init; } = [];

    /// <summary>Drop detections whose name, file name or path matches one of these.</summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];

    /// <summary>Keep detections of these types (TTP, Anomaly, Hunting, Correlation).</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>Keep detections in one of these analytic stories.</summary>
    public IReadOnlyList<string> Stories { get; init; } = [];

    /// <summary>Keep detections with one of these tag values: an ATT&amp;CK technique id (a technique also matches its
    /// sub-techniques), tactic or technique name, product, security domain, asset type, kill chain phase, CIS, NIST, CVE
    /// or analytic story.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Keep detections whose findings rank at least this level (<see cref="FindingLevels"/>).</summary>
    public FindingLevel? MinLevel { get; init; }

    public bool Accepts(DetectionDefinition detection) =>
        (Patterns.Count == 0 || Patterns.Any(p => DetectionSelection.Matches(Glob(p), detection)))
        && !Excludes.Any(p => DetectionSelection.Matches(Glob(p), detection))
        && (Types.Count == 0 || Types.Any(t => t.Equals(detection.Type, StringComparison.OrdinalIgnoreCase)))
        && (Stories.Count == 0 || Stories.Any(s => detection.Tags.AnalyticStories.Any(Glob(s).IsMatch)))
        && (Tags.Count == 0 || Tags.Any(t => TagValues(detection).Any(Glob(t).IsMatch) || NamesTechniqueOrParent(detection, t)))
        && (MinLevel is not { } least || FindingLevels.Of(detection) >= least);

    /// <summary>The tag values a detection carries, as the content and ES's annotations name them.</summary>
    public static IEnumerable<string> TagValues(DetectionDefinition detection)
    {
        var tags = detection.Tags;
        var annotations = Annotations.From(detection);
        return tags.MitreAttackIds.Concat(annotations.MitreTactics).Concat(annotations.MitreTechniques).Concat(tags.Products)
            .Concat(tags.KillChainPhases).Concat(tags.Cis20).Concat(tags.Nist).Concat(tags.Cve).Concat(tags.AnalyticStories)
            .Append(tags.SecurityDomain).Append(tags.AssetType).Where(v => v.Length > 0);
    }

    private static bool NamesTechniqueOrParent(DetectionDefinition detection, string tag) =>
        detection.Tags.MitreAttackIds.Any(id => id.StartsWith(tag.Trim() + ".", StringComparison.OrdinalIgnoreCase));

    internal static Regex Glob(string pattern)
    {
        var escaped = Regex.Escape(pattern.Trim()).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal);
        return new Regex($"^{escaped}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
