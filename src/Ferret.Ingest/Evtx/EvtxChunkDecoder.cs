using System.Buffers.Binary;
using Ferret.Events;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// Decodes the records of one 64 KiB chunk. Checksums that do not match are warnings (the data may still be good);
/// a record whose framing or binary XML is bad is reported as an error and skipped, and decoding resumes at the
/// next record signature. One decoder per thread: it reuses its parser, caches and builder.
/// </summary>
internal sealed partial class EvtxChunkDecoder
{
    private readonly BinXmlParser _parser = new();
    private readonly BinXmlRenderer _renderer;

    public EvtxChunkDecoder()
    {
        _renderer = new BinXmlRenderer(_parser);
    }

    /// <summary>The most characters one record may render (<see cref="BinXmlRenderer.MaxRenderedChars"/>).</summary>
    public int MaxRenderedChars
    {
        get => _renderer.MaxRenderedChars;
        set => _renderer.MaxRenderedChars = value;
    }

    /// <summary>Whether each record also gets its Windows fields from the walk that renders it (<see cref="EvtxRecord.MappedEvent"/>).</summary>
    public bool MapsWindowsFields { get; set; }

    /// <summary>Decodes <paramref name="chunk"/> (exactly <see cref="EvtxLayout.ChunkSize"/> bytes) into <paramref name="output"/>.</summary>
    public void Decode(byte[] chunk, string file, int chunkIndex, bool listedInHeader, IProblemSink problems, List<EvtxRecord> output)
    {
        var span = chunk.AsSpan(0, EvtxLayout.ChunkSize);
        if (!span[..8].SequenceEqual(EvtxLayout.ChunkSignature))
        {
            ReportBadSignature(span, file, chunkIndex, listedInHeader, problems);
            return;
        }

        var recordsEnd = CheckHeader(span, file, chunkIndex, problems);
        _parser.BeginChunk(chunk);
        DecodeRecords(chunk, recordsEnd, file, chunkIndex, problems, output);
    }

    private static void ReportBadSignature(ReadOnlySpan<byte> chunk, string file, int chunkIndex, bool listedInHeader, IProblemSink problems)
    {
        if (!chunk.ContainsAnyExcept((byte)0))
        {
            // Windows allocates files ahead of use: an all-zero chunk past the header's count is unused space, not damage.
            if (listedInHeader)
            {
                problems.Report(new InputProblem(file, $"chunk {chunkIndex}", "chunk is all zeros; it holds no records", ProblemSeverity.Warning));
            }

            return;
        }

        var signature = Convert.ToHexString(chunk[..8]);
        problems.Report(new InputProblem(file, $"chunk {chunkIndex}", $"bad chunk signature 0x{signature} (expected \"ElfChnk\"); chunk skipped"));
    }

    /// <summary>Verifies the header checksum and the records checksum; returns where the record area ends.</summary>
    private static int CheckHeader(ReadOnlySpan<byte> chunk, string file, int chunkIndex, IProblemSink problems)
    {
        var location = $"chunk {chunkIndex}";
        var stored = BinaryPrimitives.ReadUInt32LittleEndian(chunk[124..]);
        var headerCrc = new System.IO.Hashing.Crc32();
        headerCrc.Append(chunk[..120]);
        headerCrc.Append(chunk[128..EvtxLayout.ChunkHeaderSize]);
        var computed = headerCrc.GetCurrentHashAsUInt32();
        if (stored != computed)
        {
            problems.Report(new InputProblem(file, location,
                $"chunk header checksum mismatch (stored 0x{stored:x8}, computed 0x{computed:x8}); reading it anyway", ProblemSeverity.Warning));
        }

        var freeSpace = BinaryPrimitives.ReadUInt32LittleEndian(chunk[48..]);
        if (freeSpace < EvtxLayout.ChunkHeaderSize || freeSpace > EvtxLayout.ChunkSize)
        {
            problems.Report(new InputProblem(file, location,
                $"free space offset {freeSpace} is outside the chunk; scanning the whole chunk for records", ProblemSeverity.Warning));
            return EvtxLayout.ChunkSize;
        }

        var storedRecords = BinaryPrimitives.ReadUInt32LittleEndian(chunk[52..]);
        var computedRecords = System.IO.Hashing.Crc32.HashToUInt32(chunk[EvtxLayout.ChunkHeaderSize..(int)freeSpace]);
        if (storedRecords != computedRecords)
        {
            problems.Report(new InputProblem(file, location,
                $"event records checksum mismatch (stored 0x{storedRecords:x8}, computed 0x{computedRecords:x8}); reading them anyway",
                ProblemSeverity.Warning));
        }

        return (int)freeSpace;
    }
}
