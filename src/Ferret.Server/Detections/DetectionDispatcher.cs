using System.Diagnostics;
using Ferret.Detection.Hunting;
using Ferret.Server.Logging;
using Ferret.Server.Search;
using Ferret.Server.Store;

namespace Ferret.Server.Detections;

/// <summary>What one run of saved searches over one window found and wrote.</summary>
internal sealed record DispatchResult(IReadOnlyList<Finding> Findings, IReadOnlyList<DetectionIssue> NotRun, long EventsRead, int NotablesWritten, int RiskEventsWritten, TimeSpan Elapsed);

/// <summary>
/// Runs saved searches over <c>[earliest, latest)</c> of the store in one pass (the scheduler's round and a REST
/// dispatch alike) and, when the actions are triggered, writes their notables and risk events durably. Correlation
/// searches read the risk index through the Risk data model, so the pass reads it besides the default indexes.
/// </summary>
internal sealed class DetectionDispatcher(SearchEnvironment environment, IDetectionRunner runner, InternalLog log)
{
    public async Task<DispatchResult> RunAsync(IReadOnlyList<SavedSearch> searches, double earliest, double latest, string sid, bool triggerActions)
    {
        var clock = Stopwatch.StartNew();
        var indexes = environment.DefaultIndexes.Append(ActionWriter.RiskIndex).Distinct().ToList();
        var events = environment.Events(new StoreQuery(indexes) { Earliest = earliest, Latest = latest });
        var run = runner.Run([.. searches.Select(s => s.Detection)], events, earliest, latest);
        var notables = 0;
        var risks = 0;
        if (triggerActions && run.Findings.Count > 0)
        {
            var actions = ActionWriter.EventsFor(run.Findings, sid, earliest, latest, Environment.MachineName);
            await environment.Store.AppendAsync(actions).ConfigureAwait(false);
            notables = actions.Count(a => a.Index == ActionWriter.NotableIndex);
            risks = actions.Count(a => a.Index == ActionWriter.RiskIndex);
        }

        foreach (var issue in run.NotRun)
        {
            log.Warn("dispatch", $"{issue.Detection}: {issue.Reason}", ("sid", sid), ("detection", issue.Detection));
        }

        return new DispatchResult(run.Findings, run.NotRun, run.EventsRead, notables, risks, clock.Elapsed);
    }
}
