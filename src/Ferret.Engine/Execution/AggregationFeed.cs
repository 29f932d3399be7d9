using Ferret.Engine.Aggregation;
using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>
/// A grouped aggregation (stats, tstats) fed one event at a time (<see cref="IncrementalRun"/>): each event updates
/// its groups' partial state and is then let go, so memory follows the number of groups, not the number of events.
/// Each group can also keep a bounded sample of the events that reached it (the first ones, in arrival order): what a
/// hunt shows as the evidence behind a result row without holding every event.
/// </summary>
public abstract class AggregationFeed
{
    private protected AggregationFeed(PartialAggregate partial)
    {
        Partial = partial;
    }

    private protected PartialAggregate Partial { get; }

    /// <summary>Adds one event (the run's current event) to its groups, offering <paramref name="sample"/> (the event to
    /// show as evidence: the raw event behind a projection) to their samples.</summary>
    public abstract void Add(Event e, Event sample, RunContext run);

    /// <summary>The aggregation's rows, once every event was added.</summary>
    public IEnumerable<Event> Results() => Partial.Results();

    /// <summary>The sampled events of every group, each once, in the order they arrived, as the run kept them
    /// (<see cref="SearchContext.Keeping"/>).</summary>
    public IReadOnlyList<HeldEvent> Samples() => Partial.Samples();

    /// <summary>How many samples the groups took (an event sampled by several groups counts for each).</summary>
    public long SampleCount => Partial.SampleCount;
}

/// <summary>An operator whose aggregation can be fed one event at a time, so a fed run need not hold its input.</summary>
public interface IFeedableAggregation
{
    /// <summary>A feed for one run whose groups keep <paramref name="samplesPerGroup"/> events each, or null when this
    /// use of the operator needs its input as a whole.</summary>
    AggregationFeed? StartFeed(RunContext run, int samplesPerGroup);
}

/// <summary>A <c>stats</c> fed with the events the operators in front of it pass on.</summary>
internal sealed class StatsFeed(PartialAggregate partial) : AggregationFeed(partial)
{
    public override void Add(Event e, Event sample, RunContext run)
    {
        Partial.Add(e, run.Runtime, sample);
    }
}
