using Ferret.Events;

namespace Ferret.Engine.Aggregation;

/// <summary>
/// The running state of one stats function for one group. States are partial aggregates: a state built over
/// one slice of the events merges with the state of the following slice, and the merged result equals the
/// result over both slices (so the streaming prefix can run in parallel and only partials travel).
/// </summary>
public interface IAggregateState
{
    /// <summary>Adds one event's value of the aggregated field (null when the event lacks it) and its <c>_time</c>.</summary>
    void Add(FieldValue value, double? time);

    /// <summary>Merges the state of the slice that follows this one.</summary>
    void Merge(IAggregateState later);

    FieldValue Result();
}
