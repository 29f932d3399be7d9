using System.Collections.Concurrent;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Detection.Hunting;

public static partial class HuntRunner
{
    private static List<Finding> RunDetections(
        HuntRequest request,
        KnowledgeBase knowledge,
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
            var problems = new ProblemCollector();
            var context = new SearchContext
            {
                Clock = request.Clock,
                Lookups = request.Lookups,
                GeoIp = request.GeoIp,
                DataModels = knowledge.DataModels,
                Problems = problems,
                Label = detection.Detection.Name,
            };
            try
            {
                var rows = detection.Search.Run(read.Buffers[i], context).ToList();
                var evidence = EvidenceFinder.For(detection, read.Buffers[i], context, rows.Count);
                for (var row = 0; row < rows.Count; row++)
                {
                    findings.Add((i, row, MakeFinding(detection, rows[row], window, evidence, request.MaxEvidencePerFinding, row)));
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                notRun.Add(new DetectionIssue(detection.Detection.Name, $"failed while running: {error.GetType().Name}: {error.Message}", detection.Detection.FilePath));
            }

            foreach (var problem in problems.Problems)
            {
                runProblems.Add(new DetectionIssue(detection.Detection.Name, $"{problem.Location}: {problem.Message}", detection.Detection.FilePath));
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
            evidence.For(row, maxEvidence, rowNumber));
}
