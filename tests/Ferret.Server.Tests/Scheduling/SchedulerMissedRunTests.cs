using System.Text.Json;
using Ferret.Server.Scheduling;
using Ferret.Server.Store;
using Ferret.Server.Tests.Infrastructure;

namespace Ferret.Server.Tests.Scheduling;

/// <summary>
/// Runs missed while the server was down, past their schedule window, under continuous scheduling, and with skew:
/// the same two hours as the first test, each case on its own data folder.
/// </summary>
public sealed partial class SchedulerTests
{
    [Fact]
    public async Task A_run_missed_past_its_schedule_window_is_skipped_and_logged_and_the_next_runs()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Start);
        var runs = await RunFirstServerUntilDown(folder.Path, clock);

        // Down from 09:55 to 10:45: the 10:00 run's window (auto: half the hour) ended at 10:30.
        clock.Set(Start.AddMinutes(100));
        await using (var second = await StartServer(folder.Path, clock))
        {
            runs.AddRange(await second.Scheduler.RunDueAsync());
            runs.AddRange(await TickUntil(second, clock, Start.AddHours(2)));
        }

        Assert.Equal([Hour(11)], runs.Select(r => r.Scheduled));
        var skipped = await InternalRecords(folder.Path, clock, "skipped");
        Assert.Equal(4, skipped.Count);
        Assert.All(skipped, s =>
        {
            Assert.Equal(Hour(10).ToUnixTimeSeconds(), s.GetProperty("scheduled_time").GetInt64());
            Assert.Contains("schedule window of 30 minutes", s.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Continuous_scheduling_runs_every_missed_window_once_at_start()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Start);
        var continuous = new SchedulePolicy(RealtimeSchedule: false);
        var runs = new List<ScheduledRun>();
        await using (var first = await StartServer(folder.Path, clock, continuous))
        {
            await first.Store.AppendAsync(SampleEvents());
            runs.AddRange(await first.Scheduler.RunDueAsync());
        }

        clock.Set(Start.AddMinutes(195));
        await using (var second = await StartServer(folder.Path, clock, continuous))
        {
            runs.AddRange(await second.Scheduler.RunDueAsync());
            runs.AddRange(await second.Scheduler.RunDueAsync());
        }

        await using (var third = await StartServer(folder.Path, clock, continuous))
        {
            runs.AddRange(await third.Scheduler.RunDueAsync());
        }

        Assert.Equal([Hour(10), Hour(11), Hour(12)], runs.Select(r => r.Scheduled));
        Assert.All(runs, run => Assert.Equal(Ferret.Events.EpochTime.FromDateTimeOffset(run.Scheduled.AddMinutes(-70)), run.Earliest));
        Assert.Equal(3, runs[0].Notables);
        Assert.Empty(await InternalRecords(folder.Path, clock, "skipped"));
    }

    [Fact]
    public async Task With_skew_each_search_starts_at_its_own_offset_and_covers_the_window_of_its_scheduled_time()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Start);
        var skewed = new SchedulePolicy(AllowSkew: "10m");
        await using var server = await StartServer(folder.Path, clock, skewed);
        await server.Store.AppendAsync(SampleEvents());
        var runs = await TickUntil(server, clock, Start.AddHours(2).AddMinutes(10));

        var perSearch = runs.SelectMany(r => r.Searches.Select(s => (Search: s, Run: r))).GroupBy(p => p.Search).ToList();
        Assert.Equal(4, perSearch.Count);
        Assert.All(perSearch, search =>
        {
            Assert.Equal([Hour(10), Hour(11)], search.Select(p => p.Run.Scheduled));
            var skew = ScheduleTiming.SkewOf(search.Key, TimeSpan.FromMinutes(10));
            Assert.All(search, p =>
            {
                Assert.Equal(p.Run.Scheduled + Ceiling(skew), p.Run.Started);
                Assert.Equal(Ferret.Events.EpochTime.FromDateTimeOffset(p.Run.Scheduled.AddMinutes(-10)), p.Run.Latest);
            });
        });
    }

    /// <summary>The test's clock moves a minute at a time, so a run starts at the first whole minute past its skew.</summary>
    private static TimeSpan Ceiling(TimeSpan skew) => TimeSpan.FromMinutes(Math.Ceiling(skew.TotalMinutes));

    private static async Task<List<JsonElement>> InternalRecords(string data, ManualClock clock, string status)
    {
        await using var store = new EventStore(data, [.. IndexSettings.DefaultNames.Select(n => new IndexSettings(n))], clock);
        return [.. store.Read(new StoreQuery(["_internal"]))
            .Select(e => JsonDocument.Parse(e.Raw).RootElement.Clone())
            .Where(e => e.TryGetProperty("status", out var value) && value.GetString() == status)];
    }
}
