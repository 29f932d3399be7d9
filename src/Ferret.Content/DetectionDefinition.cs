namespace Ferret.Content;

/// <summary>
/// One ESCU detection, normalized from whichever of the three schema shapes its file uses (see
/// <see cref="DetectionSchema"/>). Risk is always expressed the v5 way: risk objects with a score each,
/// threat objects, a message, and <see cref="RiskScore"/> = the highest object score.
/// </summary>
public sealed record DetectionDefinition
{
    public required string Name { get; init; }

    public string Id { get; init; } = string.Empty;

    public int Version { get; init; }

    /// <summary>The date as the file writes it (ISO, e.g. 2024-09-30).</summary>
    public string Date { get; init; } = string.Empty;

    public string Author { get; init; } = string.Empty;

    /// <summary>production, experimental, deprecated, ... (lower case as in the content).</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>TTP, Anomaly, Hunting, Correlation, Baseline, ... as in the content (see <see cref="DetectionTypes"/>).</summary>
    public string Type { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public IReadOnlyList<string> DataSources { get; init; } = [];

    public string Search { get; init; } = string.Empty;

    /// <summary>1-based line in the YAML file where the first character of the search text is.</summary>
    public int SearchLine { get; init; }

    /// <summary>1-based column in the YAML file where the first character of the search text is.</summary>
    public int SearchColumn { get; init; }

    /// <summary>How the search is written in YAML; a folded or quoted scalar's line breaks are not the file's.</summary>
    public SearchScalarStyle SearchStyle { get; init; }

    public string HowToImplement { get; init; } = string.Empty;

    public string KnownFalsePositives { get; init; } = string.Empty;

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<Drilldown> Drilldowns { get; init; } = [];

    public DetectionTags Tags { get; init; } = new();

    public IReadOnlyList<RiskObject> RiskObjects { get; init; } = [];

    public IReadOnlyList<ThreatObject> ThreatObjects { get; init; } = [];

    public string RiskMessage { get; init; } = string.Empty;

    /// <summary>The detection's risk score: impact × confidence / 100 (v4), the highest risk object score (v5 and later).</summary>
    public int RiskScore { get; init; }

    /// <summary>v4 only: the author's impact (0-100); null for later shapes.</summary>
    public int? Impact { get; init; }

    /// <summary>v4 only: the author's confidence (0-100); null for later shapes.</summary>
    public int? Confidence { get; init; }

    public IReadOnlyList<DetectionTest> Tests { get; init; } = [];

    public DetectionSchema Schema { get; init; }

    public string FilePath { get; init; } = string.Empty;

    /// <summary>Under a <c>deprecated/</c> folder or with status deprecated: not built, not run by default.</summary>
    public bool IsDeprecated { get; init; }

    /// <summary>The bare name of the detection's filter macro, e.g. <c>wmi_permanent_event_subscription_filter</c>.</summary>
    public string FilterMacroName => DetectionNames.FilterMacro(Name);
}

/// <summary>The three shapes ESCU detection files have had (GUIDE §2).</summary>
public enum DetectionSchema
{
    /// <summary>v4 (2024): risk in <c>tags</c>: impact, confidence, observable, message.</summary>
    TagsV4,

    /// <summary>v5 (2025): an <c>rba:</c> block with per-object scores; other tags still under <c>tags</c>.</summary>
    RbaV5,

    /// <summary>2026: no <c>tags:</c> mapping; its keys (analytic_story, mitre_attack_id, ...) are top-level.</summary>
    FlatTags,
}

public enum SearchScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

public static class DetectionTypes
{
    public const string Ttp = "TTP";
    public const string Anomaly = "Anomaly";
    public const string Hunting = "Hunting";
    public const string Correlation = "Correlation";
    public const string Baseline = "Baseline";
}

public sealed record Drilldown(string Name, string Search, string EarliestOffset, string LatestOffset);

/// <summary>A risk object: the field whose value gets risk, its type (user, system, other), the score added.</summary>
public sealed record RiskObject(string Field, string Type, int Score, string Role = "victim");

/// <summary>A threat object: a field that describes the threat (process_name, file_hash, url...), no score.</summary>
public sealed record ThreatObject(string Field, string Type);

public sealed record DetectionTest(string Name, string Type, IReadOnlyList<AttackData> AttackData);

/// <summary>One attack dataset of a test: where it is (URL), and the source/sourcetype it is replayed with.</summary>
public sealed record AttackData(string Data, string? Source, string? SourceType, bool? UpdateTimestamp);
