using System.Globalization;

namespace Ferret.Ingest.Windows;

/// <summary>
/// Windows event times: <c>SystemTime</c> as Windows renders it (<c>2025-11-03T09:52:40.075072500Z</c>, nine
/// fraction digits that .NET's parser refuses), and the shapes collectors write (<c>2020-08-01 07:53:24</c>,
/// <c>2020-12-19T07:00:03.823Z</c>). Times without a zone are UTC, as Windows stores them.
/// </summary>
public static class WindowsTime
{
    public static bool TryParse(string text, out DateTimeOffset time)
    {
        time = default;
        var span = text.AsSpan().Trim();
        if (span.Length < 19 || span[4] != '-' || span[7] != '-' || (span[10] != 'T' && span[10] != ' ')
            || !int.TryParse(span[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(span[5..7], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(span[8..10], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(span[11..13], NumberStyles.None, CultureInfo.InvariantCulture, out var hour)
            || !int.TryParse(span[14..16], NumberStyles.None, CultureInfo.InvariantCulture, out var minute)
            || !int.TryParse(span[17..19], NumberStyles.None, CultureInfo.InvariantCulture, out var second))
        {
            return false;
        }

        var rest = span[19..];
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 0;
            var scale = TimeSpan.TicksPerSecond;
            var i = 1;
            for (; i < rest.Length && char.IsAsciiDigit(rest[i]); i++, digits++)
            {
                if (scale > 1)
                {
                    scale /= 10;
                    fractionTicks += (rest[i] - '0') * scale;
                }
            }

            rest = rest[i..];
        }

        var offset = TimeSpan.Zero;
        rest = rest.Trim();
        if (rest.Length > 0 && rest is not "Z" and not "z" && !TryParseOffset(rest, out offset))
        {
            return false;
        }

        try
        {
            time = new DateTimeOffset(year, month, day, hour, minute, second, offset).AddTicks(fractionTicks);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    /// <summary>A time as Windows renders <c>SystemTime</c>: seven fraction digits and two zeros, UTC.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff", CultureInfo.InvariantCulture) + "00Z";

    private static bool TryParseOffset(ReadOnlySpan<char> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text is "GMT" or "UTC")
        {
            return true;
        }

        if (text.Length is not (5 or 6) || (text[0] != '+' && text[0] != '-'))
        {
            return false;
        }

        var digits = text.Length == 6 ? string.Concat(text[1..3], text[4..6]) : text[1..].ToString();
        if (!int.TryParse(digits.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(digits.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return true;
    }
}
