using System.Diagnostics;
using System.Globalization;
using Ferret.Server.Store;

namespace Ferret.Benchmarks.Server;

/// <summary>
/// The store's write path alone, for comparison with HEC's: <c>store-append [EVENTS] [BATCH]</c> appends EVENTS ~1 KB
/// events in batches of BATCH from four writers at once (group commit, WAL, synchronous=FULL, FTS5 terms) and prints
/// events/s.
/// </summary>
internal static class StoreAppend
{
    public static async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        var data = Path.Combine(Path.GetTempPath(), "ferret-store-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new EventStore(data, [new IndexSettings("main")], TimeProvider.System);
            var filler = new string('x', 800);
            var events = Enumerable.Range(0, batch)
                .Select(i => new StoredEvent("main", 1_700_000_000 + i, $"wks-{i % 50:000}", "bench", "bench:event",
                    $"EventCode=4688 NewProcessName=C:\\Windows\\System32\\cmd.exe CommandLine=\"cmd.exe /c whoami {i}\" SubjectUserName=user{i % 97} {filler}"))
                .ToList();
            var clock = Stopwatch.StartNew();
            var writers = Enumerable.Range(0, 4).Select(async w =>
            {
                for (var sent = 0; sent < total / 4; sent += batch)
                {
                    await store.AppendAsync(events);
                }
            });
            await Task.WhenAll(writers);
            Console.WriteLine($"store append: {total:N0} events in {clock.Elapsed.TotalSeconds:0.00} s = {total / clock.Elapsed.TotalSeconds:N0} events/s");
            return 0;
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
