using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Hands each routed event to the feeds of the detections it was routed to, on worker threads, so feeding (most of a
/// hunt's work per event) is not bound to the one thread that reads and routes. The routing thread gathers events in
/// batches; a full batch is split by detection and posted to the mailbox of each detection it has events for. One
/// worker at a time drains a detection's mailbox, in the order it was posted, so each detection still sees its events
/// in input order and on one thread at a time (what <see cref="DetectionFeed"/> needs), and its results are those of
/// a single-threaded hunt; any idle worker takes whichever detection has work waiting, so the load balances itself
/// whatever each detection costs (a few detections cost far more per event than the rest). At most
/// <see cref="BatchesInFlight"/> batches are in flight (the routing thread waits for one to finish), so memory does
/// not follow the input. Once every detection of a batch has been fed, <c>fed</c> is called with each of its events
/// (the hunt lets go of their data model projections). With one thread, the routing thread feeds the detections itself.
/// A failure of a detection's search is kept by its feed and reported when it finishes, as before; anything thrown
/// past a feed stops the hunt on the routing thread.
/// </summary>
internal sealed partial class FeedWorkers : IDisposable
{
    /// <summary>Batches handed to the workers and not yet fed to all their detections: enough that workers rarely wait
    /// for the routing thread, few enough that the events they hold stay a small, fixed number.</summary>
    private const int BatchesInFlight = 4;

    private readonly DetectionFeed[] _feeds;
    private readonly Action<Event> _fed;
    private readonly int _batchSize;
    private readonly Mailbox[] _mailboxes;
    private readonly BlockingCollection<int> _ready = new();
    private readonly Thread[] _workers;
    private readonly SemaphoreSlim _inFlight = new(BatchesInFlight, BatchesInFlight);

    /// <summary>Routes per detection in the batch being split (the routing thread's scratch space).</summary>
    private readonly int[] _counts;

    /// <summary>The detections of the batch being split and where each one's events start in its slots (the routing
    /// thread's scratch space, reused for every batch).</summary>
    private readonly List<int> _active = [];
    private int[] _starts = [];

    /// <summary>Batches whose events were all fed, emptied and waiting to be filled again: at most
    /// <see cref="BatchesInFlight"/> + 1 batches ever exist, so handing events on allocates nothing once they have grown.</summary>
    private readonly ConcurrentQueue<Batch> _spare = new();
    private Batch _current;
    private ExceptionDispatchInfo? _failure;
    private bool _stopped;

    /// <param name="feeds">The detections' feeds, by the index the router gives them.</param>
    /// <param name="threads">How many threads feed the detections; 1 feeds them on the caller's thread.</param>
    /// <param name="batchSize">How many events the routing thread gathers before handing them on.</param>
    /// <param name="fed">Called with each event once every detection it was routed to has been fed it.</param>
    public FeedWorkers(DetectionFeed[] feeds, int threads, int batchSize, Action<Event> fed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _feeds = feeds;
        _fed = fed;
        _batchSize = batchSize;
        _counts = new int[feeds.Length];
        _current = new Batch(batchSize);
        _mailboxes = threads == 1 ? [] : [.. feeds.Select(_ => new Mailbox())];
        _workers = new Thread[threads == 1 ? 0 : threads];
        for (var i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"ferret hunt feed {i + 1}" };
            _workers[i].Start();
        }
    }

    /// <summary>Feeds <paramref name="e"/> to the detections in <paramref name="detections"/> (each once), now or on a
    /// worker; the list may be reused by the caller once this returns.</summary>
    public void Add(Event e, List<int> detections)
    {
        if (_workers.Length == 0)
        {
            foreach (var detection in detections)
            {
                _feeds[detection].Add(e);
            }

            _fed(e);
            return;
        }

        _current.Add(e, detections);
        if (_current.Count == _batchSize)
        {
            Post(_current);
            _current = _spare.TryDequeue(out var spare) ? spare : new Batch(_batchSize);
        }
    }

    /// <summary>Hands on the last batch and waits until every event has been fed; rethrows what a worker threw.</summary>
    public void Finish()
    {
        if (_workers.Length > 0)
        {
            if (_current.Count > 0)
            {
                Post(_current);
            }

            for (var i = 0; i < BatchesInFlight; i++)
            {
                _inFlight.Wait();
            }

            _inFlight.Release(BatchesInFlight);
        }

        Stop();
        _failure?.Throw();
    }

    /// <summary>Stops the workers (after the batches already handed on), also when the routing thread failed.</summary>
    public void Dispose()
    {
        Stop();
        _ready.Dispose();
        _inFlight.Dispose();
    }

    private void Stop()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        _ready.CompleteAdding();
        foreach (var worker in _workers)
        {
            worker.Join();
        }
    }

    /// <summary>Splits <paramref name="batch"/> by detection (a counting sort, so each detection's events keep their
    /// order) and posts each part to its detection's mailbox, once fewer than <see cref="BatchesInFlight"/> are in flight.</summary>
    private void Post(Batch batch)
    {
        Volatile.Read(ref _failure)?.Throw();
        _inFlight.Wait();
        var routes = batch.RouteDetections;
        var active = _active;
        active.Clear();
        foreach (var detection in routes)
        {
            if (_counts[detection]++ == 0)
            {
                active.Add(detection);
            }
        }

        if (_starts.Length < active.Count)
        {
            _starts = new int[Math.Max(active.Count, _starts.Length * 2)];
        }

        var starts = _starts;
        var next = 0;
        for (var i = 0; i < active.Count; i++)
        {
            starts[i] = next;
            next += _counts[active[i]];
            _counts[active[i]] = starts[i];
        }

        var slots = batch.SealSlots(routes.Count, active.Count);
        for (var i = 0; i < routes.Count; i++)
        {
            slots[_counts[routes[i]]++] = batch.RouteEvents[i];
        }

        if (active.Count == 0)
        {
            Complete(batch);
            return;
        }

        for (var i = 0; i < active.Count; i++)
        {
            var detection = active[i];
            _counts[detection] = 0;
            var mailbox = _mailboxes[detection];
            bool schedule;
            lock (mailbox)
            {
                mailbox.Pending.Enqueue(new Part(batch, starts[i], (i + 1 < active.Count ? starts[i + 1] : routes.Count) - starts[i]));
                schedule = !mailbox.Scheduled;
                mailbox.Scheduled = true;
            }

            if (schedule)
            {
                _ready.Add(detection);
            }
        }
    }

    /// <summary>A worker: takes a detection with work waiting and feeds it every part in its mailbox, in order.</summary>
    private void Work()
    {
        foreach (var detection in _ready.GetConsumingEnumerable())
        {
            var mailbox = _mailboxes[detection];
            while (true)
            {
                Part part;
                lock (mailbox)
                {
                    if (!mailbox.Pending.TryDequeue(out part))
                    {
                        mailbox.Scheduled = false;
                        break;
                    }
                }

                Feed(detection, part);
            }
        }
    }

    private void Feed(int detection, Part part)
    {
        var batch = part.Batch;
        try
        {
            var feed = _feeds[detection];
            for (var i = part.Start; i < part.Start + part.Length; i++)
            {
                feed.Add(batch.Events[batch.Slots[i]]);
            }
        }
        catch (Exception error)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(error), null);
        }
        finally
        {
            if (batch.PartFed())
            {
                Complete(batch);
            }
        }
    }

    private void Complete(Batch batch)
    {
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                _fed(batch.Events[i]);
            }
        }
        catch (Exception error)
        {
            Interlocked.CompareExchange(ref _failure, ExceptionDispatchInfo.Capture(error), null);
        }
        finally
        {
            // No worker reads the batch any more (its last part was fed): it can be filled again.
            batch.Clear();
            _spare.Enqueue(batch);
            _inFlight.Release();
        }
    }
}
