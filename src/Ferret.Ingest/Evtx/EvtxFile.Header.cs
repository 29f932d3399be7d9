using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;
using Ferret.Events;

namespace Ferret.Ingest.Evtx;

public static partial class EvtxFile
{
    private const uint DirtyFlag = 0x1;
    private const uint FullFlag = 0x2;

    /// <summary>
    /// Opens the file and reads its header: signature "ElfFile\0", first/last chunk numbers, next record id,
    /// header size, minor/major version, header block size, chunk count (offset 42), flags (120) and a CRC-32 of
    /// the first 120 bytes (124). A checksum mismatch is a warning; a missing signature ends the file unless a
    /// chunk signature follows at 4096 (then the header alone is damaged).
    /// </summary>
    private static (SafeFileHandle Handle, EvtxFileInfo Info)? Open(string path, IProblemSink problems)
    {
        SafeFileHandle handle;
        long length;
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = RandomAccess.GetLength(handle);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(new InputProblem(path, "file", $"cannot open: {e.Message}"));
            return null;
        }

        var info = ReadHeader(handle, path, length, problems);
        if (info is null)
        {
            handle.Dispose();
            return null;
        }

        return (handle, info);
    }

    private static EvtxFileInfo? ReadHeader(SafeFileHandle handle, string path, long length, IProblemSink problems)
    {
        Span<byte> header = stackalloc byte[128];
        var read = length >= 128 ? ReadFully(handle, header, 0) : 0;
        var chunksOnDisk = (int)Math.Max(0, (length - EvtxLayout.FileHeaderBlockSize + EvtxLayout.ChunkSize - 1) / EvtxLayout.ChunkSize);
        if (read < 128 || !header[..8].SequenceEqual(EvtxLayout.FileSignature))
        {
            Span<byte> chunkSignature = stackalloc byte[8];
            if (length >= EvtxLayout.FileHeaderBlockSize + 8 && ReadFully(handle, chunkSignature, EvtxLayout.FileHeaderBlockSize) == 8
                && chunkSignature.SequenceEqual(EvtxLayout.ChunkSignature))
            {
                problems.Report(new InputProblem(path, "file header", "bad file header signature; reading the chunks that follow it"));
                return new EvtxFileInfo(path, length, chunksOnDisk, chunksOnDisk, 0, 0, 0, true, false);
            }

            problems.Report(new InputProblem(path, "file header", "not an EVTX file (no \"ElfFile\" signature)"));
            return null;
        }

        var stored = BinaryPrimitives.ReadUInt32LittleEndian(header[124..]);
        var computed = System.IO.Hashing.Crc32.HashToUInt32(header[..EvtxLayout.FileHeaderChecksummedLength]);
        if (stored != computed)
        {
            problems.Report(new InputProblem(path, "file header",
                $"file header checksum mismatch (stored 0x{stored:x8}, computed 0x{computed:x8}); reading on", ProblemSeverity.Warning));
        }

        var major = BinaryPrimitives.ReadUInt16LittleEndian(header[38..]);
        if (major != 3)
        {
            problems.Report(new InputProblem(path, "file header", $"unexpected format version {major} (expected 3); reading on", ProblemSeverity.Warning));
        }

        var flags = BinaryPrimitives.ReadUInt32LittleEndian(header[120..]);
        return new EvtxFileInfo(
            path,
            length,
            BinaryPrimitives.ReadUInt16LittleEndian(header[42..]),
            chunksOnDisk,
            BinaryPrimitives.ReadUInt64LittleEndian(header[24..]),
            major,
            BinaryPrimitives.ReadUInt16LittleEndian(header[36..]),
            (flags & DirtyFlag) != 0,
            (flags & FullFlag) != 0);
    }
}
