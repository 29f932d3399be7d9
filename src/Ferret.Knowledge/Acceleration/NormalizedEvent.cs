using Ferret.Events;
using Ferret.Knowledge.DataModels;

namespace Ferret.Knowledge.Acceleration;

/// <summary>
/// One event as the knowledge base sees it, computed once and shared by every detection: the normalized
/// event (aliases, calculated fields, eventtype, tag), and, filled in on first use, whether it belongs to
/// each dataset and its projection there. This is Ferret's counterpart of data model acceleration: the
/// CIM work is done once per event, not once per search. Safe to share between threads: each slot is
/// computed from immutable inputs, so two threads racing on a slot store equal results.
/// </summary>
public sealed class NormalizedEvent
{
    private const byte Unknown = 0;
    private const byte Member = 1;
    private const byte NotMember = 2;

    private readonly byte[] _membership;

    /// <summary>Made on the first projection: most events belong to no dataset and never need it.</summary>
    private Event?[]? _projections;

    internal NormalizedEvent(KnowledgeBase knowledge, Event normalized, int datasetCount)
    {
        Knowledge = knowledge;
        Event = normalized;
        _membership = new byte[datasetCount];
    }

    /// <summary>The knowledge base that normalized the event: an event carries one entry (<see cref="Event.Attachment"/>),
    /// and another knowledge base's is not this one's.</summary>
    internal KnowledgeBase Knowledge { get; }

    /// <summary>The normalized event. Treat it as read-only: it is shared.</summary>
    public Event Event { get; }

    internal bool BelongsTo(CompiledDataset dataset)
    {
        var known = Volatile.Read(ref _membership[dataset.Ordinal]);
        if (known != Unknown)
        {
            return known == Member;
        }

        var belongs = (dataset.Parent is null || BelongsTo(dataset.Parent)) && dataset.Constraint(Event);
        Volatile.Write(ref _membership[dataset.Ordinal], belongs ? Member : NotMember);
        return belongs;
    }

    /// <summary>The event projected onto <paramref name="dataset"/>, or null when it does not belong there.
    /// Shared: callers that change it must clone it first.</summary>
    internal Event? ProjectionFor(CompiledDataset dataset)
    {
        if (!BelongsTo(dataset))
        {
            return null;
        }

        var projections = Volatile.Read(ref _projections);
        if (projections is null)
        {
            var made = new Event?[_membership.Length];
            projections = Interlocked.CompareExchange(ref _projections, made, null) ?? made;
        }

        if (Volatile.Read(ref projections[dataset.Ordinal]) is { } known)
        {
            return known;
        }

        var projected = DatasetProjection.Project(Event, dataset);
        return Interlocked.CompareExchange(ref projections[dataset.Ordinal], projected, null) ?? projected;
    }

    /// <summary>Lets go of the projections made so far (membership stays known): a hunt calls it once every detection
    /// has been handed the event, so an event still held (as a group's evidence, say) does not keep a copy per dataset
    /// alive. A later <see cref="ProjectionFor"/> projects again.</summary>
    public void ReleaseProjections() => Volatile.Write(ref _projections, null);
}
