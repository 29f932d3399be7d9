using System.Collections;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>The problems a collector holds at the moment each is asked for, not when the list was made: a hunt's input
/// problems go on being reported after it ran, while its findings' evidence is read again to be shown
/// (<see cref="FindingEvidence.Events"/>), and a summary written afterwards lists those too.</summary>
internal sealed class ProblemsSoFar(ProblemCollector collector) : IReadOnlyList<InputProblem>
{
    public int Count => collector.Problems.Count;

    public InputProblem this[int index] => collector.Problems[index];

    public IEnumerator<InputProblem> GetEnumerator() => collector.Problems.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
