using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// The events behind a finding, kept as the hunt kept the events its detections held (<see cref="EventKeeping"/>): an
/// event read from a file as its origin and a check of its text, an event handed over in memory whole. What the
/// timeline shows of them (host, user, earliest time, file and record) is taken when the finding is made, from the events
/// as the detection saw them, so writing a timeline reads nothing again; the events themselves are made again only when
/// they are shown (<see cref="Events"/>: a report), read again per file by position. A hunt's findings thus hold a few
/// small values per event, not the events, until they are written.
/// </summary>
public sealed class FindingEvidence
{
    private readonly EvidenceItem[] _items;
    private readonly EventKeeping? _keeping;

    private FindingEvidence(EvidenceItem[] items, EventKeeping? keeping)
    {
        _items = items;
        _keeping = keeping;
    }

    /// <summary>No event behind the finding.</summary>
    public static FindingEvidence None { get; } = new([], null);

    /// <summary>How many events are behind the finding.</summary>
    public int Count => _items.Length;

    /// <summary>The events behind the finding as <c>file#record</c>, distinct, in evidence order (events without a file
    /// left out).</summary>
    public IReadOnlyList<EventProvenance> Provenance =>
        [.. _items.Where(i => i.Provenance is not null).Select(i => i.Provenance!).Distinct()];

    /// <summary>The first of the events' hosts (<see cref="Finding.Host"/>'s fields), if one has any.</summary>
    internal string? Host => _items.Select(i => i.Host).FirstOrDefault(h => h is not null);

    /// <summary>The first of the events' users (<see cref="Finding.User"/>'s fields), if one has any.</summary>
    internal string? User => _items.Select(i => i.User).FirstOrDefault(u => u is not null);

    /// <summary>The earliest of the events' times.</summary>
    internal double? Earliest => _items.Select(i => i.Time).Where(t => t.HasValue).Min();

    /// <summary>The events kept whole: events handed over in memory, or events a caller already has.</summary>
    public static FindingEvidence Of(IEnumerable<Event> events) => Keep(events, null);

    /// <summary>The events kept with <paramref name="keeping"/> (null: whole).</summary>
    internal static FindingEvidence Keep(IEnumerable<Event> events, EventKeeping? keeping) =>
        new([.. events.Select(e => EvidenceItem.Of(e, keeping))], keeping);

    /// <summary>Evidence already kept, item by item, with <paramref name="keeping"/> (<see cref="EvidenceFinder"/>).</summary>
    internal static FindingEvidence FromItems(IReadOnlyList<EvidenceItem> items, EventKeeping? keeping) => new([.. items], keeping);

    /// <summary>The events behind all of <paramref name="sources"/>, each once (by where it was read from, or for an
    /// event handed over in memory, by instance), at most <paramref name="limit"/>.</summary>
    internal static FindingEvidence Union(IEnumerable<FindingEvidence> sources, int limit)
    {
        var list = sources.ToList();
        var keeping = list.Select(s => s._keeping).FirstOrDefault(k => k is not null);
        return new([.. list.SelectMany(s => s._items).DistinctBy(i => (i.Held.Whole, i.Held.Origin, i.Held.Check)).Take(limit)], keeping);
    }

    /// <summary>
    /// The first <paramref name="limit"/> events behind the finding, made again: those kept as their origin read again
    /// (per file, by position, only the records wanted), normalized as the hunt normalized them. One its file no longer
    /// gives (moved, changed since) is reported as an input problem naming the file and the event, and left out. Nothing
    /// is kept: each call reads again, so a writer that shows one finding at a time holds one finding's events.
    /// </summary>
    public IReadOnlyList<Event> Events(int limit = int.MaxValue) =>
        EventKeeping.RecallPresent(_keeping, [.. _items.Take(limit).Select(i => i.Held)]);
}

/// <summary>One event behind a finding: the event as kept (<see cref="HeldEvent"/>, its identity), and what the timeline
/// shows of it, taken from the event as the detection saw it.</summary>
internal readonly record struct EvidenceItem(HeldEvent Held, string? Host, string? User, double? Time, EventProvenance? Provenance)
{
    public static EvidenceItem Of(Event e, EventKeeping? keeping) => new(
        EventKeeping.KeepWith(keeping, e),
        Finding.HostOf(e),
        Finding.UserOf(e),
        e.Time,
        e.Origin is { } origin ? new EventProvenance(origin.File, Finding.RecordOf(e)) : null);
}
