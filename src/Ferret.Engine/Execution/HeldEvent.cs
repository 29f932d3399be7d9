using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>
/// An event a run keeps until it finishes (a group's sample, an event its filters kept): the event itself, or, when
/// the run's <see cref="EventKeeping"/> keeps it compact, only where it was read from (<see cref="Origin"/>) and a
/// check of its text, from which the same event is read again when it is wanted. <see cref="Arrival"/> is the event's
/// <see cref="Event.Arrival"/>.
/// </summary>
public readonly record struct HeldEvent(Event? Whole, EventOrigin? Origin, int Check, long Arrival)
{
    /// <summary>The event kept whole.</summary>
    public static HeldEvent Of(Event e) => new(e, null, 0, e.Arrival);

    /// <summary>A check of the event's text (<c>_raw</c>) that tells the event read again from another event at the
    /// same place (a file changed since): equal within one process for equal texts.</summary>
    public static int CheckOf(Event e) => e.Raw is { } raw ? raw.GetHashCode(StringComparison.Ordinal) : 0;
}

/// <summary>
/// How a run keeps the events it holds until it finishes: whole (no keeping given: <see cref="SearchContext.Keeping"/>
/// null) or compact, as a caller that can read its inputs again decides (a hunt keeps the events it read from files as
/// their origin, so its memory does not grow with the input). <see cref="Recall"/> makes the kept events again, in
/// order.
/// </summary>
public abstract class EventKeeping
{
    /// <summary>What to keep of <paramref name="e"/>: a run's input event, or a copy the run made of one (kept compact,
    /// the run makes the copy again from the input event recalled).</summary>
    public abstract HeldEvent Keep(Event e);

    /// <summary>The input events <paramref name="held"/> stands for, at the same indexes (a whole one as it is); null
    /// for one that cannot be read again, which the keeping reports (file, event and why).</summary>
    public abstract Event?[] Recall(IReadOnlyList<HeldEvent> held);

    /// <summary>Keeps <paramref name="e"/> with <paramref name="keeping"/>, or whole when there is none.</summary>
    public static HeldEvent KeepWith(EventKeeping? keeping, Event e) => keeping is null ? HeldEvent.Of(e) : keeping.Keep(e);

    /// <summary>Recalls <paramref name="held"/> with <paramref name="keeping"/>; all whole when there is none.</summary>
    public static Event?[] RecallWith(EventKeeping? keeping, IReadOnlyList<HeldEvent> held) =>
        keeping is null ? [.. held.Select(h => h.Whole)] : keeping.Recall(held);

    /// <summary>The events <paramref name="held"/> stands for, in order, those that could not be read again left out
    /// (reported by the keeping).</summary>
    public static List<Event> RecallPresent(EventKeeping? keeping, IReadOnlyList<HeldEvent> held)
    {
        var recalled = RecallWith(keeping, held);
        var events = new List<Event>(recalled.Length);
        foreach (var e in recalled)
        {
            if (e is not null)
            {
                events.Add(e);
            }
        }

        return events;
    }
}
