using System.Globalization;
using Cronos;

namespace Ferret.Server.Scheduling;

/// <summary>A scheduled time the scheduler will not run, and why (logged to <c>_internal</c> with status=skipped).</summary>
internal sealed record SkippedTime(DateTimeOffset Scheduled, string Reason);

/// <summary>What is due for one search now: the scheduled times to run (oldest first) and those skipped.</summary>
internal sealed record DueTimes(IReadOnlyList<DateTimeOffset> Run, IReadOnlyList<SkippedTime> Skipped)
{
    public static readonly DueTimes None = new([], []);
}

/// <summary>
/// The scheduler's timing rules for one search, pure (no clock, no I/O) so that tests pin them:
/// <list type="bullet">
/// <item>A scheduled time T starts at T + skew, the search's constant offset within <c>allow_skew</c>; its dispatch
/// window is still resolved against T (a late run covers the time range it would have covered on time).</item>
/// <item><c>schedule_window</c> is how long a start may be delayed; <c>auto</c> is taken as half the cron period
/// (savedsearches.conf requires a window shorter than the period and leaves auto's size to the scheduler).</item>
/// <item>With <c>realtime_schedule = 1</c> (Splunk's default, which ESCU keeps) a time missed while the server was
/// down runs once at start when the start is still within its schedule window, and is skipped otherwise; of several
/// missed times only the latest can run, the earlier ones are skipped. While the server runs, a run delayed by a long
/// round is still run unless a later scheduled time has come, which supersedes it.</item>
/// <item>With <c>realtime_schedule = 0</c> (continuous scheduling) every scheduled time since the last one run runs
/// once, oldest first, and none is skipped; at most <see cref="ContinuedRunsPerRound"/> of them in one round, so that
/// catching up on a long outage does not hold the scheduler in one round for hours: the rest follow in the next
/// rounds, from the last time run.</item>
/// </list>
/// </summary>
internal static class ScheduleTiming
{
    /// <summary>How many missed times of one search continuous scheduling runs in one round (Ferret's bound; Splunk
    /// documents none).</summary>
    public const int ContinuedRunsPerRound = 6;

    /// <summary>The time between <paramref name="scheduled"/> and the cron's next occurrence after it.</summary>
    public static TimeSpan Period(CronExpression cron, DateTimeOffset scheduled) =>
        cron.GetNextOccurrence(scheduled, TimeZoneInfo.Utc) is { } next ? next - scheduled : TimeSpan.Zero;

    /// <summary>Reads <c>schedule_window</c>: <c>auto</c> (half the period) or whole minutes shorter than the period.</summary>
    public static bool TryParseWindow(string text, TimeSpan period, out TimeSpan window, out string error)
    {
        error = string.Empty;
        window = TimeSpan.Zero;
        var trimmed = text.Trim();
        if (trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            window = period / 2;
            return true;
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            error = $"schedule_window '{text}' is neither 'auto' nor a whole number of minutes";
            return false;
        }

        window = TimeSpan.FromMinutes(minutes);
        if (window > TimeSpan.Zero && window >= period)
        {
            error = $"schedule_window '{text}' is not shorter than the search's period ({period.TotalMinutes:0} minutes)";
            window = TimeSpan.Zero;
            return false;
        }

        return true;
    }

    /// <summary>Reads <c>allow_skew</c>: <c>0</c>, a percentage of the period (<c>50%</c>) or a duration with a unit
    /// (<c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>); the result never exceeds the period.</summary>
    public static bool TryParseSkew(string text, TimeSpan period, out TimeSpan maximum, out string error)
    {
        error = string.Empty;
        maximum = TimeSpan.Zero;
        var trimmed = text.Trim();
        if (trimmed is "0" or "")
        {
            return true;
        }

        if (trimmed.EndsWith('%'))
        {
            if (double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is >= 0 and <= 100)
            {
                maximum = period * (percent / 100);
                return true;
            }
        }
        else if (trimmed.Length > 1 && int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            && UnitOf(trimmed[^1]) is { } unit)
        {
            maximum = TimeSpan.FromTicks(Math.Min((unit * amount).Ticks, period.Ticks));
            return true;
        }

        error = $"allow_skew '{text}' is neither 0, a percentage (such as 50%) nor a duration (such as 5m)";
        return false;
    }

    /// <summary>The constant offset of <paramref name="search"/> within <c>[0, maximum]</c>, from a stable hash of its
    /// name (FNV-1a), so that a search starts at the same offset every period and across restarts.</summary>
    public static TimeSpan SkewOf(string search, TimeSpan maximum)
    {
        if (maximum <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var hash = 2166136261u;
        foreach (var c in search)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return TimeSpan.FromSeconds(Math.Floor(maximum.TotalSeconds * (hash / (double)uint.MaxValue)));
    }

    /// <summary>
    /// The scheduled times after <paramref name="last"/> whose start (time + <paramref name="skew"/>) has come by
    /// <paramref name="now"/>, split into those to run and those skipped. <paramref name="serverStart"/> tells a time
    /// missed while the server was down (scheduled before it) from one delayed while it ran.
    /// </summary>
    public static DueTimes Due(CronExpression cron, DateTimeOffset last, DateTimeOffset now, DateTimeOffset serverStart, TimeSpan skew, TimeSpan window, bool realtimeSchedule)
    {
        if (now - skew <= last)
        {
            return DueTimes.None;
        }

        var occurrences = cron.GetOccurrences(last.UtcDateTime, (now - skew).UtcDateTime, TimeZoneInfo.Utc, fromInclusive: false, toInclusive: true)
            .Select(o => new DateTimeOffset(o, TimeSpan.Zero))
            .ToList();
        if (occurrences.Count == 0)
        {
            return DueTimes.None;
        }

        if (!realtimeSchedule)
        {
            return new DueTimes([.. occurrences.Take(ContinuedRunsPerRound)], []);
        }

        var skipped = occurrences.Take(occurrences.Count - 1)
            .Select(o => new SkippedTime(o, $"superseded by the later scheduled time {Format(occurrences[^1])} (realtime_schedule = 1)"))
            .ToList();
        var latest = occurrences[^1];
        var latestStart = latest + skew;
        if (latestStart < serverStart && now > latestStart + window)
        {
            skipped.Add(new SkippedTime(latest, $"missed while the server was down and not started within its schedule window of {window.TotalMinutes:0.##} minutes (realtime_schedule = 1)"));
            return new DueTimes([], skipped);
        }

        return new DueTimes([latest], skipped);
    }

    public static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static TimeSpan? UnitOf(char unit) => unit switch
    {
        's' => TimeSpan.FromSeconds(1),
        'm' => TimeSpan.FromMinutes(1),
        'h' => TimeSpan.FromHours(1),
        'd' => TimeSpan.FromDays(1),
        _ => null,
    };
}
