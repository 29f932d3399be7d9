using Ferret.Server.Store;
using Ferret.Server.Tests.Infrastructure;

namespace Ferret.Server.Tests.Store;

public sealed class EventStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Events_are_read_back_newest_first_from_the_buckets_of_their_index()
    {
        using var folder = new TemporaryFolder();
        await using var store = Open(folder.Path);

        await store.AppendAsync([Event("main", 100, "old"), Event("main", 200_000, "new"), Event("risk", 150, "elsewhere")]);

        Assert.Equal(["new", "old"], store.Read(new StoreQuery(["main"])).Select(e => e.Raw));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(folder.Path, "indexes", "main"), "hot_*.db").Length);
    }

    [Fact]
    public async Task Committed_events_are_there_when_the_store_is_opened_again()
    {
        using var folder = new TemporaryFolder();
        await using (var store = Open(folder.Path))
        {
            await store.AppendAsync([Event("main", 100, "kept")]);
        }

        await using var reopened = Open(folder.Path);
        Assert.Equal(["kept"], reopened.Read(new StoreQuery(["main"])).Select(e => e.Raw));
    }

    [Fact]
    public async Task Time_metadata_and_terms_are_applied_by_the_store()
    {
        using var folder = new TemporaryFolder();
        await using var store = Open(folder.Path);
        await store.AppendAsync(
        [
            Event("main", 10, "process wmic.exe started", "XmlWinEventLog"),
            Event("main", 20, "process cmd.exe started", "XmlWinEventLog"),
            Event("main", 30, "process WMIC.EXE started", "syslog"),
            Event("main", 40, "process wmic.exe started late", "XmlWinEventLog"),
        ]);

        var query = new StoreQuery(["main"])
        {
            Earliest = 10,
            Latest = 40,
            Metadata = [new MetadataFilter("sourcetype", ["xmlwin*", "sys_og"])],
            Terms = ["\"wmic\" AND \"exe\""],
        };

        Assert.Equal(["process wmic.exe started"], store.Read(query).Select(e => e.Raw));
    }

    [Fact]
    public async Task An_event_with_a_key_already_stored_is_not_written_again()
    {
        using var folder = new TemporaryFolder();
        await using var store = Open(folder.Path);

        var first = await store.AppendAsync([Event("notable", 100, "n") with { DedupKey = "k1" }]);
        var second = await store.AppendAsync([Event("notable", 100, "n") with { DedupKey = "k1" }, Event("notable", 100, "m") with { DedupKey = "k2" }]);

        Assert.Equal((1, 1), (first, second));
        Assert.Equal(2, store.Count("notable"));
    }

    [Fact]
    public async Task Retention_rolls_idle_buckets_to_warm_and_freezes_those_past_their_age()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Now);
        var indexes = new[] { new IndexSettings("main") { MaxAge = TimeSpan.FromDays(30) } };
        await using var store = new EventStore(folder.Path, indexes, clock);
        var old = Now.AddDays(-40).ToUnixTimeSeconds();
        var recent = Now.AddDays(-2).ToUnixTimeSeconds();
        await store.AppendAsync([Event("main", old, "old"), Event("main", recent, "recent")]);

        clock.Advance(TimeSpan.FromHours(1));
        var done = store.Maintain();

        Assert.Contains(done, d => d.StartsWith("froze main", StringComparison.Ordinal));
        Assert.Equal(["recent"], store.Read(new StoreQuery(["main"])).Select(e => e.Raw));
        Assert.Single(Directory.GetFiles(Path.Combine(folder.Path, "indexes", "main"), "warm_*.db"));
    }

    [Fact]
    public async Task A_late_event_for_a_warm_bucket_reopens_it_and_is_searchable_across_restarts()
    {
        using var folder = new TemporaryFolder();
        var clock = new ManualClock(Now);
        var indexes = new[] { new IndexSettings("main") };
        var yesterday = Now.AddDays(-1).ToUnixTimeSeconds();
        var bucketFiles = Path.Combine(folder.Path, "indexes", "main");
        await using (var store = new EventStore(folder.Path, indexes, clock))
        {
            await store.AppendAsync([Event("main", yesterday, "on time")]);
            clock.Advance(TimeSpan.FromHours(1));
            Assert.Contains(store.Maintain(), d => d.StartsWith("rolled main", StringComparison.Ordinal));
            Assert.Single(Directory.GetFiles(bucketFiles, "warm_*.db"));

            await store.AppendAsync([Event("main", yesterday + 60, "late, same process")]);
            Assert.Single(Directory.GetFiles(bucketFiles, "hot_*.db"));
            Assert.Empty(Directory.GetFiles(bucketFiles, "warm_*.db"));
            clock.Advance(TimeSpan.FromHours(1));
            store.Maintain();
        }

        await using (var reopened = new EventStore(folder.Path, indexes, clock))
        {
            await reopened.AppendAsync([Event("main", yesterday + 120, "late, after a restart")]);
            Assert.Equal(["late, after a restart", "late, same process", "on time"], reopened.Read(new StoreQuery(["main"])).Select(e => e.Raw));
            clock.Advance(TimeSpan.FromHours(1));
            reopened.Maintain();
        }

        Assert.Equal(["warm_" + (long)(Math.Floor(yesterday / 86400.0) * 86400) + ".db"], Directory.GetFiles(bucketFiles).Select(Path.GetFileName));
        await using var third = new EventStore(folder.Path, indexes, clock);
        Assert.Equal(3, third.Count("main"));
    }

    [Fact]
    public async Task A_write_to_an_undeclared_index_is_refused()
    {
        using var folder = new TemporaryFolder();
        await using var store = Open(folder.Path);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync([Event("nope", 1, "x")]));
    }

    private static EventStore Open(string folder) =>
        new(folder, [.. IndexSettings.DefaultNames.Select(n => new IndexSettings(n))], new ManualClock(Now));

    private static StoredEvent Event(string index, double time, string raw, string sourceType = "test") =>
        new(index, time, "host1", "source1", sourceType, raw);
}
