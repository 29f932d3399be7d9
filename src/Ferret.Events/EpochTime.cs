namespace Ferret.Events;

/// <summary>Conversions between Splunk's <c>_time</c> (epoch seconds with a fraction) and .NET times.</summary>
public static class EpochTime
{
    public static double FromDateTimeOffset(DateTimeOffset time) =>
        (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond;

    public static DateTimeOffset ToDateTimeOffset(double seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>A Windows FILETIME (100 ns ticks since 1601-01-01 UTC) as epoch seconds.</summary>
    public static double FromFileTime(long fileTime) =>
        (fileTime - 116_444_736_000_000_000L) / (double)TimeSpan.TicksPerSecond;
}
