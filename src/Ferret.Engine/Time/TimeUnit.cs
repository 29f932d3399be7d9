namespace Ferret.Engine.Time;

/// <summary>The time units of Splunk's time modifiers (Search Reference, "Time modifiers").</summary>
public enum TimeUnit
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

public static class TimeUnits
{
    /// <summary>Reads a unit name: s, sec, secs, second, seconds, m, min, minute, h, hr, d, day, w, week, mon, month, q, qtr, quarter, y, yr, year.</summary>
    public static bool TryParse(string text, out TimeUnit unit)
    {
        switch (text.ToLowerInvariant())
        {
            case "s" or "sec" or "secs" or "second" or "seconds":
                unit = TimeUnit.Second;
                return true;
            case "m" or "min" or "mins" or "minute" or "minutes":
                unit = TimeUnit.Minute;
                return true;
            case "h" or "hr" or "hrs" or "hour" or "hours":
                unit = TimeUnit.Hour;
                return true;
            case "d" or "day" or "days":
                unit = TimeUnit.Day;
                return true;
            case "w" or "week" or "weeks":
                unit = TimeUnit.Week;
                return true;
            case "mon" or "month" or "months":
                unit = TimeUnit.Month;
                return true;
            case "q" or "qtr" or "qtrs" or "quarter" or "quarters":
                unit = TimeUnit.Quarter;
                return true;
            case "y" or "yr" or "yrs" or "year" or "years":
                unit = TimeUnit.Year;
                return true;
            default:
                unit = default;
                return false;
        }
    }

    public static DateTimeOffset Add(DateTimeOffset time, TimeUnit unit, long amount) => unit switch
    {
        TimeUnit.Second => time.AddSeconds(amount),
        TimeUnit.Minute => time.AddMinutes(amount),
        TimeUnit.Hour => time.AddHours(amount),
        TimeUnit.Day => time.AddDays(amount),
        TimeUnit.Week => time.AddDays(7 * amount),
        TimeUnit.Month => time.AddMonths((int)amount),
        TimeUnit.Quarter => time.AddMonths((int)(3 * amount)),
        TimeUnit.Year => time.AddYears((int)amount),
        _ => time,
    };

    /// <summary>Rounds down to the start of the unit; <paramref name="weekday"/> 0-6 snaps to that day of the week (w0 = Sunday).</summary>
    public static DateTimeOffset Snap(DateTimeOffset time, TimeUnit unit, int? weekday = null)
    {
        var t = time.ToUniversalTime();
        return unit switch
        {
            TimeUnit.Second => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, TimeSpan.Zero),
            TimeUnit.Minute => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero),
            TimeUnit.Hour => new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero),
            TimeUnit.Day => new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero),
            TimeUnit.Week => SnapToWeekday(t, weekday ?? 0),
            TimeUnit.Month => new DateTimeOffset(t.Year, t.Month, 1, 0, 0, 0, TimeSpan.Zero),
            TimeUnit.Quarter => new DateTimeOffset(t.Year, ((t.Month - 1) / 3 * 3) + 1, 1, 0, 0, 0, TimeSpan.Zero),
            TimeUnit.Year => new DateTimeOffset(t.Year, 1, 1, 0, 0, 0, TimeSpan.Zero),
            _ => t,
        };
    }

    /// <summary>Span length in seconds for fixed units (used by bin/timechart); months/quarters/years are calendar spans.</summary>
    public static double Seconds(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => 1,
        TimeUnit.Minute => 60,
        TimeUnit.Hour => 3600,
        TimeUnit.Day => 86400,
        TimeUnit.Week => 604800,
        TimeUnit.Month => 2_592_000,
        TimeUnit.Quarter => 7_776_000,
        TimeUnit.Year => 31_536_000,
        _ => 1,
    };

    private static DateTimeOffset SnapToWeekday(DateTimeOffset t, int weekday)
    {
        var day = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero);
        var back = ((int)day.DayOfWeek - weekday + 7) % 7;
        return day.AddDays(-back);
    }
}
