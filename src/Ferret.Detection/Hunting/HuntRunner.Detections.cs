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
        Parallel.For(0, detections.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var detection = detections[i];
            var feed = read.Feeds[i];
            try
            {
                var rows = feed.Results();
                var evidence = feed.Evidence(rows.Count);
                for (var row = 0; row < rows.Count; row++)
                {
                    findings.Add((i, row, MakeFinding(detection, rows[row], window, evidence, request.MaxEvidencePerFinding, row)));
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                notRun.Add(new DetectionIssue(detection.Detection.Name, RunFailure.Describe(error), detection.Detection.FilePath));
            }

            foreach (var problem in feed.Problems.Problems)
            {
                runProblems.Add(new DetectionIssue(detection.Detection.Name, problem.Message, detection.Detection.FilePath, problem.Location));
            }

            request.Progress?.Report(new HuntProgress(HuntStage.Running, Interlocked.Increment(ref done), detections.Count));
        });

        return [.. findings.OrderBy(f => f.Order).ThenBy(f => f.Row).Select(f => f.Finding)];
    }

    private static Finding MakeFinding(CompiledDetection detection, Event row, RunWindow window, EvidenceFinder evidence, int maxEvidence, int rowNumber) =>
        new(
            detection.Detection,
            row,
            NotableBuilder.Build(detection.Detection, row, window),
            RiskEventBuilder.Build(detection.Detection, row, window),
            evidence.For(row, maxEvidence, rowNumber))
        {
            AggregatesNoEvents = !evidence.HasCandidates,
        };
}
