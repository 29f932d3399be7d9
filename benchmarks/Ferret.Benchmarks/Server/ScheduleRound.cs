using System.Diagnostics;
using System.Globalization;
using System.Net;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Server.Hosting;
using Ferret.Server.Store;

namespace Ferret.Benchmarks.Server;

/// <summary>
/// One scheduled round of every active ESCU detection over one hour of stored Windows events:
/// <c>schedule-round SHARED_DIR [EVENTS]</c> reads the real XML Windows events of SHARED_DIR/data/evtx-attack-samples,
/// stores EVENTS of them (repeated as needed) spread over the hour the 11:00 run's window covers (-70m@m to -10m@m),
/// enables every detection, and times the scheduler's 11:00 round: one shared pass over the store, every due detection
/// fed by the hunt's routing. Prints the round's time, what it found, and this process's peak resident memory.
/// </summary>
internal static class ScheduleRound
{
    private static readonly DateTimeOffset Scheduled = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var shared = args[0];
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000;
        var data = Path.Combine(Path.GetTempPath(), "ferret-round-bench-" + Guid.NewGuid().ToString("N"));
        var clock = new BenchClock(Scheduled.AddMinutes(-1));
        try
        {
            var server = new FerretServer(new ServerSettings
            {
                DataDirectory = data,
                ContentDirectory = Path.Combine(shared, "escu"),
                ListenAddress = IPAddress.Loopback,
                HecPort = HecLoad.FreePort(),
                RestPort = HecLoad.FreePort(),
                WebPort = HecLoad.FreePort(),
                AdminPassword = "bench",
                EnabledDetections = ["*"],
                RunScheduler = false,
                Clock = clock,
            }, console: null);
            await using (server)
            {
                await server.StartAsync();
                await server.Scheduler.RunDueAsync();
                var stored = await Store(server.Store, Path.Combine(shared, "data", "evtx-attack-samples"), count);
                clock.Now = Scheduled;
                var watch = Stopwatch.StartNew();
                var runs = await server.Scheduler.RunDueAsync();
                watch.Stop();
                var run = runs.Single();
                Console.WriteLine($"stored: {stored:N0} Windows events in the window [{Scheduled.AddMinutes(-70):HH:mm}, {Scheduled.AddMinutes(-10):HH:mm})");
                Console.WriteLine($"round: {run.Searches.Count} detections in {watch.Elapsed.TotalSeconds:0.0} s; {run.Findings} findings, {run.Notables} notables, {run.RiskEvents} risk events");
                Console.WriteLine($"peak RSS (server and loader in one process): {PeakMemoryMiB()} MiB");
            }

            return 0;
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }

    private static async Task<int> Store(EventStore store, string folder, int count)
    {
        var events = InputReader.Read([folder], IngestOptions.Default, new NoProblems())
            .Where(e => e.Raw is { Length: > 0 } raw && raw.StartsWith("<Event", StringComparison.Ordinal))
            .Select(e => (e.Host ?? "unknown", e.Source ?? "unknown", e.SourceType ?? "XmlWinEventLog", e.Raw!))
            .ToList();
        var start = EpochTime.FromDateTimeOffset(Scheduled.AddMinutes(-70));
        var span = 3600.0;
        var batch = new List<StoredEvent>(10_000);
        for (var i = 0; i < count; i++)
        {
            var (host, source, sourceType, raw) = events[i % events.Count];
            batch.Add(new StoredEvent("main", start + span * i / count, host, source, sourceType, raw));
            if (batch.Count == 10_000)
            {
                await store.AppendAsync([.. batch]);
                batch.Clear();
            }
        }

        await store.AppendAsync(batch);
        return count;
    }

    private static long PeakMemoryMiB()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private sealed class BenchClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class NoProblems : IProblemSink
    {
        public void Report(InputProblem problem)
        {
        }
    }
}
