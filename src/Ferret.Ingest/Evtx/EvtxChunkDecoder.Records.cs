using System.Buffers.Binary;
using Ferret.Events;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Evtx;

internal sealed partial class EvtxChunkDecoder
{
    /// <summary>
    /// Walks the records: signature "**\0\0" (4), size (4), record id (8), written FILETIME (8), binary XML, and a
    /// copy of the size (4). After a record that does not frame (reported), the walk resumes at the next record that
    /// frames and whose id lies in the chunk header's record-id range after the last good one: bytes past a break are
    /// often an older generation of the chunk (recovered or wrapped logs) whose template and name offsets no longer
    /// match this chunk's, and decoding those would render plausible but wrong events.
    /// </summary>
    private void DecodeRecords(byte[] chunk, int recordsEnd, string file, int chunkIndex, IProblemSink problems, List<EvtxRecord> output)
    {
        var firstId = BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(24));
        var lastId = BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(32));
        var previousId = firstId == 0 ? 0 : firstId - 1;
        var position = EvtxLayout.ChunkHeaderSize;
        while (true)
        {
            if (position + EvtxLayout.RecordHeaderSize > recordsEnd || !chunk.AsSpan(position, recordsEnd - position).ContainsAnyExcept((byte)0))
            {
                // The header's free-space offset says where records end; a lowered one would hide the records after it.
                if (recordsEnd < EvtxLayout.ChunkSize && previousId < lastId
                    && NextRecord(chunk, position, EvtxLayout.ChunkSize, previousId, lastId) is var next && next < EvtxLayout.ChunkSize)
                {
                    problems.Report(new InputProblem(file, $"chunk {chunkIndex}",
                        $"records of this chunk (ids after {previousId}, up to {lastId}) lie past its free-space offset {recordsEnd}; reading them anyway",
                        ProblemSeverity.Warning));
                    recordsEnd = EvtxLayout.ChunkSize;
                    position = next;
                    continue;
                }

                return;
            }

            var span = chunk.AsSpan(position, recordsEnd - position);
            if (!span[..4].SequenceEqual(EvtxLayout.RecordSignature))
            {
                problems.Report(new InputProblem(file, $"chunk {chunkIndex}, offset {position}",
                    "no record signature where a record should start; looking for the next record of this chunk"));
                position = NextRecord(chunk, position + 1, recordsEnd, previousId, lastId);
                continue;
            }

            var size = FramedSize(chunk, position, recordsEnd);
            var recordId = BinaryPrimitives.ReadUInt64LittleEndian(span[8..]);
            var location = $"chunk {chunkIndex}, record {recordId}";
            if (size == 0)
            {
                problems.Report(new InputProblem(file, location,
                    $"record at chunk offset {position} has a bad size ({BinaryPrimitives.ReadUInt32LittleEndian(span[4..])}); looking for the next record of this chunk"));
                position = NextRecord(chunk, position + 4, recordsEnd, previousId, lastId);
                continue;
            }

            DecodeRecord(chunk, position, size, recordId, file, chunkIndex, location, problems, output);
            previousId = recordId;
            position += size;
        }
    }

    /// <summary>The record's size when its size field and trailing copy agree and fit the chunk; 0 otherwise.</summary>
    private static int FramedSize(byte[] chunk, int position, int recordsEnd)
    {
        var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(position + 4));
        return size >= EvtxLayout.MinimumRecordSize && size <= recordsEnd - position
            && BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(position + (int)size - 4)) == size
                ? (int)size
                : 0;
    }

    /// <summary>The next offset holding a framed record whose id belongs to this chunk after <paramref name="previousId"/>; the end if none.</summary>
    private static int NextRecord(byte[] chunk, int from, int recordsEnd, ulong previousId, ulong lastId)
    {
        while (from + EvtxLayout.RecordHeaderSize <= recordsEnd)
        {
            var found = chunk.AsSpan(from, recordsEnd - from).IndexOf(EvtxLayout.RecordSignature);
            if (found < 0)
            {
                break;
            }

            var candidate = from + found;
            if (candidate + EvtxLayout.RecordHeaderSize <= recordsEnd && FramedSize(chunk, candidate, recordsEnd) > 0)
            {
                var id = BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(candidate + 8));
                if (id > previousId && id <= lastId)
                {
                    return candidate;
                }
            }

            from = candidate + 1;
        }

        return recordsEnd;
    }

    private void DecodeRecord(
        byte[] chunk, int position, int size, ulong recordId, string file, int chunkIndex, string location,
        IProblemSink problems, List<EvtxRecord> output)
    {
        var fileTime = BinaryPrimitives.ReadUInt64LittleEndian(chunk.AsSpan(position + 16));
        var written = BinXmlValueFormatter.FileTimeToDateTime(fileTime) is { } time ? new DateTimeOffset(time) : DateTimeOffset.MinValue;
        var dataStart = position + EvtxLayout.RecordHeaderSize;
        var dataEnd = position + size - 4;
        if (dataEnd == dataStart)
        {
            problems.Report(new InputProblem(file, location, "record holds no event data (zero-size binary XML); skipped"));
            return;
        }

        try
        {
            var xml = _renderer.Render(_parser.ParseFragment(dataStart, dataEnd));
            if (xml.Length == 0)
            {
                problems.Report(new InputProblem(file, location, "record's binary XML renders no element; skipped"));
                return;
            }

            output.Add(new EvtxRecord(file, chunkIndex, recordId, written, xml) { MappedEvent = MapWindowsFields(xml) });
        }
        catch (EvtxFormatException e)
        {
            problems.Report(new InputProblem(file, location, $"bad binary XML: {e.Message}; record skipped"));
        }
        catch (ArgumentOutOfRangeException e)
        {
            problems.Report(new InputProblem(file, location, $"bad binary XML (a value runs outside the chunk: {e.Message}); record skipped"));
        }
    }

    /// <summary>The fields of the record just rendered, from the renderer's outline; null when not asked for, or when
    /// the XML text must be mapped (which then reports what is wrong with it as for any Windows event).</summary>
    private Event? MapWindowsFields(string xml)
    {
        if (!MapsWindowsFields)
        {
            return null;
        }

        try
        {
            return WindowsEventMapper.TryFromRendered(xml, _renderer.Outline);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
