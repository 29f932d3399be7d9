using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Ferret.Events;

namespace Ferret.Ingest.Evtx;

public static partial class EvtxFile
{
    [ThreadStatic]
    private static EvtxChunkDecoder? t_decoder;

    /// <summary>
    /// Decodes chunks on the thread pool, at most two per thread ahead of the consumer, and yields them in file
    /// order. Memory stays bounded by that window whatever the file size. A chunk's problems are reported when its
    /// records are yielded, so they come in file order too, as from the sequential reader.
    /// </summary>
    private static IEnumerable<EvtxRecord> ReadParallel(
        SafeFileHandle handle, EvtxFileInfo info, IProblemSink problems, int first, int end, DecodeSettings settings)
    {
        var window = new Queue<Task<DecodedChunk>>();
        var next = first;
        try
        {
            while (next < end || window.Count > 0)
            {
                while (next < end && window.Count < settings.Parallelism * 2)
                {
                    var index = next++;
                    window.Enqueue(Task.Run(() => DecodeChunkOnWorker(handle, info, index, settings)));
                }

                var decoded = window.Dequeue().GetAwaiter().GetResult();
                foreach (var problem in decoded.Problems.Problems)
                {
                    problems.Report(problem);
                }

                foreach (var record in decoded.Records)
                {
                    yield return record;
                }
            }
        }
        finally
        {
            // A consumer that stops early must not dispose the handle under chunks still being read.
            foreach (var pending in window)
            {
                pending.ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            }

            handle.Dispose();
        }
    }

    private static DecodedChunk DecodeChunkOnWorker(SafeFileHandle handle, EvtxFileInfo info, int index, DecodeSettings settings)
    {
        var decoder = t_decoder ??= new EvtxChunkDecoder();
        decoder.MaxRenderedChars = settings.MaxRenderedChars;
        decoder.MapsWindowsFields = settings.MapsWindowsFields;
        var buffer = ArrayPool<byte>.Shared.Rent(EvtxLayout.ChunkSize);
        try
        {
            var decoded = new DecodedChunk([], new ProblemCollector());
            DecodeChunk(handle, info, index, decoded.Problems, decoder, buffer, decoded.Records);
            return decoded;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One chunk's records and the problems met decoding it, held until the chunk's turn comes.</summary>
    private sealed record DecodedChunk(List<EvtxRecord> Records, ProblemCollector Problems);
}
