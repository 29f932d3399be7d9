using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// Renders substitution values as Windows' event rendering does: decimal integers and size_t, 0x-prefixed lower-case
/// hex without zero padding for hex integers (SubjectLogonId 0x3e7, as Splunk's XmlWinEventLog shows; libevtx pads), upper-case hex for binary, {GUID} upper-case, S-1-... SIDs, and
/// FILETIMEs as 2019-07-19T14:42:51.446280900Z (100 ns precision, the form Windows and Splunk's XmlWinEventLog show).
/// </summary>
internal static partial class BinXmlValueFormatter
{
    /// <summary>The byte size of one value of a fixed-size type, or 0 for variable-size types.</summary>
    public static int FixedSize(BinXmlValueType type) => type switch
    {
        BinXmlValueType.Int8 or BinXmlValueType.UInt8 => 1,
        BinXmlValueType.Int16 or BinXmlValueType.UInt16 => 2,
        BinXmlValueType.Int32 or BinXmlValueType.UInt32 or BinXmlValueType.Real32 or BinXmlValueType.Boolean
            or BinXmlValueType.HexInt32 or BinXmlValueType.EvtHandle => 4,
        BinXmlValueType.Int64 or BinXmlValueType.UInt64 or BinXmlValueType.Real64 or BinXmlValueType.FileTime
            or BinXmlValueType.HexInt64 => 8,
        BinXmlValueType.Guid or BinXmlValueType.SystemTime => 16,
        _ => 0,
    };

    /// <summary>Appends one (non-array) value; strings are escaped for <paramref name="escaping"/>.</summary>
    public static void Append(StringBuilder builder, ReadOnlySpan<byte> data, byte type, XmlEscaping escaping = XmlEscaping.Text)
    {
        var valueType = (BinXmlValueType)type;
        switch (valueType)
        {
            case BinXmlValueType.Null:
                return;
            case BinXmlValueType.String:
            case BinXmlValueType.EvtXml:
                XmlEscaper.Append(builder, TrimNul(MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)])), escaping);
                return;
            case BinXmlValueType.AnsiString:
                AppendAnsi(builder, data, escaping);
                return;
            case BinXmlValueType.Binary:
                AppendHex(builder, data);
                return;
            case BinXmlValueType.Guid when data.Length >= 16:
                AppendGuid(builder, data);
                return;
            case BinXmlValueType.SizeT:
                AppendSizeT(builder, data);
                return;
            case BinXmlValueType.FileTime when data.Length >= 8:
                AppendFileTime(builder, BinaryPrimitives.ReadUInt64LittleEndian(data));
                return;
            case BinXmlValueType.SystemTime when data.Length >= 16:
                AppendSystemTime(builder, data);
                return;
            case BinXmlValueType.Sid:
                AppendSid(builder, data);
                return;
            default:
                AppendNumber(builder, data, valueType);
                return;
        }
    }

    private static void AppendNumber(StringBuilder builder, ReadOnlySpan<byte> data, BinXmlValueType type)
    {
        var size = FixedSize(type);
        if (size == 0 || data.Length < size)
        {
            // A value shorter than its type (or of an unknown type) is shown as its bytes rather than guessed at.
            AppendHex(builder, data);
            return;
        }

        var invariant = CultureInfo.InvariantCulture;
        _ = type switch
        {
            BinXmlValueType.Int8 => builder.Append((sbyte)data[0]),
            BinXmlValueType.UInt8 => builder.Append(data[0]),
            BinXmlValueType.Int16 => builder.Append(BinaryPrimitives.ReadInt16LittleEndian(data)),
            BinXmlValueType.UInt16 => builder.Append(BinaryPrimitives.ReadUInt16LittleEndian(data)),
            BinXmlValueType.Int32 => builder.Append(BinaryPrimitives.ReadInt32LittleEndian(data)),
            BinXmlValueType.UInt32 or BinXmlValueType.EvtHandle =>
                builder.Append(BinaryPrimitives.ReadUInt32LittleEndian(data)),
            BinXmlValueType.Int64 => builder.Append(BinaryPrimitives.ReadInt64LittleEndian(data)),
            BinXmlValueType.UInt64 => builder.Append(BinaryPrimitives.ReadUInt64LittleEndian(data)),
            BinXmlValueType.Real32 => builder.Append(invariant, $"{BinaryPrimitives.ReadSingleLittleEndian(data):R}"),
            BinXmlValueType.Real64 => builder.Append(invariant, $"{BinaryPrimitives.ReadDoubleLittleEndian(data):R}"),
            BinXmlValueType.Boolean => builder.Append(BinaryPrimitives.ReadUInt32LittleEndian(data) != 0 ? "true" : "false"),
            BinXmlValueType.HexInt32 => builder.Append(invariant, $"0x{BinaryPrimitives.ReadUInt32LittleEndian(data):x}"),
            BinXmlValueType.HexInt64 => builder.Append(invariant, $"0x{BinaryPrimitives.ReadUInt64LittleEndian(data):x}"),
            _ => builder,
        };
    }

    /// <summary>size_t is 4 or 8 bytes; rendered in decimal, as python-evtx and libevtx both do.</summary>
    private static void AppendSizeT(StringBuilder builder, ReadOnlySpan<byte> data)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (data.Length == 4)
        {
            builder.Append(BinaryPrimitives.ReadUInt32LittleEndian(data));
        }
        else if (data.Length == 8)
        {
            builder.Append(BinaryPrimitives.ReadUInt64LittleEndian(data));
        }
        else
        {
            AppendHex(builder, data);
        }
    }

    private static void AppendAnsi(StringBuilder builder, ReadOnlySpan<byte> data, XmlEscaping escaping)
    {
        var length = data.IndexOf((byte)0);
        var bytes = length < 0 ? data : data[..length];
        XmlEscaper.Append(builder, Encoding.Latin1.GetString(bytes), escaping);
    }

    public static void AppendHex(StringBuilder builder, ReadOnlySpan<byte> data)
    {
        const string digits = "0123456789ABCDEF";
        foreach (var b in data)
        {
            builder.Append(digits[b >> 4]).Append(digits[b & 0xF]);
        }
    }

    private static void AppendGuid(StringBuilder builder, ReadOnlySpan<byte> data)
    {
        var invariant = CultureInfo.InvariantCulture;
        builder.Append('{')
            .Append(invariant, $"{BinaryPrimitives.ReadUInt32LittleEndian(data):X8}").Append('-')
            .Append(invariant, $"{BinaryPrimitives.ReadUInt16LittleEndian(data[4..]):X4}").Append('-')
            .Append(invariant, $"{BinaryPrimitives.ReadUInt16LittleEndian(data[6..]):X4}").Append('-');
        AppendHex(builder, data.Slice(8, 2));
        builder.Append('-');
        AppendHex(builder, data.Slice(10, 6));
        builder.Append('}');
    }

    /// <summary>Revision, sub-authority count, a 48-bit big-endian identifier authority, then little-endian sub-authorities.</summary>
    private static void AppendSid(StringBuilder builder, ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 || data.Length < 8 + (data[1] * 4))
        {
            AppendHex(builder, data);
            return;
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | data[i];
        }

        builder.Append("S-").Append(data[0]).Append('-').Append(authority);
        for (var i = 0; i < data[1]; i++)
        {
            builder.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(data[(8 + (i * 4))..]));
        }
    }

    private static ReadOnlySpan<char> TrimNul(ReadOnlySpan<char> text) => text.TrimEnd('\0');
}
