namespace Ferret.Server.Store;

/// <summary>
/// What a search needs from the store, pushed down so that SQLite skips what the engine would drop anyway: the
/// indexes, the time range <c>[Earliest, Latest)</c>, metadata alternatives (<c>sourcetype</c>, <c>source</c>,
/// <c>host</c>; each list is ORed, lists are ANDed; <c>*</c> wildcards, case-insensitive) and terms that every
/// matching event's raw text must hold (FTS5 queries). It is always a superset of what the search keeps: the
/// engine applies exact SPL semantics to what comes back.
/// </summary>
internal sealed record StoreQuery(IReadOnlyList<string> Indexes)
{
    public double? Earliest { get; init; }

    public double? Latest { get; init; }

    public IReadOnlyList<MetadataFilter> Metadata { get; init; } = [];

    /// <summary>FTS5 match expressions, each of which the raw text must satisfy.</summary>
    public IReadOnlyList<string> Terms { get; init; } = [];
}

/// <summary>A metadata column (host, source or sourcetype) and the patterns one of which it must match.</summary>
internal sealed record MetadataFilter(string Column, IReadOnlyList<string> Patterns);
