using Ferret.Content;
using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Detection.RiskAlerting;
using Ferret.Detection.Search;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Server.Detections;

/// <summary>Runs detections through <see cref="HuntRunner"/> with the store's events as its input: the hunt's routing
/// gives every detection due together one shared pass over the events. The content is compiled once, at the first run,
/// and every later run reuses its immutable plans; the server's risk incident rules (with its thresholds) are compiled
/// with it.</summary>
internal sealed class HuntDetectionRunner(ContentRepository content, IReadOnlyList<RiskIncidentRule> riskRules, KnowledgeBase knowledge, ContentLookupResolver lookups, TimeProvider clock) : IDetectionRunner
{
    private readonly Lazy<CompiledContent> compiled = new(() => CompiledContent.Compile(content, [.. content.Detections, .. riskRules.Select(r => r.Detection)]));

    public DetectionRun Run(IReadOnlyList<DetectionDefinition> detections, IEnumerable<Event> events, double earliest, double latest)
    {
        var result = HuntRunner.Run(
            new HuntRequest
            {
                Content = content,
                Compiled = compiled.Value,
                Detections = detections,
                Inputs = [],
                Events = events,
                Earliest = earliest,
                Latest = latest,
                Lookups = lookups,
                Clock = clock,
                MaxEvidencePerFinding = 0,

                // The store holds index=risk: Correlation detections and risk incident rules read it like any search.
                RiskIncidentRules = null,
            },
            knowledge);
        return new DetectionRun([.. result.Findings.Select(WithRuleName)], [.. result.Summary.NotRun, .. result.Summary.RunProblems], result.Summary.EventsRead);
    }

    /// <summary>A risk incident rule's notable is filed under ES's stanza name (<c>Risk - ... - Rule</c>), not ESCU's.</summary>
    private Finding WithRuleName(Finding finding) =>
        finding.Notable is { } notable && riskRules.FirstOrDefault(r => r.Detection.Id == finding.Detection.Id && RiskIncidentRules.IsRule(finding.Detection)) is { } rule
            ? finding with { Notable = notable with { SearchName = rule.SavedSearchName, RuleName = rule.SavedSearchName } }
            : finding;
}
