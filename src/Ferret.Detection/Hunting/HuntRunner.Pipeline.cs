using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Detection.Hunting;

public static partial class HuntRunner
{
    /// <summary>How many events are normalized as one piece of work: enough to make handing them between threads cheap.</summary>
    private const int NormalizeBatchSize = 64;

    /// <summary>How many batches may wait between reading and routing (normalized or being normalized): enough to keep
    /// every normalizing thread busy and to smooth out uneven events, few enough that memory does not follow the input.</summary>
    private const int BatchesAhead = 8;

    /// <summary>
    /// Reads <paramref name="events"/> on a thread of its own and normalizes them (<see cref="KnowledgeBase.AccelerateOnce"/>)
    /// on <paramref name="threads"/> threads, a batch at a time each, so that work overlaps with the caller's (routing
    /// and feeding detections); with one thread the reading thread normalizes them itself. Events are normalized
    /// independently of each other, and the batches come out in input order; at most <see cref="BatchesAhead"/> batches
    /// wait. An exception of the reading or normalizing side is rethrown to the caller.
    /// </summary>
    private static IEnumerable<Event> ReadNormalized(IEnumerable<Event> events, KnowledgeBase knowledge, int threads)
    {
        using var ordered = new BlockingCollection<NormalizeBatch>(BatchesAhead);
        using var work = new BlockingCollection<NormalizeBatch>();
        using var stop = new CancellationTokenSource();
        var normalizers = new Thread[threads == 1 ? 0 : threads];
        for (var i = 0; i < normalizers.Length; i++)
        {
            normalizers[i] = new Thread(() =>
            {
                foreach (var batch in work.GetConsumingEnumerable())
                {
                    batch.Normalize(knowledge);
                }
            })
            { IsBackground = true, Name = $"ferret hunt normalize {i + 1}" };
            normalizers[i].Start();
        }

        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var chunk in events.Chunk(NormalizeBatchSize))
                {
                    var batch = new NormalizeBatch(chunk);
                    ordered.Add(batch, stop.Token);
                    if (normalizers.Length == 0)
                    {
                        batch.Normalize(knowledge);
                    }
                    else
                    {
                        work.Add(batch, stop.Token);
                    }
                }
            }
            finally
            {
                ordered.CompleteAdding();
                work.CompleteAdding();
            }
        });
        try
        {
            foreach (var batch in ordered.GetConsumingEnumerable())
            {
                foreach (var e in batch.Result())
                {
                    yield return e;
                }
            }
        }
        finally
        {
            // Stops the reading side when the caller stops early (or fails), then waits for it to let go of the queues.
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // Rethrown below when the caller read to the end; otherwise the caller stopped (or failed) first.
            }

            foreach (var normalizer in normalizers)
            {
                normalizer.Join();
            }
        }

        // The reading side's own failure, if it had one, unwrapped as if it had been read on this thread.
        producer.GetAwaiter().GetResult();
    }

    /// <summary>Events read and, once <see cref="Normalize"/> ran (on whichever thread), their normalized forms.</summary>
    private sealed class NormalizeBatch(Event[] raw) : IDisposable
    {
        private readonly ManualResetEventSlim _done = new();
        private readonly Event[] _events = raw;
        private ExceptionDispatchInfo? _failure;

        public void Normalize(KnowledgeBase knowledge)
        {
            try
            {
                // In place: AccelerateOnce reads each event before giving its normalized form.
                var i = 0;
                foreach (var normalized in knowledge.AccelerateOnce(_events))
                {
                    _events[i++] = normalized;
                }
            }
            catch (Exception error)
            {
                _failure = ExceptionDispatchInfo.Capture(error);
            }
            finally
            {
                _done.Set();
            }
        }

        /// <summary>The normalized events, once they are; throws what normalizing them threw.</summary>
        public Event[] Result()
        {
            _done.Wait();
            Dispose();
            _failure?.Throw();
            return _events;
        }

        public void Dispose() => _done.Dispose();
    }
}
