using System.Collections.Concurrent;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

public static partial class HuntRunner
{
    /// <summary>How many normalized events may wait between the normalizing thread and the routing one: enough to
    /// smooth out uneven events, few enough that memory does not follow the input.</summary>
    private const int PipelineDepth = 1024;

    /// <summary>
    /// Enumerates <paramref name="events"/> (reading and normalizing) on a thread of its own, so that work overlaps with
    /// the caller's (routing and feeding detections) on a second core; the order is kept and the queue between the two
    /// is bounded. An exception of the reading side is rethrown to the caller.
    /// </summary>
    private static IEnumerable<Event> Pipelined(IEnumerable<Event> events)
    {
        using var queue = new BlockingCollection<Event>(PipelineDepth);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var e in events)
                {
                    queue.Add(e, stop.Token);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var e in queue.GetConsumingEnumerable())
            {
                yield return e;
            }
        }
        finally
        {
            // Stops the reading side when the caller stops early (or fails), then waits for it to let go of the queue.
            stop.Cancel();
            try
            {
                producer.Wait();
            }
            catch (AggregateException)
            {
                // Rethrown below when the caller read to the end; otherwise the caller stopped (or failed) first.
            }
        }

        // The reading side's own failure, if it had one, unwrapped as if it had been read on this thread.
        producer.GetAwaiter().GetResult();
    }
}
