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
    /// order. Memory stays bounded by that window whatever the file size.
    /// </summary>
    private static IEnumerable<EvtxRecord> ReadParallel(
        SafeFileHandle handle, EvtxFileInfo info, IProblemSink problems, int first, int end, DecodeSettings settings)
    {
        var window = new Queue<Task<List<EvtxRecord>>>();
        var next = first;
        try
        {
            while (next < end || window.Count > 0)
            {
                while (next < end && window.Count < settings.Parallelism * 2)
                {
                    var index = next++;
                    window.Enqueue(Task.Run(() => DecodeChunkOnWorker(handle, info, index, problems, settings)));
                }

                foreach (var record in window.Dequeue().GetAwaiter().GetResult())
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

    private static List<EvtxRecord> DecodeChunkOnWorker(SafeFileHandle handle, EvtxFileInfo info, int index, IProblemSink problems, DecodeSettings settings)
    {
        var decoder = t_decoder ??= new EvtxChunkDecoder();
        decoder.MaxRenderedChars = settings.MaxRenderedChars;
        decoder.MapsWindowsFields = settings.MapsWindowsFields;
        var buffer = ArrayPool<byte>.Shared.Rent(EvtxLayout.ChunkSize);
        try
        {
            var records = new List<EvtxRecord>();
            DecodeChunk(handle, info, index, problems, decoder, buffer, records);
            return records;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
