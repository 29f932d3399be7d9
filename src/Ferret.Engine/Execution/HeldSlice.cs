using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>
/// Some of the events a run held, made when <see cref="Make"/> is called (those kept compact read again), so a reader
/// holds the slice it reads and no other. <see cref="Stretch"/> numbers the stretch of the read they arrived in
/// (<see cref="Event.Arrival"/> divided by the stretch's width): slices of several runs in the same stretch want events
/// from the same few, so a caller can read those again once for all of them (<see cref="Held"/>: what they stand for).
/// </summary>
public sealed record HeldSlice(long Stretch, IReadOnlyList<HeldEvent> Held, Func<IReadOnlyList<Event>> Make)
{
    /// <summary>A slice of events already in memory: nothing to read again.</summary>
    public static HeldSlice Of(IReadOnlyList<Event> events) => new(0, [], () => events);

    /// <summary><paramref name="held"/> (in arrival order) cut where a stretch of <paramref name="width"/> arrivals ends,
    /// and after <paramref name="width"/> events within one (events a hunt did not number all arrive in stretch 0), each
    /// slice made by <paramref name="make"/>.</summary>
    public static IEnumerable<HeldSlice> Cut(IReadOnlyList<HeldEvent> held, int width, Func<HeldEvent[], IReadOnlyList<Event>> make)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var start = 0;
        while (start < held.Count)
        {
            var stretch = held[start].Arrival / width;
            var end = start + 1;
            while (end < held.Count && end - start < width && held[end].Arrival / width == stretch)
            {
                end++;
            }

            var slice = new HeldEvent[end - start];
            for (var i = 0; i < slice.Length; i++)
            {
                slice[i] = held[start + i];
            }

            yield return new HeldSlice(stretch, slice, () => make(slice));
            start = end;
        }
    }
}
