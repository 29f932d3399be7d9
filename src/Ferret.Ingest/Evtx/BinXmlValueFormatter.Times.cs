using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Ferret.Ingest.Evtx;

internal static partial class BinXmlValueFormatter
{
    /// <summary>FILETIME ticks between 1601-01-01 and 0001-01-01, .NET's epoch.</summary>
    private const long FileTimeEpochTicks = 504_911_232_000_000_000L;

    /// <summary>A FILETIME (100 ns ticks since 1601-01-01 UTC) as a UTC time, or null when .NET cannot represent it.</summary>
    public static DateTime? FileTimeToDateTime(ulong fileTime) =>
        fileTime <= (ulong)(DateTime.MaxValue.Ticks - FileTimeEpochTicks)
            ? new DateTime((long)fileTime + FileTimeEpochTicks, DateTimeKind.Utc)
            : null;

    /// <summary>2019-07-19T14:42:51.446280900Z: seven digits of 100 ns ticks then "00", as Windows renders SystemTime.</summary>
    public static void AppendFileTime(StringBuilder builder, ulong fileTime)
    {
        if (FileTimeToDateTime(fileTime) is not { } time)
        {
            builder.Append(CultureInfo.InvariantCulture, $"0x{fileTime:x16}");
            return;
        }

        builder.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-dd'T'HH:mm:ss.fffffff}00Z");
    }

    /// <summary>
    /// SYSTEMTIME: year, month, day-of-week, day, hour, minute, second, milliseconds (eight u16 values), rendered to
    /// its millisecond precision (2019-03-08T18:49:35.000Z), as libevtx renders it.
    /// </summary>
    public static void AppendSystemTime(StringBuilder builder, ReadOnlySpan<byte> data)
    {
        Span<int> parts = stackalloc int[8];
        for (var i = 0; i < 8; i++)
        {
            parts[i] = BinaryPrimitives.ReadUInt16LittleEndian(data[(i * 2)..]);
        }

        builder.Append(CultureInfo.InvariantCulture,
            $"{parts[0]:D4}-{parts[1]:D2}-{parts[3]:D2}T{parts[4]:D2}:{parts[5]:D2}:{parts[6]:D2}.{parts[7]:D3}Z");
    }
}
