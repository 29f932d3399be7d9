namespace Ferret.Server.Store;

/// <summary>
/// One event as the store keeps it: Splunk's indexed metadata (<c>_time</c>, <c>host</c>, <c>source</c>,
/// <c>sourcetype</c>, the index), the raw text, the indexed fields a HEC envelope sent (JSON object text, or null),
/// and an optional key that makes a write idempotent (a notable written twice for the same search and window is
/// stored once).
/// </summary>
internal sealed record StoredEvent(
    string Index,
    double Time,
    string Host,
    string Source,
    string SourceType,
    string Raw,
    string? IndexedFields = null,
    string? DedupKey = null);
