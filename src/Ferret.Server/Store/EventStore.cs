using System.Threading.Channels;

namespace Ferret.Server.Store;

/// <summary>
/// The durable store: one folder per index under <c>DATA/indexes</c>, one SQLite database per time bucket in it
/// (<see cref="Bucket"/>). Writes go through one writer task that takes every request waiting and commits them in
/// one transaction per bucket (group commit), then completes them: a request's task finishes only once its events
/// are committed, which is what HEC waits for before it acknowledges. The queue is bounded; when it is full a write
/// is refused at once (<see cref="StoreBusyException"/>, HEC's "server is busy") rather than buffered without end.
/// </summary>
internal sealed partial class EventStore : IAsyncDisposable
{
    /// <summary>How many events may wait for the writer before new writes are refused.</summary>
    public const int MaxPendingEvents = 200_000;

    private readonly string _root;
    private readonly Dictionary<string, IndexSettings> _indexes;
    private readonly Dictionary<(string Index, double Start), Bucket> _buckets = [];
    private readonly Lock _bucketsGate = new();
    private readonly Channel<WriteRequest> _queue = Channel.CreateUnbounded<WriteRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;
    private readonly TimeProvider _clock;
    private long _pending;

    public EventStore(string dataDirectory, IEnumerable<IndexSettings> indexes, TimeProvider clock)
    {
        _root = Path.Combine(dataDirectory, "indexes");
        _clock = clock;
        _indexes = indexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var index in _indexes.Values)
        {
            var folder = Path.Combine(_root, index.Name);
            Directory.CreateDirectory(folder);
            foreach (var file in Directory.EnumerateFiles(folder, "*.db"))
            {
                if (Bucket.StartOf(file) is { } start)
                {
                    _buckets[(index.Name, start)] = new Bucket(index.Name, file, start, index.BucketSpan.TotalSeconds);
                }
            }
        }

        _writer = Task.Run(WriteLoop);
    }

    public IReadOnlyCollection<string> IndexNames => _indexes.Keys;

    public bool HasIndex(string name) => _indexes.ContainsKey(name);

    /// <summary>Events accepted but not yet committed.</summary>
    public long Pending => Interlocked.Read(ref _pending);

    public bool IsBusy => Pending >= MaxPendingEvents;

    /// <summary>Writes <paramref name="events"/> durably; the task ends when they are committed. Returns how many
    /// were new (an event whose <see cref="StoredEvent.DedupKey"/> is already stored is not written again).</summary>
    public Task<int> AppendAsync(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.FromResult(0);
        }

        foreach (var e in events)
        {
            if (!_indexes.ContainsKey(e.Index))
            {
                throw new ArgumentException($"index '{e.Index}' is not declared", nameof(events));
            }
        }

        if (Interlocked.Add(ref _pending, events.Count) > MaxPendingEvents && Interlocked.Read(ref _pending) > events.Count)
        {
            Interlocked.Add(ref _pending, -events.Count);
            throw new StoreBusyException();
        }

        var request = new WriteRequest(events, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(request))
        {
            Interlocked.Add(ref _pending, -events.Count);
            throw new ObjectDisposedException(nameof(EventStore));
        }

        return request.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        lock (_bucketsGate)
        {
            foreach (var bucket in _buckets.Values)
            {
                bucket.Dispose();
            }
        }
    }

    private async Task WriteLoop()
    {
        var batch = new List<WriteRequest>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var events = 0;
            while (events < 50_000 && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
                events += request.Events.Count;
            }

            try
            {
                var written = Commit(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(written[i]);
                }
            }
            catch (Exception error) when (error is Microsoft.Data.Sqlite.SqliteException or IOException or UnauthorizedAccessException)
            {
                foreach (var request in batch)
                {
                    request.Done.TrySetException(error);
                }
            }
            finally
            {
                Interlocked.Add(ref _pending, -events);
            }
        }
    }

    /// <summary>One transaction per bucket touched, all committed before any request is completed.</summary>
    private int[] Commit(List<WriteRequest> batch)
    {
        var written = new int[batch.Count];
        var byBucket = new Dictionary<Bucket, List<(int Request, StoredEvent Event)>>();
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var e in batch[i].Events)
            {
                var bucket = BucketFor(e.Index, e.Time);
                if (!byBucket.TryGetValue(bucket, out var list))
                {
                    list = [];
                    byBucket[bucket] = list;
                }

                list.Add((i, e));
            }
        }

        foreach (var (bucket, events) in byBucket)
        {
            lock (_bucketsGate)
            {
                using var transaction = bucket.Begin();
                foreach (var (request, e) in events)
                {
                    written[request] += bucket.Insert(transaction, e);
                }

                transaction.Commit();
                bucket.LastWrite = _clock.GetUtcNow();
            }
        }

        return written;
    }

    private Bucket BucketFor(string index, double time)
    {
        var span = _indexes[index].BucketSpan.TotalSeconds;
        var start = Math.Floor(time / span) * span;
        lock (_bucketsGate)
        {
            if (!_buckets.TryGetValue((index, start), out var bucket))
            {
                bucket = new Bucket(index, Path.Combine(_root, index, Bucket.FileName(hot: true, start)), start, span);
                _buckets[(index, start)] = bucket;
            }

            return bucket;
        }
    }

    private sealed record WriteRequest(IReadOnlyList<StoredEvent> Events, TaskCompletionSource<int> Done);
}

/// <summary>The store's write queue is full: the caller should retry later (HEC answers 503, code 9).</summary>
internal sealed class StoreBusyException() : Exception("the store's write queue is full");
