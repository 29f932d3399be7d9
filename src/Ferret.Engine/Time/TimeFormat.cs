using System.Globalization;
using System.Text;

namespace Ferret.Engine.Time;

/// <summary>
/// Splunk's date and time format variables for <c>strftime</c>, <c>strptime</c>, <c>convert timeformat=</c>
/// (Search Reference, "Date and time format variables"): the C library's <c>%</c> specifiers plus Splunk's
/// subseconds <c>%3N</c>/<c>%6N</c>/<c>%9N</c>, <c>%Q</c>, <c>%Ez</c>. Times are rendered in UTC.
/// </summary>
public static partial class TimeFormat
{
    private static readonly string[] ShortDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly string[] LongMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>The format <c>convert ctime()</c> uses by default (Search Reference, "convert command").</summary>
    public const string ConvertDefault = "%m/%d/%Y %H:%M:%S";

    public static string Format(double epochSeconds, string format)
    {
        var time = DateTimeOffset.UnixEpoch.AddTicks((long)Math.Floor(epochSeconds * TimeSpan.TicksPerSecond));
        var builder = new StringBuilder(format.Length + 16);
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                builder.Append(c);
                continue;
            }

            i++;
            var digits = 0;
            while (i < format.Length && char.IsAsciiDigit(format[i]))
            {
                digits = (digits * 10) + (format[i] - '0');
                i++;
            }

            if (i >= format.Length)
            {
                break;
            }

            var spec = format[i];
            if (spec == 'E' && i + 1 < format.Length && format[i + 1] == 'z')
            {
                i++;
                builder.Append("+00:00");
                continue;
            }

            if (spec == ':' && i + 2 < format.Length && format[i + 1] == ':' && format[i + 2] == 'z')
            {
                i += 2;
                builder.Append("+00:00:00");
                continue;
            }

            if (spec == ':' && i + 1 < format.Length && format[i + 1] == 'z')
            {
                i++;
                builder.Append("+00:00");
                continue;
            }

            AppendSpecifier(builder, time, epochSeconds, spec, digits);
        }

        return builder.ToString();
    }

    private static void AppendSpecifier(StringBuilder b, DateTimeOffset t, double epoch, char spec, int digits)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (spec)
        {
            case 'Y': b.Append(t.Year.ToString("D4", inv)); break;
            case 'y': b.Append((t.Year % 100).ToString("D2", inv)); break;
            case 'C': b.Append((t.Year / 100).ToString("D2", inv)); break;
            case 'm': b.Append(t.Month.ToString("D2", inv)); break;
            case 'd': b.Append(t.Day.ToString("D2", inv)); break;
            case 'e': b.Append(t.Day.ToString(inv).PadLeft(2)); break;
            case 'H': b.Append(t.Hour.ToString("D2", inv)); break;
            case 'k': b.Append(t.Hour.ToString(inv).PadLeft(2)); break;
            case 'I': b.Append(Hour12(t).ToString("D2", inv)); break;
            case 'l': b.Append(Hour12(t).ToString(inv).PadLeft(2)); break;
            case 'M': b.Append(t.Minute.ToString("D2", inv)); break;
            case 'S': b.Append(t.Second.ToString("D2", inv)); break;
            case 'p': b.Append(t.Hour < 12 ? "AM" : "PM"); break;
            case 'P': b.Append(t.Hour < 12 ? "am" : "pm"); break;
            case 'a': b.Append(ShortDays[(int)t.DayOfWeek]); break;
            case 'A': b.Append(LongDays[(int)t.DayOfWeek]); break;
            case 'b' or 'h': b.Append(ShortMonths[t.Month - 1]); break;
            case 'B': b.Append(LongMonths[t.Month - 1]); break;
            case 'j': b.Append(t.DayOfYear.ToString("D3", inv)); break;
            case 'w': b.Append((int)t.DayOfWeek); break;
            case 'u': b.Append(t.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)t.DayOfWeek); break;
            case 'U': b.Append(((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7).ToString("D2", inv)); break;
            case 'W': b.Append(((t.DayOfYear + 6 - (((int)t.DayOfWeek + 6) % 7)) / 7).ToString("D2", inv)); break;
            case 'V': b.Append(ISOWeek.GetWeekOfYear(t.UtcDateTime).ToString("D2", inv)); break;
            case 'G': b.Append(ISOWeek.GetYear(t.UtcDateTime).ToString("D4", inv)); break;
            case 'Z': b.Append("UTC"); break;
            case 'z': b.Append("+0000"); break;
            case 's': b.Append(((long)Math.Floor(epoch)).ToString(inv)); break;
            case 'N': b.Append(Subseconds(epoch, digits == 0 ? 9 : digits)); break;
            case 'Q': b.Append(Subseconds(epoch, digits == 0 ? 3 : digits)); break;
            case 'f': b.Append(Subseconds(epoch, digits == 0 ? 6 : digits)); break;
            case 'T': b.Append(t.ToString("HH:mm:ss", inv)); break;
            case 'R': b.Append(t.ToString("HH:mm", inv)); break;
            case 'D': b.Append(t.ToString("MM/dd/yy", inv)); break;
            case 'F': b.Append(t.ToString("yyyy-MM-dd", inv)); break;
            case 'c': b.Append(ShortDays[(int)t.DayOfWeek]).Append(' ').Append(ShortMonths[t.Month - 1]).Append(' ')
                .Append(t.Day.ToString(inv).PadLeft(2)).Append(' ').Append(t.ToString("HH:mm:ss yyyy", inv)); break;
            case 'x': b.Append(t.ToString("MM/dd/yy", inv)); break;
            case 'X': b.Append(t.ToString("HH:mm:ss", inv)); break;
            case '+': b.Append(ShortDays[(int)t.DayOfWeek]).Append(' ').Append(ShortMonths[t.Month - 1]).Append(' ')
                .Append(t.Day.ToString(inv).PadLeft(2)).Append(' ').Append(t.ToString("HH:mm:ss", inv)).Append(" UTC ")
                .Append(t.Year.ToString(inv)); break;
            case 'n': b.Append('\n'); break;
            case 't': b.Append('\t'); break;
            case '%': b.Append('%'); break;
            default: b.Append('%').Append(spec); break;
        }
    }

    private static int Hour12(DateTimeOffset t) => t.Hour % 12 == 0 ? 12 : t.Hour % 12;

    private static string Subseconds(double epoch, int digits)
    {
        digits = Math.Clamp(digits, 1, 9);
        var fraction = epoch - Math.Floor(epoch);
        var scaled = (long)Math.Floor((fraction * Math.Pow(10, digits)) + 1e-6);
        return scaled.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
