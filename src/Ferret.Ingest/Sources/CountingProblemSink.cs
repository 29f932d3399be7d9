using Ferret.Events;

namespace Ferret.Ingest.Sources;

/// <summary>Passes problems on and counts them, so a reader knows whether a file that gave no events already said why.</summary>
internal sealed class CountingProblemSink(IProblemSink inner) : IProblemSink
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Report(InputProblem problem)
    {
        Interlocked.Increment(ref _count);
        inner.Report(problem);
    }
}
