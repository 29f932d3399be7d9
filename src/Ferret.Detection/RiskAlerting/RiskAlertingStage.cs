using Ferret.Detection.Compilation;
using Ferret.Detection.Hunting;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Detection.Search;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Spl.Macros;

namespace Ferret.Detection.RiskAlerting;

/// <summary>What the risk stage needs from the hunt: the first stage's findings, the selected Correlation detections,
/// the rules to run, the macros to compile the rules with, and how to make a run's search context.</summary>
internal sealed record RiskStageRequest(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<CompiledDetection> Correlations,
    IReadOnlyList<RiskIncidentRule> Rules,
    MacroTable Macros,
    Func<string, IProblemSink, SearchContext> Context,
    RunWindow Window,
    int MaxEvidencePerFinding);

/// <summary>The stage's findings (Correlation detections' and incident rules' notables) and what could not run or went wrong.</summary>
internal sealed record RiskStageResult(IReadOnlyList<Finding> Findings, IReadOnlyList<DetectionIssue> NotRun, IReadOnlyList<DetectionIssue> RunProblems);

/// <summary>
/// The hunt's second stage, after the detections: the run's risk events become events of <c>index=risk</c> that the
/// Risk data model reads (<see cref="RiskIndexFields.ToEvent"/>); every selected Correlation detection runs over them
/// once; then each risk incident rule runs over windows that slide over the risk events' own time
/// (<see cref="SlidingRuleRun"/>), since a hunt over old logs has no wall clock to schedule by. Each notable of a rule
/// or a Correlation detection carries its <see cref="RiskIncident"/>: the object, the total score, the tactics and
/// techniques, and the contributing findings.
/// </summary>
internal static class RiskAlertingStage
{
    public static RiskStageResult Run(RiskStageRequest request)
    {
        var sid = $"ferret_hunt_{NotableBuilder.FormatEpoch(request.Window.SearchTime)}";
        var ledger = new RiskLedger(request.Findings, sid);
        var findings = new List<Finding>();
        var notRun = new List<DetectionIssue>();
        var problems = new List<DetectionIssue>();
        foreach (var correlation in request.Correlations)
        {
            RunGuarded(correlation.Detection, notRun, problems, request, sink =>
            {
                var rows = correlation.Run(ledger.Events, TimeRange.All, request.Context(correlation.Detection.Name, sink)).ToList();
                foreach (var row in rows)
                {
                    var incident = ledger.Incident(correlation.Detection.Name, row, null, request.MaxEvidencePerFinding);
                    findings.Add(MakeFinding(correlation.Detection, row, request.Window, incident));
                }
            });
        }

        foreach (var rule in request.Rules)
        {
            var compilation = DetectionCompiler.Compile(rule.Detection, request.Macros);
            if (compilation.Compiled is not { } compiled)
            {
                notRun.Add(compilation.Issue!);
                continue;
            }

            RunGuarded(rule.Detection, notRun, problems, request, sink =>
            {
                foreach (var raised in SlidingRuleRun.Run(compiled, rule.Window, ledger, request.Context(rule.Name, sink)))
                {
                    var window = new RunWindow(raised.End, raised.Start, raised.End);
                    var incident = ledger.Incident(rule.Name, raised.Row, (raised.Start, raised.End), request.MaxEvidencePerFinding);
                    var finding = MakeFinding(rule.Detection, raised.Row, window, incident);
                    findings.Add(finding with { Notable = finding.Notable! with { SearchName = rule.SavedSearchName, RuleName = rule.SavedSearchName } });
                }
            });
        }

        return new RiskStageResult(findings, notRun, problems);
    }

    private static void RunGuarded(Content.DetectionDefinition detection, List<DetectionIssue> notRun, List<DetectionIssue> problems, RiskStageRequest request, Action<IProblemSink> run)
    {
        var sink = new ProblemCollector();
        try
        {
            run(sink);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            notRun.Add(new DetectionIssue(detection.Name, RunFailure.Describe(error), detection.FilePath));
        }

        problems.AddRange(sink.Problems.Select(p => new DetectionIssue(detection.Name, p.Message, detection.FilePath, p.Location)));
    }

    /// <summary>The notable carries the contributing findings as a multivalue field (time | detection | score | message),
    /// so what ES's Incident Review would show travels with it into every output.</summary>
    private static Finding MakeFinding(Content.DetectionDefinition detection, Event row, RunWindow window, (RiskIncident Incident, FindingEvidence Evidence) raised)
    {
        row.Set("contributing_findings", FieldValue.Multi(raised.Incident.Contributions.Select(c => c.ToString())));
        return new Finding(detection, row, NotableBuilder.Build(detection, row, window), [], raised.Evidence) { Incident = raised.Incident };
    }
}
