using System.Collections.Concurrent;
using Ferret.Detection.Compilation;
using Ferret.Detection.Notables;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

public static partial class HuntRunner
{
    /// <summary>Finishes every detection: its results, then the evidence of each row. Detections whose candidates are
    /// read again in slices (<see cref="EvidenceFinder.InSlices"/>, cut by stretches of the read) are then stepped through
    /// the read's stretches together, earliest first: many of them sample the same events (every process event, say), so
    /// the events their slices want from a stretch are read again once for all of them
    /// (<see cref="HuntEventKeeping.RecallTogether"/>) and held until they all searched them, and nothing is kept past
    /// its stretch.
    /// </summary>
    private static List<Finding> RunDetections(
        HuntRequest request,
        List<CompiledDetection> detections,
        ReadPass read,
        ConcurrentBag<DetectionIssue> notRun,
        ConcurrentBag<DetectionIssue> runProblems)
    {
        var finishing = new DetectionsFinishing(request, detections, read, notRun, runProblems);
        var scans = new ConcurrentBag<SlicedEvidence>();
        var order = Partitioner.Create(FinishingOrder(read.Feeds), EnumerablePartitionerOptions.NoBuffering);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = ThreadsOf(request) };
        Parallel.ForEach(order, parallel, i =>
        {
            if (finishing.Start(i) is { } sliced)
            {
                scans.Add(sliced);
            }
        });

        var stepping = scans.OrderBy(s => s.Detection).ToList();
        while (true)
        {
            // A scan with nothing left to read is finished at once: its evidence is then kept, not its events.
            stepping.ForEach(s => s.Peek());
            Parallel.ForEach(stepping.Where(s => s.Ended), parallel, finishing.End);
            stepping.RemoveAll(s => s.Ended);
            if (stepping.Count == 0)
            {
                break;
            }

            // The scans whose next slice is in the earliest stretch of the read step through it, its events read again
            // once for all of them and held until they all searched them.
            var stretch = stepping.Min(s => s.Next!.Stretch);
            var due = stepping.Where(s => s.Next!.Stretch == stretch).ToList();
            var recalled = read.Keeping?.RecallTogether([.. due.SelectMany(s => s.Next!.Held)], parallel);
            Parallel.ForEach(due, parallel, s => s.StepOrFail());
            GC.KeepAlive(recalled);
        }

        return finishing.Findings();
    }

    /// <summary>The order detections are finished in: those the feed left the most work for first, handed to the threads
    /// one at a time, so the longest do not start last and leave one thread working alone at the end (the run's
    /// findings are put back in detection order after).</summary>
    internal static int[] FinishingOrder(IReadOnlyList<DetectionFeed> feeds) =>
        [.. Enumerable.Range(0, feeds.Count).OrderByDescending(i => feeds[i].FinishingWork)];

    /// <summary>The second stage (<see cref="RiskAlerting.RiskAlertingStage"/>): Correlation detections and risk incident
    /// rules over the risk events of the first stage's findings; their findings follow the first stage's.</summary>
    private static List<Finding> RunRiskStage(
        HuntRequest request,
        Knowledge.KnowledgeBase knowledge,
        CompiledContent content,
        List<CompiledDetection> correlations,
        IReadOnlyList<RiskAlerting.RiskIncidentRule> rules,
        ReadPass read,
        List<Finding> findings,
        ConcurrentBag<DetectionIssue> notRun,
        ConcurrentBag<DetectionIssue> runProblems,
        out TimeSpan riskStageElapsed)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var window = new RunWindow(EpochTime.FromDateTimeOffset(request.Clock.GetUtcNow()), read.Earliest, read.Latest);
        var stage = RiskAlerting.RiskAlertingStage.Run(new RiskAlerting.RiskStageRequest(
            findings,
            correlations,
            rules,
            content.Content.Macros,
            (label, problems) => Context(request, knowledge, label, problems),
            window,
            request.MaxEvidencePerFinding));
        foreach (var issue in stage.NotRun)
        {
            notRun.Add(issue);
        }

        foreach (var issue in stage.RunProblems)
        {
            runProblems.Add(issue);
        }

        riskStageElapsed = clock.Elapsed;
        return [.. findings, .. stage.Findings];
    }
}
