using System.Buffers.Binary;
using Ferret.Events;

namespace Ferret.Ingest.Evtx;

internal sealed partial class EvtxChunkDecoder
{
    /// <summary>
    /// Decodes only the records of <paramref name="chunk"/> at <paramref name="indexes"/> (0-based, in the chunk's
    /// order), walking the records by their framing. A chunk whose records do not frame one after the other before the
    /// last wanted one gives nothing past the break: a whole read recovers from such damage by searching, so the index
    /// of a record after it cannot be trusted. Yields each decoded record with its index.
    /// </summary>
    public IEnumerable<(int Index, EvtxRecord Record)> DecodeAt(byte[] chunk, string file, int chunkIndex, IReadOnlyList<int> indexes, IProblemSink problems)
    {
        if (indexes.Count == 0 || !chunk.AsSpan(0, 8).SequenceEqual(EvtxLayout.ChunkSignature))
        {
            yield break;
        }

        _parser.BeginChunk(chunk);
        var wanted = indexes.ToHashSet();
        var last = indexes.Max();
        var output = new List<EvtxRecord>(1);
        var position = EvtxLayout.ChunkHeaderSize;
        for (var index = 0; index <= last; index++)
        {
            if (position + EvtxLayout.RecordHeaderSize > EvtxLayout.ChunkSize
                || !chunk.AsSpan(position, 4).SequenceEqual(EvtxLayout.RecordSignature)
                || FramedSize(chunk, position, EvtxLayout.ChunkSize) is not (> 0 and var size))
            {
                yield break;
            }

            if (wanted.Contains(index))
            {
                var recordId = BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(position + 8));
                output.Clear();
                DecodeRecord(chunk, position, size, recordId, file, chunkIndex, $"chunk {chunkIndex}, record {recordId}", problems, output);
                if (output.Count == 1)
                {
                    yield return (index, output[0]);
                }
            }

            position += size;
        }
    }
}
