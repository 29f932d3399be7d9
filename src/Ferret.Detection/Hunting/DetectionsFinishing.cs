using System.Collections.Concurrent;
using Ferret.Detection.Compilation;
using Ferret.Detection.Notables;
using Ferret.Detection.Risk;
using Ferret.Detection.Search;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// The finishing of a hunt's detections once the read ended (<see cref="HuntRunner"/>): each one's results, the evidence
/// of each row and its findings; then what it held is let go of and its problems listed. Thread-safe: detections finish
/// in parallel.
/// </summary>
internal sealed class DetectionsFinishing(
    HuntRequest request,
    List<CompiledDetection> detections,
    HuntRunner.ReadPass read,
    ConcurrentBag<DetectionIssue> notRun,
    ConcurrentBag<DetectionIssue> runProblems)
{
    private readonly ConcurrentBag<(int Order, int Row, Finding Finding)> _findings = [];
    private readonly RunWindow _window = new(EpochTime.FromDateTimeOffset(request.Clock.GetUtcNow()), read.Earliest, read.Latest);
    private int _done;

    /// <summary>Finishes detection <paramref name="i"/>, or, when its evidence candidates come in slices, starts its scan
    /// and returns it for the caller to step (<see cref="End"/> finishes it).</summary>
    public SlicedEvidence? Start(int i)
    {
        var feed = read.Feeds[i];
        try
        {
            var rows = feed.Results();
            var evidence = feed.Evidence(rows.Count);
            if (evidence.InSlices)
            {
                return new SlicedEvidence(i, evidence.Start(rows, request.MaxEvidencePerFinding, read.Keeping));
            }

            AddFindings(i, rows, evidence.ForAll(rows, request.MaxEvidencePerFinding, read.Keeping), evidence.HasCandidates);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Failed(i, error);
        }

        Close(i);
        return null;
    }

    /// <summary>Finishes the detection of a scan that ended.</summary>
    public void End(SlicedEvidence scan)
    {
        using (scan.Scan)
        {
            if (scan.Failure is { } error)
            {
                Failed(scan.Detection, error);
            }
            else
            {
                AddFindings(scan.Detection, scan.Scan.Rows, scan.Scan.Evidence, scan.Scan.HasCandidates);
            }
        }

        Close(scan.Detection);
    }

    /// <summary>The findings, in detection order and row order.</summary>
    public List<Finding> Findings() => [.. _findings.OrderBy(f => f.Order).ThenBy(f => f.Row).Select(f => f.Finding)];

    private void AddFindings(int i, IReadOnlyList<Event> rows, IReadOnlyList<FindingEvidence> evidenceOfRows, bool hasCandidates)
    {
        for (var row = 0; row < rows.Count; row++)
        {
            _findings.Add((i, row, MakeFinding(detections[i], rows[row], _window, evidenceOfRows[row], !hasCandidates)));
        }
    }

    /// <summary>A row without its own <c>_time</c> (most ESCU searches aggregate it away) gives its risk events the
    /// finding's time (its firstTime, else its earliest event), not the search time: the risk stage adds risk up over the
    /// events' own time. The evidence comes kept as the hunt keeps held events (a hunt over files keeps their origin), so
    /// findings waiting to be written do not hold their events.</summary>
    private static Finding MakeFinding(CompiledDetection detection, Event row, RunWindow window, FindingEvidence evidence, bool aggregatesNoEvents)
    {
        var finding = new Finding(
            detection.Detection,
            row,
            NotableBuilder.Build(detection.Detection, row, window),
            RiskEventBuilder.Build(detection.Detection, row, window),
            evidence)
        {
            AggregatesNoEvents = aggregatesNoEvents,
        };
        return row.Time is null && finding.RiskEvents.Count > 0 && finding.Time is { } time
            ? finding with { RiskEvents = [.. finding.RiskEvents.Select(r => r with { Time = time })] }
            : finding;
    }

    private void Failed(int i, Exception error) =>
        notRun.Add(new DetectionIssue(detections[i].Detection.Name, RunFailure.Describe(error), detections[i].Detection.FilePath));

    /// <summary>Lets go of what detection <paramref name="i"/> held, and lists its problems.</summary>
    private void Close(int i)
    {
        var detection = detections[i];
        var feed = read.Feeds[i];
        feed.Release();
        foreach (var problem in feed.Problems.Problems)
        {
            runProblems.Add(new DetectionIssue(detection.Detection.Name, problem.Message, detection.Detection.FilePath, problem.Location));
        }

        request.Progress?.Report(new HuntProgress(HuntStage.Running, Interlocked.Increment(ref _done), detections.Count));
    }
}

/// <summary>A detection whose evidence is being searched for a slice of candidates at a time
/// (<see cref="EvidenceFinder.Scan"/>), with what stopped it if something did.</summary>
internal sealed class SlicedEvidence(int detection, EvidenceFinder.Scan scan)
{
    public int Detection { get; } = detection;

    public EvidenceFinder.Scan Scan { get; } = scan;

    /// <summary>What a step threw: the detection is not run, as when its search fails.</summary>
    public Exception? Failure { get; private set; }

    public bool Ended { get; private set; }

    /// <summary>The slice the scan reads next, as <see cref="Peek"/> found it; null once the scan ended.</summary>
    public HeldSlice? Next { get; private set; }

    /// <summary>Finds the slice the scan reads next; ends the scan when there is none or finding it fails.</summary>
    public void Peek()
    {
        if (Ended)
        {
            return;
        }

        try
        {
            Next = Scan.Next;
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Failure = error;
            Next = null;
        }

        Ended = Next is null;
    }

    /// <summary>Reads and searches the next slice; ends the scan when that fails.</summary>
    public void StepOrFail()
    {
        try
        {
            Scan.Step();
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            Failure = error;
            Ended = true;
        }
    }
}
