using System.Collections.Concurrent;
using Ferret.Detection.Compilation;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Detection.Search;
using Ferret.Engine;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

public static partial class HuntRunner
{
    private static List<Finding> RunDetections(
        HuntRequest request,
        List<CompiledDetection> detections,
        ReadPass read,
        ConcurrentBag<DetectionIssue> notRun,
        ConcurrentBag<DetectionIssue> runProblems)
    {
        var window = new RunWindow(EpochTime.FromDateTimeOffset(request.Clock.GetUtcNow()), read.Earliest, read.Latest);
        var findings = new ConcurrentBag<(int Order, int Row, Finding Finding)>();
        var done = 0;
        var order = Partitioner.Create(FinishingOrder(read.Feeds), EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = ThreadsOf(request) }, i =>
        {
            var detection = detections[i];
            var feed = read.Feeds[i];
            try
            {
                var rows = feed.Results();
                var evidence = feed.Evidence(rows.Count);
                var evidenceOfRows = evidence.ForAll(rows, request.MaxEvidencePerFinding);
                for (var row = 0; row < rows.Count; row++)
                {
                    findings.Add((i, row, MakeFinding(detection, rows[row], window, evidenceOfRows[row], !evidence.HasCandidates, read.Keeping)));
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                notRun.Add(new DetectionIssue(detection.Detection.Name, RunFailure.Describe(error), detection.Detection.FilePath));
            }
            finally
            {
                read.Keeping?.LetGo(feed.Holding());
                feed.Release();
            }

            foreach (var problem in feed.Problems.Problems)
            {
                runProblems.Add(new DetectionIssue(detection.Detection.Name, problem.Message, detection.Detection.FilePath, problem.Location));
            }

            request.Progress?.Report(new HuntProgress(HuntStage.Running, Interlocked.Increment(ref done), detections.Count));
        });

        return [.. findings.OrderBy(f => f.Order).ThenBy(f => f.Row).Select(f => f.Finding)];
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

    /// <summary>A row without its own <c>_time</c> (most ESCU searches aggregate it away) gives its risk events the
    /// finding's time (its firstTime, else its earliest event), not the search time: the risk stage adds risk up over the
    /// events' own time. The evidence is kept as the hunt keeps held events (<paramref name="keeping"/>: a hunt over
    /// files keeps their origin), so findings waiting to be written do not hold their events.</summary>
    private static Finding MakeFinding(CompiledDetection detection, Event row, RunWindow window, IReadOnlyList<Event> evidence, bool aggregatesNoEvents, HuntEventKeeping? keeping)
    {
        var finding = new Finding(
            detection.Detection,
            row,
            NotableBuilder.Build(detection.Detection, row, window),
            RiskEventBuilder.Build(detection.Detection, row, window),
            FindingEvidence.Keep(evidence, keeping))
        {
            AggregatesNoEvents = aggregatesNoEvents,
        };
        return row.Time is null && finding.RiskEvents.Count > 0 && finding.Time is { } time
            ? finding with { RiskEvents = [.. finding.RiskEvents.Select(r => r with { Time = time })] }
            : finding;
    }
}
