namespace Ferret.Ingest.Evtx;

/// <summary>
/// Sizes, offsets and signatures of the EVTX container (file header, 64 KiB chunks, event records), as described
/// by the libevtx format documentation ("Windows XML Event Log (EVTX) format") and Microsoft's MS-EVEN6 notes.
/// </summary>
internal static class EvtxLayout
{
    public const int FileHeaderBlockSize = 4096;
    public const int FileHeaderChecksummedLength = 120;
    public const int ChunkSize = 65536;
    public const int ChunkHeaderSize = 512;
    public const int RecordHeaderSize = 24;

    /// <summary>Header (24 bytes) plus the trailing copy of the size (4 bytes).</summary>
    public const int MinimumRecordSize = 28;

    public static ReadOnlySpan<byte> FileSignature => "ElfFile\0"u8;

    public static ReadOnlySpan<byte> ChunkSignature => "ElfChnk\0"u8;

    public static ReadOnlySpan<byte> RecordSignature => "**\0\0"u8;
}
