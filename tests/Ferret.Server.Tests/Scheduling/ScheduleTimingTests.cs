using System.Globalization;
using Cronos;
using Ferret.Server.Scheduling;

namespace Ferret.Server.Tests.Scheduling;

/// <summary>The timing rules of savedsearches.conf as the scheduler applies them, on ESCU's hourly cron.</summary>
public sealed class ScheduleTimingTests
{
    private static readonly CronExpression Hourly = CronExpression.Parse("0 * * * *");
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Theory]
    [InlineData("auto", 30)]
    [InlineData("AUTO", 30)]
    [InlineData("0", 0)]
    [InlineData("15", 15)]
    public void A_schedule_window_reads_as_minutes_and_auto_as_half_the_period(string text, int minutes)
    {
        Assert.True(ScheduleTiming.TryParseWindow(text, Hour, out var window, out var error), error);
        Assert.Equal(TimeSpan.FromMinutes(minutes), window);
    }

    [Theory]
    [InlineData("60", "not shorter than the search's period")]
    [InlineData("soon", "neither 'auto' nor a whole number of minutes")]
    [InlineData("-5", "neither 'auto' nor a whole number of minutes")]
    public void A_schedule_window_that_does_not_fit_is_refused_with_its_reason(string text, string reason)
    {
        Assert.False(ScheduleTiming.TryParseWindow(text, Hour, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("50%", 1800)]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("2h", 3600)]
    public void A_skew_reads_as_a_share_of_the_period_or_a_duration_never_past_the_period(string text, int seconds)
    {
        Assert.True(ScheduleTiming.TryParseSkew(text, Hour, out var skew, out var error), error);
        Assert.Equal(TimeSpan.FromSeconds(seconds), skew);
    }

    [Theory]
    [InlineData("150%")]
    [InlineData("5 minutes")]
    [InlineData("5w")]
    public void A_skew_that_does_not_read_is_refused(string text)
    {
        Assert.False(ScheduleTiming.TryParseSkew(text, Hour, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_search_has_its_own_constant_skew_within_the_maximum()
    {
        var names = Enumerable.Range(0, 50).Select(i => $"ESCU - Detection {i} - Rule").ToList();
        var skews = names.Select(n => ScheduleTiming.SkewOf(n, TimeSpan.FromMinutes(10))).ToList();
        Assert.All(skews, s => Assert.InRange(s, TimeSpan.Zero, TimeSpan.FromMinutes(10)));
        Assert.Equal(skews, names.Select(n => ScheduleTiming.SkewOf(n, TimeSpan.FromMinutes(10))));
        Assert.True(skews.Distinct().Count() > 25, "skews should spread the searches");
        Assert.Equal(TimeSpan.Zero, ScheduleTiming.SkewOf(names[0], TimeSpan.Zero));
    }

    /// <summary>Last run at 09:05 (first sight); times are hh:mm on the same day.</summary>
    [Theory]
    // Running all along: the 10:00 time runs just after 10:00.
    [InlineData("09:00", "10:00", true, 0, 30, "10:00", "")]
    // Down from 09:55 to 10:20: the missed 10:00 time runs at start, within its 30-minute window (auto).
    [InlineData("10:20", "10:20", true, 0, 30, "10:00", "")]
    // Back at 10:45, past the window: skipped.
    [InlineData("10:45", "10:45", true, 0, 30, "", "10:00")]
    // Back at 12:20: 10:00 and 11:00 are skipped, the latest (12:00) runs within its window.
    [InlineData("12:20", "12:20", true, 0, 30, "12:00", "10:00 11:00")]
    // Continuous scheduling (realtime_schedule = 0): every missed time runs once, oldest first.
    [InlineData("12:20", "12:20", false, 0, 30, "10:00 11:00 12:00", "")]
    [InlineData("12:45", "12:45", false, 0, 0, "10:00 11:00 12:00", "")]
    // Back at 23:30 after fourteen missed hours: six run in this round, the oldest first; the rest in the next rounds.
    [InlineData("23:30", "23:30", false, 0, 30, "10:00 11:00 12:00 13:00 14:00 15:00", "")]
    // A window of 0: a time missed while down is skipped even a minute late.
    [InlineData("10:01", "10:01", true, 0, 0, "", "10:00")]
    // Running, but a long round delayed the check to 10:50: the 10:00 time still runs (no later time superseded it).
    [InlineData("09:00", "10:50", true, 0, 0, "10:00", "")]
    // Running, and the check came after 11:00: the 10:00 time is superseded.
    [InlineData("09:00", "11:02", true, 0, 0, "11:00", "10:00")]
    // A 7-minute skew: not due at 10:05, due at 10:07; nothing is due while now less the skew is before the last run.
    [InlineData("09:00", "09:10", true, 7, 30, "", "")]
    [InlineData("09:00", "10:05", true, 7, 30, "", "")]
    [InlineData("09:00", "10:07", true, 7, 30, "10:00", "")]
    public void Due_times_follow_realtime_schedule_the_schedule_window_and_skew(
        string serverStart, string now, bool realtimeSchedule, int skewMinutes, int windowMinutes, string expectedRuns, string expectedSkips)
    {
        var due = ScheduleTiming.Due(Hourly, At("09:05"), At(now), At(serverStart), TimeSpan.FromMinutes(skewMinutes), TimeSpan.FromMinutes(windowMinutes), realtimeSchedule);

        Assert.Equal(Times(expectedRuns), due.Run);
        Assert.Equal(Times(expectedSkips), due.Skipped.Select(s => s.Scheduled));
        Assert.All(due.Skipped, s => Assert.Contains("realtime_schedule = 1", s.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Continuous_catch_up_resumes_in_the_next_round_from_the_last_time_run()
    {
        var first = ScheduleTiming.Due(Hourly, At("09:05"), At("23:30"), At("23:30"), TimeSpan.Zero, TimeSpan.FromMinutes(30), realtimeSchedule: false);
        var second = ScheduleTiming.Due(Hourly, first.Run[^1], At("23:30"), At("23:30"), TimeSpan.Zero, TimeSpan.FromMinutes(30), realtimeSchedule: false);
        var third = ScheduleTiming.Due(Hourly, second.Run[^1], At("23:30"), At("23:30"), TimeSpan.Zero, TimeSpan.FromMinutes(30), realtimeSchedule: false);

        Assert.Equal(Times("16:00 17:00 18:00 19:00 20:00 21:00"), second.Run);
        Assert.Equal(Times("22:00 23:00"), third.Run);
        Assert.Empty(first.Skipped.Concat(second.Skipped).Concat(third.Skipped));
    }

    private static DateTimeOffset At(string time) =>
        new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero) + TimeSpan.ParseExact(time, @"hh\:mm", CultureInfo.InvariantCulture);

    private static List<DateTimeOffset> Times(string list) =>
        [.. list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(At)];
}
