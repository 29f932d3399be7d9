using System.Runtime.InteropServices;

namespace Ferret.Ingest.Evtx;

internal static partial class BinXmlValueFormatter
{
    /// <summary>
    /// Splits an array value (type | 0x80) into its items, as (offset, length) pairs relative to the value:
    /// UTF-16 and ANSI strings are NUL-terminated one after another, SIDs carry their own length, the rest
    /// are fixed-size.
    /// </summary>
    public static List<(int Offset, int Length)> SplitArray(ReadOnlySpan<byte> data, BinXmlValueType itemType)
    {
        var items = new List<(int Offset, int Length)>();
        switch (itemType)
        {
            case BinXmlValueType.String:
                var characters = MemoryMarshal.Cast<byte, char>(data[..(data.Length & ~1)]);
                var start = 0;
                for (var i = 0; i < characters.Length; i++)
                {
                    if (characters[i] == '\0')
                    {
                        items.Add((start * 2, (i - start) * 2));
                        start = i + 1;
                    }
                }

                if (start < characters.Length)
                {
                    items.Add((start * 2, (characters.Length - start) * 2));
                }

                break;
            case BinXmlValueType.AnsiString:
                var from = 0;
                for (var i = 0; i <= data.Length; i++)
                {
                    if (i == data.Length || data[i] == 0)
                    {
                        if (i > from || i < data.Length)
                        {
                            items.Add((from, i - from));
                        }

                        from = i + 1;
                    }
                }

                break;
            case BinXmlValueType.Sid:
                var offset = 0;
                while (offset + 8 <= data.Length)
                {
                    var length = 8 + (data[offset + 1] * 4);
                    if (offset + length > data.Length)
                    {
                        break;
                    }

                    items.Add((offset, length));
                    offset += length;
                }

                break;
            default:
                var size = FixedSize(itemType);
                if (size == 0)
                {
                    items.Add((0, data.Length));
                    break;
                }

                for (var i = 0; i + size <= data.Length; i += size)
                {
                    items.Add((i, size));
                }

                break;
        }

        return items;
    }
}
