using Ferret.Ingest;

namespace Ferret.Detection.Search;

/// <summary>An ad-hoc search: SPL as the user wrote it (macros allowed), the inputs, and optionally a content folder
/// whose macros and lookups it may use, plus an earliest/latest window (Splunk time modifiers).</summary>
public sealed record SearchRequest
{
    public required string Spl { get; init; }

    public IReadOnlyList<string> Inputs { get; init; } = [];

    public string? ContentDirectory { get; init; }

    public string? Earliest { get; init; }

    public string? Latest { get; init; }

    public IngestOptions Ingest { get; init; } = IngestOptions.Default;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Skip the add-on knowledge (aliases, calculated fields, tags, data models): search raw fields only.</summary>
    public bool Raw { get; init; }

    /// <summary>Splunk apps (each an app or a folder of apps) whose knowledge is layered over Ferret's own.</summary>
    public IReadOnlyList<string> Apps { get; init; } = [];

    /// <summary>Where outputlookup may write CSV files.</summary>
    public string? OutputLookupDirectory { get; init; }

    /// <summary>The IP geolocation database iplocation reads (null: a search using it fails with where Ferret looks).</summary>
    public Ferret.Engine.GeoIp.IGeoIpDatabase? GeoIp { get; init; }

    /// <summary>The limits the search honours (docs/limits.md); the EVTX rendered-size limit applies to its inputs.</summary>
    public Ferret.Engine.Limits.SearchLimits Limits { get; init; } = Ferret.Engine.Limits.SearchLimits.Default;
}
