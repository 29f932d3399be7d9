using System.Net;
using System.Text.Json;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Server.Hosting;
using Ferret.Server.Scheduling;
using Ferret.Server.Store;
using Ferret.Server.Tests.Infrastructure;
using Ferret.Testing;

namespace Ferret.Server.Tests.Scheduling;

/// <summary>
/// Two hours of schedule on an injected clock, with the embedded sample content (every detection enabled) and its
/// logs in the store: each hourly run covers ESCU's default window (-70m@m to -10m@m of its scheduled time), a run
/// missed while the server was down runs once at start, and no scheduled time runs twice, across restarts.
/// </summary>
[Trait("Category", "Server")]
public sealed partial class SchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 5, 0, TimeSpan.Zero);

    [Fact]
    public async Task Two_hours_of_schedule_run_each_window_once_across_restarts()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Start);
        var runs = await RunFirstServerUntilDown(folder.Path, clock);

        // Down from 09:55 to 10:20: the 10:00 run is missed, and runs once when the server is back.
        clock.Set(Start.AddMinutes(75));
        await using (var second = await StartServer(folder.Path, clock))
        {
            runs.AddRange(await second.Scheduler.RunDueAsync());
            runs.AddRange(await TickUntil(second, clock, Start.AddHours(2)));
        }

        await using (var third = await StartServer(folder.Path, clock))
        {
            runs.AddRange(await third.Scheduler.RunDueAsync());
        }

        var hours = runs.Select(r => r.Scheduled).ToList();
        Assert.Equal([Hour(10), Hour(11)], hours);
        Assert.All(runs, run =>
        {
            Assert.Equal(4, run.Searches.Count);
            Assert.Equal(EpochTime.FromDateTimeOffset(run.Scheduled.AddMinutes(-70)), run.Earliest);
            Assert.Equal(EpochTime.FromDateTimeOffset(run.Scheduled.AddMinutes(-10)), run.Latest);
        });
        Assert.Equal((3, 6), (runs[0].Notables, runs[0].RiskEvents));
        Assert.Equal(0, runs[1].Findings);

        await using var store = new EventStore(folder.Path, [.. IndexSettings.DefaultNames.Select(n => new IndexSettings(n))], clock);
        Assert.Equal(3, store.Count("notable"));
        Assert.Equal(6, store.Count("risk"));
        var logged = store.Read(new StoreQuery(["_internal"]))
            .Select(e => JsonDocument.Parse(e.Raw).RootElement)
            .Where(e => e.TryGetProperty("status", out var status) && status.GetString() == "success")
            .GroupBy(e => e.GetProperty("savedsearch_name").GetString())
            .ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(4, logged.Count);
        Assert.All(logged.Values, count => Assert.Equal(2, count));
    }

    private static DateTimeOffset Hour(int hour) => new(2026, 3, 2, hour, 0, 0, TimeSpan.Zero);

    /// <summary>The first server: the sample events stored, ticking a minute at a time from 09:05 until it goes down
    /// at 09:55.</summary>
    private static async Task<List<ScheduledRun>> RunFirstServerUntilDown(string data, ManualClock clock)
    {
        await using var first = await StartServer(data, clock);
        await first.Store.AppendAsync(SampleEvents());
        return await TickUntil(first, clock, Start.AddMinutes(50));
    }

    private static async Task<List<ScheduledRun>> TickUntil(FerretServer server, ManualClock clock, DateTimeOffset until)
    {
        var runs = new List<ScheduledRun>();
        while (clock.GetUtcNow() < until)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            runs.AddRange(await server.Scheduler.RunDueAsync());
        }

        return runs;
    }

    private static Task<FerretServer> StartServer(string data, ManualClock clock, SchedulePolicy? policy = null) =>
        InProcessServer.StartAsync(InProcessServer.Settings(data) with
        {
            AdminPassword = "unused",
            EnabledDetections = ["*"],
            Schedule = policy ?? SchedulePolicy.Default,
            Clock = clock,
        });

    /// <summary>The sample logs' events, stored as HEC would store them (raw text and metadata).</summary>
    private static List<StoredEvent> SampleEvents()
    {
        var logs = Path.Combine(SharedCorpus.RepositoryRoot, "samples", "logs");
        return [.. InputReader.Read([logs], IngestOptions.Default, new ThrowingProblems())
            .Select(e => new StoredEvent("main", e.Time!.Value, e.Host!, e.Source!, e.SourceType!, e.Raw!))];
    }

    private sealed class ThrowingProblems : IProblemSink
    {
        public void Report(InputProblem problem) => throw new InvalidOperationException(problem.ToString());
    }
}
