using System.Buffers;
using Microsoft.Win32.SafeHandles;
using Ferret.Events;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// Ferret's EVTX reader. Streams records chunk by chunk (one 64 KiB buffer per decoding thread; never the whole
/// file), reports damage through <see cref="IProblemSink"/> (file, chunk, record, what is wrong) and reads on.
/// </summary>
public static partial class EvtxFile
{
    /// <summary>Every intact record of <paramref name="path"/>, in file order, decoded on the calling thread.</summary>
    public static IEnumerable<EvtxRecord> ReadRecords(string path, IProblemSink problems) => ReadRecords(path, problems, 1);

    /// <summary>
    /// Every intact record of <paramref name="path"/>, in file order; chunks are decoded on up to
    /// <paramref name="parallelism"/> threads (records still come out in file order).
    /// </summary>
    public static IEnumerable<EvtxRecord> ReadRecords(string path, IProblemSink problems, int parallelism) =>
        ReadRecords(path, problems, parallelism, BinXmlRenderer.DefaultMaxRenderedChars);

    /// <summary>As <see cref="ReadRecords(string, IProblemSink, int)"/>; a record rendering to more than
    /// <paramref name="maxRenderedChars"/> characters is reported and skipped.</summary>
    public static IEnumerable<EvtxRecord> ReadRecords(string path, IProblemSink problems, int parallelism, int maxRenderedChars)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        return ReadChunkRange(path, problems, 0, int.MaxValue, parallelism, maxRenderedChars);
    }

    /// <summary>
    /// The records of chunks [<paramref name="firstChunk"/>, <paramref name="firstChunk"/> + <paramref name="chunkCount"/>)
    /// (clamped to the chunks on disk), so callers can split one big file across workers.
    /// </summary>
    public static IEnumerable<EvtxRecord> ReadChunkRange(
        string path, IProblemSink problems, int firstChunk, int chunkCount, int parallelism = 1, int maxRenderedChars = BinXmlRenderer.DefaultMaxRenderedChars) =>
        ReadChunkRange(path, problems, firstChunk, chunkCount, new DecodeSettings(parallelism, maxRenderedChars, MapsWindowsFields: false));

    /// <summary>Every intact record of <paramref name="path"/>, in file order, each with its Windows fields
    /// (<see cref="EvtxRecord.MappedEvent"/>) taken while it is rendered.</summary>
    internal static IEnumerable<EvtxRecord> ReadMappedRecords(string path, IProblemSink problems, int parallelism, int maxRenderedChars)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(problems);
        return ReadChunkRange(path, problems, 0, int.MaxValue, new DecodeSettings(parallelism, maxRenderedChars, MapsWindowsFields: true));
    }

    private static IEnumerable<EvtxRecord> ReadChunkRange(string path, IProblemSink problems, int firstChunk, int chunkCount, DecodeSettings settings)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstChunk);
        ArgumentOutOfRangeException.ThrowIfNegative(chunkCount);
        if (Open(path, problems) is not { } opened)
        {
            return [];
        }

        var (handle, info) = opened;
        var end = (int)Math.Min(info.ChunksOnDisk, (long)firstChunk + chunkCount);
        return settings.Parallelism <= 1
            ? ReadSequential(handle, info, problems, firstChunk, end, settings)
            : ReadParallel(handle, info, problems, firstChunk, end, settings);
    }

    /// <summary>The file header and the chunk count on disk, or null (reported) when the file is not an EVTX file.</summary>
    public static EvtxFileInfo? Inspect(string path, IProblemSink problems)
    {
        if (Open(path, problems) is not { } opened)
        {
            return null;
        }

        opened.Handle.Dispose();
        return opened.Info;
    }

    private static IEnumerable<EvtxRecord> ReadSequential(SafeFileHandle handle, EvtxFileInfo info, IProblemSink problems, int first, int end, DecodeSettings settings)
    {
        using (handle)
        {
            var decoder = new EvtxChunkDecoder { MaxRenderedChars = settings.MaxRenderedChars, MapsWindowsFields = settings.MapsWindowsFields };
            var buffer = ArrayPool<byte>.Shared.Rent(EvtxLayout.ChunkSize);
            var records = new List<EvtxRecord>();
            try
            {
                for (var index = first; index < end; index++)
                {
                    records.Clear();
                    DecodeChunk(handle, info, index, problems, decoder, buffer, records);
                    foreach (var record in records)
                    {
                        yield return record;
                    }
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static void DecodeChunk(
        SafeFileHandle handle, EvtxFileInfo info, int index, IProblemSink problems, EvtxChunkDecoder decoder, byte[] buffer,
        List<EvtxRecord> records)
    {
        var offset = EvtxLayout.FileHeaderBlockSize + ((long)index * EvtxLayout.ChunkSize);
        var wanted = (int)Math.Min(EvtxLayout.ChunkSize, info.Length - offset);
        int read;
        try
        {
            read = ReadFully(handle, buffer.AsSpan(0, wanted), offset);
        }
        catch (IOException e)
        {
            problems.Report(new InputProblem(info.File, $"chunk {index}", $"cannot read the chunk: {e.Message}"));
            return;
        }

        if (read < EvtxLayout.ChunkSize)
        {
            buffer.AsSpan(read, EvtxLayout.ChunkSize - read).Clear();
            problems.Report(new InputProblem(info.File, $"chunk {index}",
                $"file ends inside the chunk ({read} of {EvtxLayout.ChunkSize} bytes); reading the records that are there", ProblemSeverity.Warning));
        }

        decoder.Decode(buffer, info.File, index, index < info.HeaderChunkCount, problems, records);
    }

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    /// <summary>How chunks are decoded: on how many threads, the render limit, and whether records get their Windows fields.</summary>
    private readonly record struct DecodeSettings(int Parallelism, int MaxRenderedChars, bool MapsWindowsFields);
}
