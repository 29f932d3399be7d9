using System.Buffers;
using System.Buffers.Binary;
using Ferret.Events;

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
    /// in the walk that renders it (<see cref="EvtxRecord.MappedEvent"/>), as a whole read for events maps them. A
    /// position not found is absent from the answer; problems of the file go to <paramref name="problems"/>.
    /// </summary>
    public static IReadOnlyDictionary<long, EvtxRecord> ReadAtPositions(string path, IReadOnlyCollection<long> positions, IProblemSink problems, int maxRenderedChars)
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
            var decoder = new EvtxChunkDecoder { MaxRenderedChars = maxRenderedChars, MapsWindowsFields = true };
            var buffer = ArrayPool<byte>.Shared.Rent(EvtxLayout.ChunkSize);
            Span<byte> header = stackalloc byte[40];
            try
            {
                long before = 0;
                var next = 0;
                for (var index = 0; index < info.ChunksOnDisk && next < wanted.Length; index++)
                {
                    var offset = EvtxLayout.FileHeaderBlockSize + ((long)index * EvtxLayout.ChunkSize);
                    var records = ReadFully(handle, header, offset) == header.Length ? RecordsInChunk(header) : 0;
                    var inChunk = new List<(long Position, int Index)>();
                    while (next < wanted.Length && wanted[next] <= before + records)
                    {
                        inChunk.Add((wanted[next], (int)(wanted[next] - before - 1)));
                        next++;
                    }

                    if (inChunk.Count > 0)
                    {
                        var read = ReadFully(handle, buffer.AsSpan(0, EvtxLayout.ChunkSize), offset);
                        buffer.AsSpan(read, EvtxLayout.ChunkSize - read).Clear();
                        foreach (var (recordIndex, record) in decoder.DecodeAt(buffer, path, index, [.. inChunk.Select(c => c.Index)], problems))
                        {
                            found[before + recordIndex + 1] = record;
                        }
                    }

                    before += records;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return found;
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
