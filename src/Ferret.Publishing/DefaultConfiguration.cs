using Ferret.Content;

namespace Ferret.Publishing;

/// <summary>
/// How a detection is deployed by default: the ONE model that the app build (savedsearches.conf), the docs
/// pages and the scheduler read. These are ESCU's defaults as contentctl writes them and the research site
/// shows them: disabled, hourly (<c>0 * * * *</c>) over <c>-70m@m</c> to <c>-10m@m</c>, schedule window auto;
/// a notable for TTP and Correlation detections (title <c>%name%</c>, description <c>%description%</c>,
/// fields user and dest), a risk action for TTP and Anomaly detections.
/// </summary>
public sealed record DefaultConfiguration
{
    public const string DefaultCronSchedule = "0 * * * *";
    public const string DefaultEarliestTime = "-70m@m";
    public const string DefaultLatestTime = "-10m@m";
    public const string DefaultScheduleWindow = "auto";

    public bool Disabled { get; init; } = true;

    public string CronSchedule { get; init; } = DefaultCronSchedule;

    /// <summary>dispatch.earliest_time: a Splunk relative time modifier.</summary>
    public string EarliestTime { get; init; } = DefaultEarliestTime;

    /// <summary>dispatch.latest_time: a Splunk relative time modifier.</summary>
    public string LatestTime { get; init; } = DefaultLatestTime;

    public string ScheduleWindow { get; init; } = DefaultScheduleWindow;

    public bool CreatesNotable { get; init; }

    /// <summary>The notable's title template; <c>%name%</c> and other <c>%field%</c> tokens name detection fields.</summary>
    public string RuleTitle { get; init; } = "%name%";

    public string RuleDescription { get; init; } = "%description%";

    public IReadOnlyList<string> NotableFields { get; init; } = ["user", "dest"];

    /// <summary>ES's notable severity; contentctl writes high for every detection.</summary>
    public string NotableSeverity { get; init; } = "high";

    public bool CreatesRisk { get; init; }

    /// <summary>The defaults for <paramref name="detection"/>'s type.</summary>
    public static DefaultConfiguration For(DetectionDefinition detection)
    {
        var type = detection.Type;
        var isCorrelation = Is(type, DetectionTypes.Correlation);
        return new DefaultConfiguration
        {
            CreatesNotable = Is(type, DetectionTypes.Ttp) || isCorrelation,
            CreatesRisk = Is(type, DetectionTypes.Ttp) || Is(type, DetectionTypes.Anomaly),
            RuleTitle = isCorrelation ? "RBA: %name%" : "%name%",
        };
    }

    /// <summary>The rule title with its tokens replaced, as contentctl writes it into savedsearches.conf.</summary>
    public string RenderRuleTitle(DetectionDefinition detection) => Render(RuleTitle, detection);

    public string RenderRuleDescription(DetectionDefinition detection) => Render(RuleDescription, detection);

    /// <summary>Replaces <c>%name%</c>, <c>%description%</c>, <c>%type%</c>, <c>%id%</c>, <c>%security_domain%</c>
    /// and <c>%asset_type%</c> with the detection's values; other text is kept as it is.</summary>
    public static string Render(string template, DetectionDefinition detection) => template
        .Replace("%name%", detection.Name, StringComparison.Ordinal)
        .Replace("%description%", detection.Description, StringComparison.Ordinal)
        .Replace("%type%", detection.Type, StringComparison.Ordinal)
        .Replace("%id%", detection.Id, StringComparison.Ordinal)
        .Replace("%security_domain%", detection.Tags.SecurityDomain, StringComparison.Ordinal)
        .Replace("%asset_type%", detection.Tags.AssetType, StringComparison.Ordinal);

    private static bool Is(string type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);
}
