using System.Globalization;

namespace Ferret.Engine.Time;

public static partial class TimeFormat
{
    /// <summary>
    /// Parses <paramref name="text"/> with a Splunk format (Search Reference, "strptime"): returns epoch seconds,
    /// or null when the text does not match. Missing date parts default to 1970-01-01; a time zone in the text
    /// (<c>%z</c>, <c>%Z</c> as UTC/GMT/Z) is honoured, otherwise UTC.
    /// </summary>
    public static double? Parse(string text, string format)
    {
        var state = new ParseState();
        var p = 0;
        for (var f = 0; f < format.Length; f++)
        {
            var c = format[f];
            if (c != '%')
            {
                if (char.IsWhiteSpace(c))
                {
                    while (p < text.Length && char.IsWhiteSpace(text[p]))
                    {
                        p++;
                    }

                    continue;
                }

                if (p >= text.Length || text[p] != c)
                {
                    return null;
                }

                p++;
                continue;
            }

            f++;
            var width = 0;
            while (f < format.Length && char.IsAsciiDigit(format[f]))
            {
                width = (width * 10) + (format[f] - '0');
                f++;
            }

            if (f >= format.Length)
            {
                return null;
            }

            if (!ParseSpecifier(text, ref p, format[f], width, ref state, format, ref f))
            {
                return null;
            }
        }

        return state.ToEpoch();
    }

    private static bool ParseSpecifier(string text, ref int p, char spec, int width, ref ParseState s, string format, ref int f)
    {
        switch (spec)
        {
            case 'Y': return ReadInt(text, ref p, 4, out s.Year);
            case 'y':
                if (!ReadInt(text, ref p, 2, out var year2))
                {
                    return false;
                }

                s.Year = year2 < 69 ? 2000 + year2 : 1900 + year2;
                return true;
            case 'm': return ReadInt(text, ref p, 2, out s.Month);
            case 'd' or 'e': SkipSpaces(text, ref p); return ReadInt(text, ref p, 2, out s.Day);
            case 'H' or 'k': SkipSpaces(text, ref p); return ReadInt(text, ref p, 2, out s.Hour);
            case 'I' or 'l': SkipSpaces(text, ref p); s.Hour12 = true; return ReadInt(text, ref p, 2, out s.Hour);
            case 'M': return ReadInt(text, ref p, 2, out s.Minute);
            case 'S': return ReadInt(text, ref p, 2, out s.Second);
            case 'j': return ReadInt(text, ref p, 3, out s.DayOfYear);
            case 'p' or 'P':
                if (p + 2 > text.Length)
                {
                    return false;
                }

                var meridiem = text.Substring(p, 2).ToUpperInvariant();
                if (meridiem is not ("AM" or "PM"))
                {
                    return false;
                }

                s.Pm = meridiem == "PM";
                p += 2;
                return true;
            case 'b' or 'h' or 'B': return ReadName(text, ref p, LongMonths, ShortMonths, out s.Month, 1);
            case 'a' or 'A': return ReadName(text, ref p, LongDays, ShortDays, out _, 0);
            case 's':
                var start = p;
                while (p < text.Length && (char.IsAsciiDigit(text[p]) || (p == start && text[p] == '-')))
                {
                    p++;
                }

                if (p == start || !long.TryParse(text.AsSpan(start, p - start), NumberStyles.Integer, CultureInfo.InvariantCulture, out var epoch))
                {
                    return false;
                }

                s.Epoch = epoch;
                return true;
            case 'N' or 'Q' or 'f':
                var digitsStart = p;
                var max = width == 0 ? 9 : width;
                while (p < text.Length && char.IsAsciiDigit(text[p]) && p - digitsStart < max)
                {
                    p++;
                }

                if (p == digitsStart)
                {
                    return false;
                }

                s.Fraction = double.Parse("0." + text[digitsStart..p], CultureInfo.InvariantCulture);
                return true;
            case 'z' or 'Z':
                return ReadZone(text, ref p, ref s);
            case 'E' when f + 1 < format.Length && format[f + 1] == 'z':
                f++;
                return ReadZone(text, ref p, ref s);
            case 'T':
                return ReadInt(text, ref p, 2, out s.Hour) && Expect(text, ref p, ':') && ReadInt(text, ref p, 2, out s.Minute)
                    && Expect(text, ref p, ':') && ReadInt(text, ref p, 2, out s.Second);
            case 'F':
                return ReadInt(text, ref p, 4, out s.Year) && Expect(text, ref p, '-') && ReadInt(text, ref p, 2, out s.Month)
                    && Expect(text, ref p, '-') && ReadInt(text, ref p, 2, out s.Day);
            case 'D':
                if (!(ReadInt(text, ref p, 2, out s.Month) && Expect(text, ref p, '/') && ReadInt(text, ref p, 2, out s.Day)
                    && Expect(text, ref p, '/') && ReadInt(text, ref p, 2, out var shortYear)))
                {
                    return false;
                }

                s.Year = shortYear < 69 ? 2000 + shortYear : 1900 + shortYear;
                return true;
            case '%': return Expect(text, ref p, '%');
            case 'n' or 't': SkipSpaces(text, ref p); return true;
            default: return false;
        }
    }

