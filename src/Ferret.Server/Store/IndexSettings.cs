namespace Ferret.Server.Store;

/// <summary>
/// One index, as indexes.conf declares it: how long its buckets span, and the retention that freezes (deletes)
/// its oldest buckets — by age (<c>frozenTimePeriodInSecs</c>, Splunk's default six years) and by total size
/// (<c>maxTotalDataSizeMB</c>, default 500,000 MB). See indexes.conf in Splunk's Admin Manual.
/// </summary>
internal sealed record IndexSettings(string Name)
{
    public TimeSpan BucketSpan { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(188_697_600);

    public long MaxTotalBytes { get; init; } = 500_000L * 1024 * 1024;

    /// <summary>The indexes every server declares: Splunk's <c>main</c> and <c>_internal</c>, Enterprise Security's
    /// <c>notable</c> and <c>risk</c>, and <c>attack_data</c>, where replay.py sends by default.</summary>
    public static IReadOnlyList<string> DefaultNames { get; } = ["main", "notable", "risk", "_internal", "attack_data"];

    /// <summary>Index names as Splunk allows them: lower-case letters, digits, '_' and '-', not starting with '-' or '_'
    /// unless internal (Splunk's own start with '_').</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 80 && name[0] != '-' && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-');
}
