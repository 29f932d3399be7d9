using System.Buffers.Binary;
using System.Text;

namespace Ferret.Engine.GeoIp;

/// <summary>
/// Decodes the data section of a MaxMind DB file (MaxMind DB File Format Specification 2.0, "Output Data Section"):
/// each value starts with a control byte whose top three bits give the type (0 = extended, read from the next
/// byte plus 7) and whose low five bits give the size (29, 30, 31 = one, two, three more size bytes). Maps become
/// dictionaries, arrays lists, strings strings, doubles/floats doubles, unsigned integers ulong (or UInt128),
/// int32 int, booleans bool, bytes byte arrays. Every read is bounds-checked; a bad value throws
/// <see cref="GeoIpDatabaseException"/>.
/// </summary>
internal sealed class MaxMindDecoder(byte[] buffer, int sectionStart, int sectionEnd, string path, string section)
{
    private const int MaxDepth = 64;

    private enum DataType
    {
        Extended = 0,
        Pointer = 1,
        Utf8String = 2,
        Double = 3,
        Bytes = 4,
        UInt16 = 5,
        UInt32 = 6,
        Map = 7,
        Int32 = 8,
        UInt64 = 9,
        UInt128 = 10,
        Array = 11,
        DataCacheContainer = 12,
        EndMarker = 13,
        Boolean = 14,
        Float = 15,
    }

    public int SectionLength => sectionEnd - sectionStart;

    /// <summary>Decodes the value at <paramref name="offset"/> (relative to the section start).</summary>
    public object? Decode(int offset)
    {
        var position = sectionStart + offset;
        return Decode(ref position, 0);
    }

    private object? Decode(ref int position, int depth)
    {
        if (depth > MaxDepth)
        {
            throw Corrupt(position, $"values nest deeper than {MaxDepth} levels (a pointer loop?)");
        }

        var start = position;
        var control = ReadByte(ref position);
        var type = (DataType)(control >> 5);
        if (type == DataType.Pointer)
        {
            var target = PointerTarget(control, ref position);
            if (target < 0 || target >= sectionEnd - sectionStart)
            {
                throw Corrupt(start, $"a pointer points to {target}, outside the {section} ({sectionEnd - sectionStart} bytes)");
            }

            var at = sectionStart + (int)target;
            if ((DataType)(buffer[at] >> 5) == DataType.Pointer)
            {
                throw Corrupt(start, "a pointer points to another pointer");
            }

            return Decode(ref at, depth + 1);
        }

        if (type == DataType.Extended)
        {
            var extended = ReadByte(ref position) + 7;
            if (extended <= 7 || extended > (int)DataType.Float)
            {
                throw Corrupt(start, $"unknown extended type {extended}");
            }

            type = (DataType)extended;
        }

        var size = ReadSize(control, ref position);
        return type switch
        {
            DataType.Utf8String => ReadString(ref position, size),
            DataType.Double => size == 8 ? BinaryPrimitives.ReadDoubleBigEndian(Take(ref position, 8)) : throw Corrupt(start, $"a double of {size} bytes (must be 8)"),
            DataType.Float => size == 4 ? (double)BinaryPrimitives.ReadSingleBigEndian(Take(ref position, 4)) : throw Corrupt(start, $"a float of {size} bytes (must be 4)"),
            DataType.Bytes => Take(ref position, size).ToArray(),
            DataType.UInt16 => ReadUnsigned(ref position, size, 2, start),
            DataType.UInt32 => ReadUnsigned(ref position, size, 4, start),
            DataType.UInt64 => ReadUnsigned(ref position, size, 8, start),
            DataType.UInt128 => ReadUInt128(ref position, size, start),
            DataType.Int32 => unchecked((int)(uint)ReadUnsigned(ref position, size, 4, start)),
            DataType.Boolean => size <= 1 ? size == 1 : throw Corrupt(start, $"a boolean with value {size} (must be 0 or 1)"),
            DataType.Map => ReadMap(ref position, size, depth),
            DataType.Array => ReadArray(ref position, size, depth),
            _ => throw Corrupt(start, $"a value of type {(int)type} ({type}), which may not appear in a record"),
        };
    }

    private long PointerTarget(byte control, ref int position)
    {
        // The pointer's size bits (3-4) choose 1 to 4 more bytes; the low three bits are the high bits of the value
        // except for the 4-byte form. Each longer form starts where the shorter one ends (spec, "pointer").
        var high = control & 0x7;
        var b = Take(ref position, ((control >> 3) & 0x3) + 1);
        return ((control >> 3) & 0x3) switch
        {
            0 => (high << 8) | b[0],
            1 => ((high << 16) | (b[0] << 8) | b[1]) + 2048L,
            2 => ((high << 24) | (b[0] << 16) | (b[1] << 8) | b[2]) + 526336L,
            _ => BinaryPrimitives.ReadUInt32BigEndian(b),
        };
    }

    private int ReadSize(byte control, ref int position)
    {
        var size = control & 0x1F;
        return size switch
        {
            < 29 => size,
            29 => 29 + ReadByte(ref position),
            30 => 285 + BinaryPrimitives.ReadUInt16BigEndian(Take(ref position, 2)),
            _ => 65821 + ((Take(ref position, 1)[0] << 16) | BinaryPrimitives.ReadUInt16BigEndian(Take(ref position, 2))),
        };
    }

    private string ReadString(ref int position, int size)
    {
        var start = position;
        try
        {
            return new UTF8Encoding(false, true).GetString(Take(ref position, size));
        }
        catch (DecoderFallbackException)
        {
            throw Corrupt(start, "a string that is not valid UTF-8");
        }
    }

    private ulong ReadUnsigned(ref int position, int size, int maxBytes, int start)
    {
        if (size > maxBytes)
        {
            throw Corrupt(start, $"an integer of {size} bytes where at most {maxBytes} fit");
        }

        ulong value = 0;
        foreach (var b in Take(ref position, size))
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private UInt128 ReadUInt128(ref int position, int size, int start)
    {
        if (size > 16)
        {
            throw Corrupt(start, $"an integer of {size} bytes where at most 16 fit");
        }

        UInt128 value = 0;
        foreach (var b in Take(ref position, size))
        {
            value = (value << 8) | b;
        }

        return value;
    }

    private Dictionary<string, object?> ReadMap(ref int position, int size, int depth)
    {
        var map = new Dictionary<string, object?>(Math.Min(size, 64), StringComparer.Ordinal);
        for (var i = 0; i < size; i++)
        {
            var keyAt = position;
            if (Decode(ref position, depth + 1) is not string key)
            {
                throw Corrupt(keyAt, "a map key that is not a string");
            }

            map[key] = Decode(ref position, depth + 1);
        }

        return map;
    }

    private List<object?> ReadArray(ref int position, int size, int depth)
    {
        var list = new List<object?>(Math.Min(size, 64));
        for (var i = 0; i < size; i++)
        {
            list.Add(Decode(ref position, depth + 1));
        }

        return list;
    }

    private byte ReadByte(ref int position) => Take(ref position, 1)[0];

    private ReadOnlySpan<byte> Take(ref int position, int count)
    {
        if (count < 0 || position < sectionStart || position > sectionEnd - count)
        {
            throw Corrupt(position, $"a value of {count} bytes runs past the end of the {section}");
        }

        var span = buffer.AsSpan(position, count);
        position += count;
        return span;
    }

    private GeoIpDatabaseException Corrupt(int position, string what) =>
        GeoIpDatabaseException.Corrupt(path, $"{section} at byte {position}: {what}");
}
