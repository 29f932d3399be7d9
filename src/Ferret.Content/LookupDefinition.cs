namespace Ferret.Content;

/// <summary>
/// A lookup as <c>lookups/*.yml</c> defines it, in the terms of transforms.conf (Splunk Admin Manual,
/// "transforms.conf"): a CSV file (<see cref="Filename"/>, found at <see cref="FullPath"/>) or a KV store
/// collection (<see cref="Collection"/>, with <see cref="FieldsList"/>), and its matching options.
/// </summary>
public sealed record LookupDefinition
{
    public required string Name { get; init; }

    public string Description { get; init; } = string.Empty;

    /// <summary>The CSV file name as the YAML gives it; null for a KV store or model lookup.</summary>
    public string? Filename { get; init; }

    /// <summary>The CSV file's absolute path when it exists beside the YAML; null when missing (reported).</summary>
    public string? FullPath { get; init; }

    /// <summary>KV store collection name, for lookups with no file.</summary>
    public string? Collection { get; init; }

    /// <summary>transforms.conf <c>case_sensitive_match</c>; Splunk's default is true.</summary>
    public bool CaseSensitiveMatch { get; init; } = true;

    /// <summary>The raw <c>match_type</c>, e.g. <c>WILDCARD(process), CIDR(ip)</c>; see <see cref="MatchTypes"/>.</summary>
    public string? MatchType { get; init; }

    /// <summary>Each <c>WILDCARD(field)</c> / <c>CIDR(field)</c> of <see cref="MatchType"/>, parsed.</summary>
    public IReadOnlyList<LookupMatchType> MatchTypes { get; init; } = [];

    public int? MinMatches { get; init; }

    public int? MaxMatches { get; init; }

    public string? DefaultMatch { get; init; }

    public string? Filter { get; init; }

    public IReadOnlyList<string> FieldsList { get; init; } = [];

    public string FilePath { get; init; } = string.Empty;

    public bool IsCsv => Filename is not null && Filename.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
}

/// <summary>One entry of transforms.conf <c>match_type</c>: <c>WILDCARD(field)</c> or <c>CIDR(field)</c>.</summary>
public sealed record LookupMatchType(string Kind, string Field);
