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
            builder.Append("0x").Append(fileTime.ToString("x16", CultureInfo.InvariantCulture));
            return;
        }

        builder.Append(time.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture)).Append("00Z");
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

        var invariant = CultureInfo.InvariantCulture;
        builder.Append(parts[0].ToString("D4", invariant)).Append('-')
            .Append(parts[1].ToString("D2", invariant)).Append('-')
            .Append(parts[3].ToString("D2", invariant)).Append('T')
            .Append(parts[4].ToString("D2", invariant)).Append(':')
            .Append(parts[5].ToString("D2", invariant)).Append(':')
            .Append(parts[6].ToString("D2", invariant)).Append('.')
            .Append(parts[7].ToString("D3", invariant)).Append('Z');
    }
}
