using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>A bounded sample per group of the events that reached it: the first <see cref="SamplesPerGroup"/> of each,
/// kept with their arrival number so the union reads back in arrival order. Each is kept as the run's
/// <see cref="SearchContext.Keeping"/> keeps events (whole, or compact as where it was read), once for all the groups
/// it reached.</summary>
public sealed partial class PartialAggregate
{
    private long _arrivals;

    /// <summary>The arrival number and kept form of the last sample taken: an event of several groups is kept once.</summary>
    private (long Arrival, HeldEvent Held) _lastSample = (-1, default);

    /// <summary>How many events each group keeps as its sample (0, the default, keeps none).</summary>
    public int SamplesPerGroup { get; init; }

    /// <summary>How many samples the groups took so far (an event sampled by several groups counts for each).</summary>
    public long SampleCount { get; private set; }

    /// <summary>Adds <paramref name="e"/> to its groups and offers <paramref name="sample"/> (the event as it should be
    /// shown: the raw event behind a projection, say) to each group's sample.</summary>
    public void Add(Event e, EvalRuntime runtime, Event sample)
    {
        Add(e, runtime, SamplesPerGroup > 0 ? sample : null, _arrivals++);
    }

    private void Sample(Group group, Event sample, long arrival, EvalRuntime runtime)
    {
        var samples = group.Samples ??= [];
        if (samples.Count < SamplesPerGroup)
        {
            if (_lastSample.Arrival != arrival)
            {
                _lastSample = (arrival, EventKeeping.KeepWith(runtime.Run?.Search.Keeping, sample));
            }

            samples.Add((arrival, _lastSample.Held));
            SampleCount++;
        }
    }

    /// <summary>The sampled events of every group, each once (an event of several groups was offered to each), in
    /// arrival order, as kept.</summary>
    public IReadOnlyList<HeldEvent> Samples()
    {
        var all = new List<(long Arrival, HeldEvent Event)>();
        foreach (var group in _order)
        {
            if (group.Samples is { } samples)
            {
                all.AddRange(samples);
            }
        }

        all.Sort((a, b) => a.Arrival.CompareTo(b.Arrival));
        var events = new List<HeldEvent>(all.Count);
        var last = -1L;
        foreach (var (arrival, e) in all)
        {
            if (arrival != last)
            {
                events.Add(e);
                last = arrival;
            }
        }

        return events;
    }
}
