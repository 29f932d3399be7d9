using System.Collections;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>The problems a collector holds at the moment each is asked for, not when the list was made: a hunt's input
/// problems go on being reported after it ran, while its findings' evidence is read again to be shown
/// (<see cref="FindingEvidence.Events"/>), and a summary written afterwards lists those too.</summary>
internal sealed class ProblemsSoFar(ProblemCollector collector) : IReadOnlyList<InputProblem>
{
    public int Count => collector.Count;

    /// <summary>One problem, read from the collector without copying its list (a writer that indexes through the problems
    /// would otherwise copy them all per problem).</summary>
    public InputProblem this[int index] => collector[index];

    /// <summary>The problems as they are when the enumeration starts: a copy, so problems reported meanwhile do not
    /// break it.</summary>
    public IEnumerator<InputProblem> GetEnumerator() => collector.Problems.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
