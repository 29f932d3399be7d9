namespace Ferret.Events;

/// <summary>
/// Something wrong with the input that was reported and skipped, never dropped in silence: a corrupt
/// EVTX chunk, a malformed JSON line. <paramref name="Location"/> names where (e.g. "chunk 3, record 1207",
/// "line 42"); <paramref name="Message"/> says what is wrong.
/// </summary>
public sealed record InputProblem(string File, string Location, string Message, ProblemSeverity Severity = ProblemSeverity.Error)
{
    public override string ToString() => $"{File}: {Location}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}

public enum ProblemSeverity
{
    Warning,
    Error,
}

/// <summary>Where readers report problems. Implementations must be thread-safe: files are read in parallel.</summary>
public interface IProblemSink
{
    void Report(InputProblem problem);
}

/// <summary>A sink that keeps every problem, for summaries and tests.</summary>
public sealed class ProblemCollector : IProblemSink
{
    private readonly List<InputProblem> _problems = [];
    private readonly Lock _gate = new();

    /// <summary>A copy of the problems reported so far (safe to enumerate while others are reported).</summary>
    public IReadOnlyList<InputProblem> Problems
    {
        get
        {
            lock (_gate)
            {
                return [.. _problems];
            }
        }
    }

    /// <summary>How many problems were reported so far, without copying them.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _problems.Count;
            }
        }
    }

    /// <summary>The problem reported <paramref name="index"/>th, without copying the others (problems are only added, so
    /// an index once valid stays valid).</summary>
    public InputProblem this[int index]
    {
        get
        {
            lock (_gate)
            {
                return _problems[index];
            }
        }
    }

    public void Report(InputProblem problem)
    {
        lock (_gate)
        {
            _problems.Add(problem);
        }
    }
}
