using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Compilation;

/// <summary>
/// A detection ready to run, built once by <see cref="DetectionCompiler"/>: its search with macros expanded (filter
/// macro included), its syntax tree (parsed once; the hunt's routing, feeding and evidence read it), its plan, and the
/// necessary condition its leading command puts on raw events. Immutable and thread-safe: runs may overlap, each has
/// its own state.
/// </summary>
public sealed record CompiledDetection(DetectionDefinition Detection, string ExpandedSearch, Pipeline Syntax, CompiledSearch Search, LeadingFilter Filter)
{
    /// <summary>The plan that chooses a finding's evidence among the detection's events: its leading search and the
    /// event-by-event commands after it, bound from <see cref="Syntax"/> (<see cref="EvidenceFinder.LeadingPlan"/>);
    /// null when every event is a candidate.</summary>
    public CompiledSearch? EvidenceSearch { get; init; }

    /// <summary>
    /// Runs the detection over <paramref name="events"/> (enumerated again by subsearches, join and append) restricted to
    /// <paramref name="timeRange"/>, the window a scheduled run searches (also the span timechart fills); results stream as they are enumerated, and the
    /// run stops with <see cref="OperationCanceledException"/> once <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public IEnumerable<Event> Run(IEnumerable<Event> events, TimeRange timeRange, SearchContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(context);
        return Search.Run(timeRange.IsAll ? events : events.Where(timeRange.Contains),
            context with { Cancellation = cancellationToken, Earliest = timeRange.Earliest ?? context.Earliest, Latest = timeRange.Latest ?? context.Latest });
    }
}

/// <summary>A search's time window in epoch seconds: earliest inclusive, latest exclusive (Splunk's earliest/latest);
/// a null bound is open.</summary>
public readonly record struct TimeRange(double? Earliest, double? Latest)
{
    public static TimeRange All => default;

    public bool IsAll => Earliest is null && Latest is null;

    /// <summary>Whether the event's time falls in the window; an event without a time falls only in the open window.</summary>
    public bool Contains(Event e) =>
        IsAll || (e?.Time is { } time && (Earliest is not { } from || time >= from) && (Latest is not { } to || time < to));
}
