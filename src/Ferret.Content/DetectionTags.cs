namespace Ferret.Content;

/// <summary>The annotations of a detection: from <c>tags:</c> (v4, v5) or top-level keys (2026).</summary>
public sealed record DetectionTags
{
    public IReadOnlyList<string> AnalyticStories { get; init; } = [];

    public string AssetType { get; init; } = string.Empty;

    public IReadOnlyList<string> MitreAttackIds { get; init; } = [];

    public IReadOnlyList<string> Products { get; init; } = [];

    public string SecurityDomain { get; init; } = string.Empty;

    public IReadOnlyList<string> Cis20 { get; init; } = [];

    public IReadOnlyList<string> Nist { get; init; } = [];

    public IReadOnlyList<string> KillChainPhases { get; init; } = [];

    public IReadOnlyList<string> Cve { get; init; } = [];

    public IReadOnlyList<string> RequiredFields { get; init; } = [];

    public IReadOnlyList<string> AtomicGuids { get; init; } = [];

    public IReadOnlyList<string> Groups { get; init; } = [];

    /// <summary>Why a detection cannot be tested automatically, when the author says so.</summary>
    public string? ManualTest { get; init; }

    /// <summary>Every other tag, its value flattened to text, so nothing the content says is lost.</summary>
    public IReadOnlyDictionary<string, string> Other { get; init; } = new Dictionary<string, string>();
}
