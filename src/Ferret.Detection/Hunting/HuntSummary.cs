using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// What a hunt did, for its closing summary and report: inputs and events read, what was skipped and why,
/// which detections ran, which could not (each with its reason: never skipped in silence), and findings.
/// </summary>
public sealed record HuntSummary
{
    public int FilesRead { get; init; }

    public long EventsRead { get; init; }

    /// <summary>Input problems (bad chunks, malformed lines, ...) as the readers reported them.</summary>
    public IReadOnlyList<InputProblem> InputProblems { get; init; } = [];

    public int DetectionsRun { get; init; }

    /// <summary>Selected detections that could not run, with the reason for each.</summary>
    public IReadOnlyList<DetectionIssue> NotRun { get; init; } = [];

    /// <summary>Selected detections deliberately not run (Baseline and Investigation types, deprecated).</summary>
    public IReadOnlyList<DetectionIssue> Skipped { get; init; } = [];

    /// <summary>Detections that ran but reported a problem at run time (a regex timeout, a missing lookup).</summary>
    public IReadOnlyList<DetectionIssue> RunProblems { get; init; } = [];

    public int Findings { get; init; }

    public int Notables { get; init; }

    public int RiskEvents { get; init; }

    /// <summary>Notables of risk incident rules and Correlation detections, each with its contributing findings.</summary>
    public int RiskIncidents { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>How long the risk stage (Correlation detections and risk incident rules) took, within <see cref="Elapsed"/>.</summary>
    public TimeSpan RiskStageElapsed { get; init; }

    /// <summary>The earliest and latest event time seen, epoch seconds.</summary>
    public double? EarliestEvent { get; init; }

    public double? LatestEvent { get; init; }
}

/// <summary>A detection and what kept it from running (or what went wrong while it ran, and where: the event or row).</summary>
public sealed record DetectionIssue(string Detection, string Reason, string? FilePath = null, string? Location = null);
