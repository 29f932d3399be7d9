using System.Text.RegularExpressions;
using Ferret.Content;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Chooses the detections a hunt or test runs: those matching any name or glob (<c>*</c>, <c>?</c>; matched
/// case-insensitively against the name, the file name without extension, and the file path), in the story
/// if one is named. Deprecated detections, and Baseline and Investigation searches (they build lookups or
/// help an analyst; they do not detect), are set aside with the reason, never dropped in silence.
/// </summary>
public sealed record DetectionSelection(IReadOnlyList<DetectionDefinition> Selected, IReadOnlyList<DetectionIssue> SetAside)
{
    private static readonly HashSet<string> NonDetectingTypes = new(StringComparer.OrdinalIgnoreCase) { "Baseline", "Investigation" };

    public static DetectionSelection Choose(IEnumerable<DetectionDefinition> detections, IReadOnlyList<string> patterns, string? story) =>
        Choose(detections, new DetectionFilter { Patterns = patterns, Stories = story is null ? [] : [story] });

    public static DetectionSelection Choose(IEnumerable<DetectionDefinition> detections, DetectionFilter filter)
    {
        var selected = new List<DetectionDefinition>();
        var setAside = new List<DetectionIssue>();
        foreach (var detection in detections)
        {
            if (!filter.Accepts(detection))
            {
                continue;
            }

            if (detection.IsDeprecated)
            {
                setAside.Add(new DetectionIssue(detection.Name, "deprecated", detection.FilePath));
            }
            else if (NonDetectingTypes.Contains(detection.Type))
            {
                setAside.Add(new DetectionIssue(detection.Name, $"type {detection.Type}: builds context for other searches, detects nothing on its own", detection.FilePath));
            }
            else
            {
                selected.Add(detection);
            }
        }

        return new DetectionSelection(selected, setAside);
    }

    /// <summary>Patterns that matched no detection at all, so a typo is reported rather than hunting with nothing.</summary>
    public static IReadOnlyList<string> Unmatched(IEnumerable<DetectionDefinition> detections, IReadOnlyList<string> patterns)
    {
        var all = detections.ToList();
        return [.. patterns.Where(p => !all.Any(d => Matches(DetectionFilter.Glob(p), d)))];
    }

    internal static bool Matches(Regex matcher, DetectionDefinition detection) =>
        matcher.IsMatch(detection.Name)
        || matcher.IsMatch(Path.GetFileNameWithoutExtension(detection.FilePath))
        || matcher.IsMatch(detection.FilePath)
        || (detection.FilePath.Length > 0 && matcher.IsMatch(Path.GetFileName(detection.FilePath)));
}