    private static bool ReadZone(string text, ref int p, ref ParseState s)
    {
        SkipSpaces(text, ref p);
        if (p >= text.Length)
        {
            return false;
        }

        if (text[p] is '+' or '-')
        {
            var sign = text[p] == '-' ? -1 : 1;
            p++;
            if (!ReadInt(text, ref p, 2, out var hours))
            {
                return false;
            }

            if (p < text.Length && text[p] == ':')
            {
                p++;
            }

            var minutes = 0;
            if (p < text.Length && char.IsAsciiDigit(text[p]) && !ReadInt(text, ref p, 2, out minutes))
            {
                return false;
            }

            s.OffsetSeconds = sign * ((hours * 3600) + (minutes * 60));
            return true;
        }

        foreach (var name in (string[])["UTC", "GMT", "Z"])
        {
            if (string.Compare(text, p, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                p += name.Length;
                s.OffsetSeconds = 0;
                return true;
            }
        }

        var start = p;
        while (p < text.Length && char.IsAsciiLetter(text[p]))
        {
            p++;
        }

        return p > start;
    }

    private static bool ReadInt(string text, ref int p, int maxDigits, out int value)
    {
        value = 0;
        var start = p;
        var negative = false;
        if (p < text.Length && text[p] == '-' && maxDigits == 4)
        {
            negative = true;
            p++;
        }

        while (p < text.Length && char.IsAsciiDigit(text[p]) && p - start < maxDigits)
        {
            value = (value * 10) + (text[p] - '0');
            p++;
        }

        if (negative)
        {
            value = -value;
        }

        return p > start;
    }

    private static bool Expect(string text, ref int p, char c)
    {
        if (p < text.Length && text[p] == c)
        {
            p++;
            return true;
        }

        return false;
    }

    private static void SkipSpaces(string text, ref int p)
    {
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }
    }

    private static bool ReadName(string text, ref int p, string[] longNames, string[] shortNames, out int index, int offset)
    {
        for (var i = 0; i < longNames.Length; i++)
        {
            foreach (var name in (string[])[longNames[i], shortNames[i]])
            {
                if (string.Compare(text, p, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    p += name.Length;
                    index = i + offset;
                    return true;
                }
            }
        }

        index = 0;
        return false;
    }

    private struct ParseState
    {
        public int Year;
        public int Month;
        public int Day;
        public int Hour;
        public int Minute;
        public int Second;
        public int DayOfYear;
        public bool Hour12;
        public bool? Pm;
        public double Fraction;
        public int OffsetSeconds;
        public long? Epoch;

        public readonly double? ToEpoch()
        {
            if (Epoch is { } epoch)
            {
                return epoch + Fraction;
            }

            var year = Year == 0 ? 1970 : Year;
            var hour = Hour;
            if (Pm is { } pm)
            {
                hour = (hour % 12) + (pm ? 12 : 0);
            }
            else if (Hour12 && hour == 12)
            {
                hour = 0;
            }

            try
            {
                DateTimeOffset date;
                if (DayOfYear > 0 && Month == 0)
                {
                    date = new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(DayOfYear - 1);
                }
                else
                {
                    date = new DateTimeOffset(year, Month == 0 ? 1 : Month, Day == 0 ? 1 : Day, 0, 0, 0, TimeSpan.Zero);
                }

                if (hour > 23 || Minute > 59 || Second > 60)
                {
                    return null;
                }

                var seconds = (date - DateTimeOffset.UnixEpoch).TotalSeconds + (hour * 3600) + (Minute * 60) + Second - OffsetSeconds;
                return seconds + Fraction;
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }
}
