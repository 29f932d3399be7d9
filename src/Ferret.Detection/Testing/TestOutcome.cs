using Ferret.Content;

namespace Ferret.Detection.Testing;

public enum TestStatus
{
    Pass,
    Fail,

    /// <summary>Not run: its attack data is not on disk, or the detection has no test.</summary>
    Skip,

    /// <summary>Could not run: the search does not compile, or its data could not be read.</summary>
    Error,
}

/// <summary>One test of one detection (contentctl's unit test), with the integration-style counts of the
/// notables and risk events its results would have made.</summary>
public sealed record TestOutcome
{
    public required string TestName { get; init; }

    public string TestType { get; init; } = "unit";

    public required TestStatus Status { get; init; }

    public required string Message { get; init; }

    public int ResultCount { get; init; }

    public int Notables { get; init; }

    public int RiskEvents { get; init; }

    public long EventsRead { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>The local files the attack data URLs mapped to (absent ones included, for the message).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];
}

/// <summary>Every test of one detection; the detection passes when none fails or errors and one passed.
/// <paramref name="CompileError"/> says why the search does not compile (null when it does).</summary>
public sealed record DetectionTestResult(DetectionDefinition Detection, IReadOnlyList<TestOutcome> Tests, string? CompileError = null)
{
    public TestStatus Status =>
        Tests.Any(t => t.Status == TestStatus.Error) ? TestStatus.Error
        : Tests.Any(t => t.Status == TestStatus.Fail) ? TestStatus.Fail
        : Tests.Any(t => t.Status == TestStatus.Pass) ? TestStatus.Pass
        : TestStatus.Skip;

    public TimeSpan Duration => TimeSpan.FromTicks(Tests.Sum(t => t.Duration.Ticks));
}

/// <summary>A whole <c>ferret test</c> run.</summary>
public sealed record TestRun(IReadOnlyList<DetectionTestResult> Detections, TimeSpan Duration, string Mode = "selected")
{
    public int Count(TestStatus status) => Detections.Count(d => d.Status == status);

    public bool Success => Detections.All(d => d.Status is TestStatus.Pass or TestStatus.Skip);
}
