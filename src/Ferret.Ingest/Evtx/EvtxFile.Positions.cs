using System.Buffers;
using System.Buffers.Binary;
using Ferret.Events;
using Microsoft.Win32.SafeHandles;

namespace Ferret.Ingest.Evtx;

public static partial class EvtxFile
{
    /// <summary>
    /// The records at <paramref name="positions"/> (counted from 1 over the records a whole read of the file yields, in
    /// file order), read by position rather than in order: each chunk's header tells how many records it holds (its
    /// first and last record ids), so only the chunks holding a wanted record are read, and in those only the wanted
    /// records are decoded (a template is read from the chunk at its offset, wherever it was defined). The count is
    /// what an intact file yields: in a damaged one (a record skipped by a whole read) a position may name another
    /// record, so callers check what they get (<see cref="InputReader.Reread"/>). Each record's Windows fields are mapped
    /// in the walk that renders it (<see cref="EvtxRecord.MappedEvent"/>), as a whole read for events maps them. With
    /// <paramref name="index"/>, the chunks' counts are taken once per file (<see cref="EvtxChunkIndex"/>) rather than
    /// walked on every call. A position not found is absent from the answer; problems of the file go to
    /// <paramref name="problems"/>.
    /// </summary>
    public static IReadOnlyDictionary<long, EvtxRecord> ReadAtPositions(string path, IReadOnlyCollection<long> positions, IProblemSink problems, int maxRenderedChars, EvtxChunkIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(positions);
        var found = new Dictionary<long, EvtxRecord>();
        if (positions.Count == 0 || Open(path, problems) is not { } opened)
        {
            return found;
        }

        var (handle, info) = opened;
        using (handle)
        {
            var wanted = positions.Where(p => p > 0).Order().ToArray();
            if (wanted.Length == 0)
            {
                return found;
            }

            var before = index?.RecordsBefore(path, handle, () => CountRecords(handle, info, long.MaxValue)) ?? CountRecords(handle, info, wanted[^1]);
            if (!ReadChunksHolding(handle, path, wanted, before, maxRenderedChars, problems, found) && index is not null)
            {
                // A chunk holds other records than counted: the file changed since; count it again.
                index.Forget(path);
                found.Clear();
                ReadChunksHolding(handle, path, wanted, CountRecords(handle, info, wanted[^1]), maxRenderedChars, problems, found);
            }
        }

        return found;
    }

    /// <summary>The records before each chunk by the chunks' headers (one more entry than chunks counted: the total so
    /// far), up to the chunk that holds <paramref name="upTo"/>.</summary>
    private static long[] CountRecords(SafeFileHandle handle, EvtxFileInfo info, long upTo)
    {
        var before = new List<long>(info.ChunksOnDisk + 1) { 0 };
        Span<byte> header = stackalloc byte[40];
        for (var index = 0; index < info.ChunksOnDisk && before[^1] < upTo; index++)
        {
            var offset = EvtxLayout.FileHeaderBlockSize + ((long)index * EvtxLayout.ChunkSize);
            before.Add(before[^1] + (ReadFully(handle, header, offset) == header.Length ? RecordsInChunk(header) : 0));
        }

        return [.. before];
    }

    /// <summary>Reads the chunks that hold <paramref name="wanted"/> (in order) by <paramref name="before"/>, decoding only
    /// the records wanted; false when a chunk's header no longer says what was counted of it.</summary>
    private static bool ReadChunksHolding(SafeFileHandle handle, string path, long[] wanted, long[] before, int maxRenderedChars, IProblemSink problems, Dictionary<long, EvtxRecord> found)
    {
        var decoder = new EvtxChunkDecoder { MaxRenderedChars = maxRenderedChars, MapsWindowsFields = true };
        var buffer = ArrayPool<byte>.Shared.Rent(EvtxLayout.ChunkSize);
        try
        {
            var next = 0;
            for (var index = 0; index + 1 < before.Length && next < wanted.Length; index++)
            {
                if (wanted[next] > before[index + 1])
                {
                    // A chunk before the next wanted record: skipped by its count, not read.
                    continue;
                }

                var inChunk = new List<int>();
                while (next < wanted.Length && wanted[next] <= before[index + 1])
                {
                    inChunk.Add((int)(wanted[next] - before[index] - 1));
                    next++;
                }

                var offset = EvtxLayout.FileHeaderBlockSize + ((long)index * EvtxLayout.ChunkSize);
                var read = ReadFully(handle, buffer.AsSpan(0, EvtxLayout.ChunkSize), offset);
                buffer.AsSpan(read, EvtxLayout.ChunkSize - read).Clear();
                if (RecordsInChunk(buffer.AsSpan(0, 40)) != before[index + 1] - before[index])
                {
                    return false;
                }

                foreach (var (recordIndex, record) in decoder.DecodeAt(buffer, path, index, inChunk, problems))
                {
                    found[before[index] + recordIndex + 1] = record;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return true;
    }

    /// <summary>How many records a chunk holds by its header (its first and last record ids); 0 for space that is not a
    /// chunk (a whole read yields nothing from it either).</summary>
    private static long RecordsInChunk(ReadOnlySpan<byte> header)
    {
        if (!header[..8].SequenceEqual(EvtxLayout.ChunkSignature))
        {
            return 0;
        }

        var first = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
        var last = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        return last >= first && last - first < EvtxLayout.ChunkSize / EvtxLayout.MinimumRecordSize ? (long)(last - first + 1) : 0;
    }
}
