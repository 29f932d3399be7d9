using System.Threading.Channels;
using Ferret.Events;

namespace Ferret.Ingest;

public static partial class InputReader
{
    private const int BatchSize = 256;

    /// <summary>Batches each file may queue ahead of the consumer: memory stays bounded by
    /// parallelism × this × batch size, whatever the input size.</summary>
    private const int QueuedBatchesPerFile = 8;

    /// <summary>
    /// Up to <paramref name="parallelism"/> files are read (or waiting to be drained) at once, each into its own bounded
    /// queue; the consumer drains the queues in file order, so output order is deterministic. Files are started in order,
    /// so the file being drained always holds a slot: a reader blocked on a full queue of a later file cannot starve it.
    /// </summary>
    private static IEnumerable<Event> ReadInParallel(IReadOnlyList<string> files, IngestOptions options, IProblemSink problems, int parallelism)
    {
        using var cancel = new CancellationTokenSource();
        using var slots = new SemaphoreSlim(parallelism);
        var queues = new Channel<Event[]>[files.Count];
        for (var i = 0; i < queues.Length; i++)
        {
            queues[i] = Channel.CreateBounded<Event[]>(new BoundedChannelOptions(QueuedBatchesPerFile) { SingleReader = true, SingleWriter = true });
        }

        var token = cancel.Token;
        var dispatcher = Task.Run(async () =>
        {
            for (var i = 0; i < files.Count; i++)
            {
                try
                {
                    await slots.WaitAsync(token);
                }
                catch (OperationCanceledException)
                {
                    for (var rest = i; rest < files.Count; rest++)
                    {
                        queues[rest].Writer.TryComplete();
                    }

                    return;
                }

                var index = i;
                _ = Task.Run(() => Produce(files[index], options, problems, queues[index].Writer, token), CancellationToken.None);
            }
        }, CancellationToken.None);

        try
        {
            foreach (var queue in queues)
            {
                while (queue.Reader.WaitToReadAsync(token).AsTask().GetAwaiter().GetResult())
                {
                    while (queue.Reader.TryRead(out var batch))
                    {
                        foreach (var e in batch)
                        {
                            yield return e;
                        }
                    }
                }

                // The file's slot is free once its queue is drained, not once it was read: files smaller than a queue would
                // otherwise free theirs at once, and the readers would run ahead through every file.
                slots.Release();
            }
        }
        finally
        {
            cancel.Cancel();
            dispatcher.ContinueWith(_ => { }, TaskScheduler.Default).GetAwaiter().GetResult();
        }
    }

    private static void Produce(string path, IngestOptions options, IProblemSink problems, ChannelWriter<Event[]> writer, CancellationToken token)
    {
        try
        {
            var batch = new List<Event>(BatchSize);
            foreach (var e in ReadFile(path, options, problems))
            {
                token.ThrowIfCancellationRequested();
                batch.Add(e);
                if (batch.Count == BatchSize)
                {
                    writer.WriteAsync([.. batch], token).AsTask().GetAwaiter().GetResult();
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                writer.WriteAsync([.. batch], token).AsTask().GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException)
        {
            // The consumer stopped reading; nothing is lost that anyone is waiting for.
        }
        catch (Exception error)
        {
            // A failure that is not bad input (a bug) ends the run on the consumer's side, never in silence.
            writer.TryComplete(error);
        }
        finally
        {
            writer.TryComplete();
        }
    }
}
