using System.Buffers.Binary;
using System.Text;

namespace Ferret.Ingest.Tests.Evtx;

/// <summary>
/// Writes small EVTX files byte by byte for tests: a chunk of records whose binary XML uses inline names and
/// templates. Offsets are chunk-relative, as in real files, so the writer tracks where it stands in the chunk.
/// </summary>
internal sealed class EvtxChunkWriter
{
    private readonly List<byte> _bytes = [.. new byte[512]];

    public int Position => _bytes.Count;

    public ulong FirstRecordId { get; set; } = 1;

    public ulong LastRecordId { get; set; } = 1;

    public void U8(byte value) => _bytes.Add(value);

    public void U16(ushort value) => _bytes.AddRange(BitConverter.GetBytes(value));

    public void U32(uint value) => _bytes.AddRange(BitConverter.GetBytes(value));

    public void U64(ulong value) => _bytes.AddRange(BitConverter.GetBytes(value));

    public void Raw(params byte[] bytes) => _bytes.AddRange(bytes);

    public void Patch32(int offset, uint value)
    {
        var bytes = BitConverter.GetBytes(value);
        for (var i = 0; i < 4; i++)
        {
            _bytes[offset + i] = bytes[i];
        }
    }

    /// <summary>Writes a record: header, the binary XML <paramref name="body"/> writes, then the size copy.</summary>
    public int Record(ulong id, Action<EvtxChunkWriter> body)
    {
        var start = Position;
        Raw((byte)'*', (byte)'*', 0, 0);
        U32(0);
        U64(id);
        U64(132_000_000_000_000_000UL);
        body(this);
        var size = (uint)(Position - start + 4);
        U32(size);
        Patch32(start + 4, size);
        return start;
    }

    public void Name(string name)
    {
        U32(0);
        U16(0);
        U16((ushort)name.Length);
        Raw(Encoding.Unicode.GetBytes(name));
        U16(0);
    }

    /// <summary>Start tag inside a template: token, dependency id, data size, name offset (inline), [attribute list size].</summary>
    public void OpenElement(string name, bool withAttributes)
    {
        U8(withAttributes ? (byte)0x41 : (byte)0x01);
        U16(0xFFFF);
        U32(0);
        U32((uint)(Position + 4));
        Name(name);
        if (withAttributes)
        {
            U32(0);
        }
    }

    public void Attribute(string name)
    {
        U8(0x06);
        U32((uint)(Position + 4));
        Name(name);
    }

    public void Substitution(ushort index, byte type, bool optional)
    {
        U8(optional ? (byte)0x0E : (byte)0x0D);
        U16(index);
        U8(type);
    }

    public void Text(string text)
    {
        U8(0x05);
        U8(0x01);
        U16((ushort)text.Length);
        Raw(Encoding.Unicode.GetBytes(text));
    }

    public void FragmentHeader() => Raw(0x0F, 0x01, 0x01, 0x00);

    /// <summary>A template instance defining its template inline; returns the definition's chunk offset.</summary>
    public int TemplateInstance(Action<EvtxChunkWriter> template, params (byte Type, byte[] Bytes)[] values)
    {
        Raw(0x0C, 0x01);
        U32(7);
        var definition = Position + 4;
        U32((uint)definition);
        U32(0);
        Raw(new byte[16]);
        var sizeAt = Position;
        U32(0);
        var bodyStart = Position;
        FragmentHeader();
        template(this);
        U8(0x00);
        Patch32(sizeAt, (uint)(Position - bodyStart));
        Values(values);
        return definition;
    }

    /// <summary>A template instance that refers to a template defined earlier in the chunk.</summary>
    public void TemplateReference(int definitionOffset, params (byte Type, byte[] Bytes)[] values)
    {
        Raw(0x0C, 0x01);
        U32(7);
        U32((uint)definitionOffset);
        Values(values);
    }

    private void Values((byte Type, byte[] Bytes)[] values)
    {
        U32((uint)values.Length);
        foreach (var (type, bytes) in values)
        {
            U16((ushort)bytes.Length);
            U8(type);
            U8(0);
        }

        foreach (var (_, bytes) in values)
        {
            Raw(bytes);
        }
    }

    /// <summary>The 64 KiB chunk with a valid header and, unless told otherwise, valid checksums; the free-space
    /// offset is where the records end unless <paramref name="freeSpace"/> says otherwise.</summary>
    public byte[] ToChunk(bool validChecksums = true, int? freeSpace = null)
    {
        var recordsEnd = freeSpace ?? _bytes.Count;
        var chunk = new byte[65536];
        _bytes.CopyTo(chunk);
        "ElfChnk\0"u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(8), FirstRecordId);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(16), LastRecordId);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(24), FirstRecordId);
        BinaryPrimitives.WriteUInt64LittleEndian(chunk.AsSpan(32), LastRecordId);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(40), 128);
        BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(48), (uint)recordsEnd);
        if (validChecksums)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(52), Crc32(chunk.AsSpan(512, recordsEnd - 512)));
            BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(124), Crc32([.. chunk.AsSpan(0, 120), .. chunk.AsSpan(128, 384)]));
        }

        return chunk;
    }

    /// <summary>A file header (3.1, given chunk count, valid checksum) followed by the chunks.</summary>
    public static byte[] File(int headerChunkCount, params byte[][] chunks)
    {
        var header = new byte[4096];
        "ElfFile\0"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(32), 128);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(36), 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(38), 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(40), 4096);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(42), (ushort)headerChunkCount);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(124), Crc32(header.AsSpan(0, 120)));
        return [.. header, .. chunks.SelectMany(c => c)];
    }

    /// <summary>Bit-by-bit CRC-32, independent of the reader's table-driven one.</summary>
    public static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
