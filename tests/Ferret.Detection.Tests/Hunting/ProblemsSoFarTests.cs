using Ferret.Detection.Hunting;
using Ferret.Events;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>The problems of a hunt as they are when each is asked for (<see cref="ProblemsSoFar"/>), read from the
/// collector without copying its list per access.</summary>
public sealed class ProblemsSoFarTests
{
    [Fact]
    public void Problems_reported_after_the_list_was_made_are_counted_and_indexed()
    {
        var collector = new ProblemCollector();
        collector.Report(Problem(0));
        var soFar = new ProblemsSoFar(collector);

        collector.Report(Problem(1));

        Assert.Equal(2, soFar.Count);
        Assert.Equal("event 1", soFar[1].Location);
        Assert.Equal(["event 0", "event 1"], soFar.Select(p => p.Location));
        Assert.Throws<ArgumentOutOfRangeException>(() => soFar[2]);
    }

    /// <summary>Reading every problem by index once allocates nothing per problem: a copy of the list per access would
    /// allocate the whole list (8 bytes a problem) each time, here about 40 MB.</summary>
    [Fact]
    public void Reading_a_problem_by_index_does_not_copy_the_collectors_list()
    {
        var collector = new ProblemCollector();
        for (var i = 0; i < 2_000; i++)
        {
            collector.Report(Problem(i));
        }

        var soFar = new ProblemsSoFar(collector);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var locations = 0;
        for (var i = 0; i < soFar.Count; i++)
        {
            locations += soFar[i].Location.Length;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(locations > 0);
        Assert.InRange(allocated, 0, 16_000);
    }

    private static InputProblem Problem(int i) => new("logs/a.evtx", $"event {i}", "could not be read again");
}
