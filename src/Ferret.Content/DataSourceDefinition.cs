namespace Ferret.Content;

/// <summary>A data source (<c>data_sources/*.yml</c>): what a detection's <c>data_source</c> names refer to.</summary>
public sealed record DataSourceDefinition
{
    public required string Name { get; init; }

    public string Id { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Source { get; init; } = string.Empty;

    public string SourceType { get; init; } = string.Empty;

    /// <summary>The file's <c>platform</c> when it has one; otherwise Windows for Windows event log sources, else N/A
    /// (what the research site shows, e.g. "CrowdStrike ProcessRollup2 | N/A").</summary>
    public string Platform { get; init; } = "N/A";

    /// <summary>The field that tells events of this source apart (EventCode, EventID, event_simpleName...).</summary>
    public string? Separator { get; init; }

    public string? Configuration { get; init; }

    public IReadOnlyList<SupportedAddOn> SupportedAddOns { get; init; } = [];

    /// <summary>The field names Splunk's add-ons extract for this source.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    public string? ExampleLog { get; init; }

    public string FilePath { get; init; } = string.Empty;
}

public sealed record SupportedAddOn(string Name, string Url, string Version);
