using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// Puts raw events in Splunk's search order, newest first: a historical search returns the most recent events first,
/// which is what <c>head</c>, <c>tail</c>, <c>dedup</c>, <c>streamstats</c>, <c>transaction</c> and <c>first</c>/<c>last</c>
/// see (Search Reference, "head command": "the most recent N events for a historical search"). Readers give events in
/// file order; the planner places this operator once, after the leading filters (so it holds only the events they
/// keep, as a fed run already does) and only when what follows depends on the order (<see cref="Planning.EventOrderPlan"/>).
/// The sort is stable: events with the same <c>_time</c> keep the order they were read in, and events without a
/// <c>_time</c> come last. Input that is already newest first (a store read in descending time) is handed on as it is.
/// </summary>
public sealed class NewestFirstOperator() : BlockingOperator("newest-first")
{
    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var events = input as List<Event> ?? [.. input];
        if (IsNewestFirst(events))
        {
            return events;
        }

        return events.OrderByDescending(e => e.Time ?? double.NegativeInfinity);
    }

    private static bool IsNewestFirst(List<Event> events)
    {
        for (var i = 1; i < events.Count; i++)
        {
            if ((events[i].Time ?? double.NegativeInfinity) > (events[i - 1].Time ?? double.NegativeInfinity))
            {
                return false;
            }
        }

        return true;
    }
}
