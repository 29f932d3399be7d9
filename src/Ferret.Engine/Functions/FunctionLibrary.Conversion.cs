using System.Globalization;
using System.Net;
using System.Text;
using Ferret.Events;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Conversion = "Conversion";

    private static void AddConversion(Register add)
    {
        add("tonumber", (a, _) =>
        {
            if (Text(a[0]) is not { } text)
            {
                return Value.Null;
            }

            // The whole text must be the number: tonumber(" 42 ") is null in Splunk, as is any text with spaces around.
            var numberBase = a.Length > 1 && Number(a[1]) is { } b ? (int)b : 10;
            return text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1])
                && ToNumber(text, numberBase) is { } n ? Value.Of(n) : Value.Null;
        });
        add("tostring", (a, _) =>
        {
            if (a[0].IsNull)
            {
                return Value.Null;
            }

            var format = a.Length > 1 ? Text(a[1]) : null;
            return Value.Of(ToStringFormatted(a[0], format));
        });
        add("printf", (a, rt) => Text(a[0]) is { } format ? Value.Of(Printf.Format(format, a[1..], rt)) : Value.Null);
        add("ipmask", (a, _) =>
            Text(a[0]) is { } mask && Text(a[1]) is { } ip && IPAddress.TryParse(mask, out var m) && IPAddress.TryParse(ip, out var i)
                && m.AddressFamily == i.AddressFamily
                ? Value.Of(new IPAddress(m.GetAddressBytes().Zip(i.GetAddressBytes(), (x, y) => (byte)(x & y)).ToArray()).ToString())
                : Value.Null);
    }

    /// <summary><c>tonumber(X, base)</c>: base 2 to 36; base 10 also reads decimals and exponents.</summary>
    public static double? ToNumber(string text, int numberBase)
    {
        if (numberBase == 10)
        {
            return Scalar.TryParseNumber(text, out var n) ? n : null;
        }

        if (numberBase is < 2 or > 36 || text.Length == 0)
        {
            return null;
        }

        var negative = text.StartsWith('-');
        var digits = negative ? text[1..] : text;
        if (numberBase == 16 && digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        double value = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= numberBase)
            {
                return null;
            }

            value = (value * numberBase) + digit;
        }

        return negative ? -value : value;
    }

    /// <summary><c>tostring(X, "hex"|"binary"|"commas"|"duration")</c> (Search Reference, "Conversion functions").</summary>
    public static string ToStringFormatted(Value value, string? format)
    {
        if (format is null || !value.TryGetNumber(out var n))
        {
            return value.IsBoolean ? (value.Boolean ? "True" : "False") : value.First.ToString();
        }

        switch (format.ToLowerInvariant())
        {
            case "hex":
                return "0x" + ((long)n).ToString("X", CultureInfo.InvariantCulture);
            case "binary":
                return System.Convert.ToString((long)n, 2);
            case "commas":
                var rounded = Math.Round(n, 2);
                return double.IsInteger(rounded)
                    ? rounded.ToString("#,0", CultureInfo.InvariantCulture)
                    : rounded.ToString("#,0.##", CultureInfo.InvariantCulture);
            case "duration":
                var total = (long)Math.Floor(Math.Abs(n));
                var days = total / 86400;
                var time = $"{total % 86400 / 3600:D2}:{total % 3600 / 60:D2}:{total % 60:D2}";
                var sign = n < 0 ? "-" : string.Empty;
                return days > 0 ? $"{sign}{days}+{time}" : sign + time;
            default:
                return value.First.ToString();
        }
    }

    /// <summary>Splunk's <c>printf</c> (C style: flags, width and precision, '*' from an argument; %d %i %u %s %f %F %e %E
    /// %g %G %a %A %x %X %o %p %c %%; length modifiers such as %zd are read and ignored).</summary>
    internal static class Printf
    {
        /// <summary>A width or precision past <see cref="Limits.SearchLimits.MaxStringLength"/> is cut to it (reported):
        /// <c>%2000000000d</c> would otherwise ask for gigabytes.</summary>
        public static string Format(string format, ReadOnlySpan<Value> args, EvalRuntime runtime)
        {
            var maxLength = runtime.Limits.MaxStringLength;
            var builder = new StringBuilder();
            var next = 0;
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] != '%')
                {
                    builder.Append(format[i]);
                    continue;
                }

                if (i + 1 < format.Length && format[i + 1] == '%')
                {
                    builder.Append('%');
                    i++;
                    continue;
                }

                var j = i + 1;
                var flags = string.Empty;
                while (j < format.Length && "-+ 0#'".Contains(format[j], StringComparison.Ordinal))
                {
                    flags += format[j++];
                }

                // A '*' width or precision takes its value from the next argument (C's printf, which Splunk's follows).
                var width = ReadNumberOrArgument(format, ref j, args, ref next);
                int? precision = null;
                if (j < format.Length && format[j] == '.')
                {
                    j++;
                    precision = ReadNumberOrArgument(format, ref j, args, ref next) ?? 0;
                }

                if (width > maxLength || precision > maxLength)
                {
                    runtime.ReportLimit("[ferret] max_string_length", "eval function 'printf'",
                        $"a width or precision of {Math.Max(width ?? 0, precision ?? 0)} was cut to {maxLength}");
                    width = width > maxLength ? maxLength : width;
                    precision = precision > maxLength ? maxLength : precision;
                }

                while (j < format.Length && "hlLqjzt".Contains(format[j], StringComparison.Ordinal))
                {
                    j++;
                }

                if (j >= format.Length)
                {
                    builder.Append(format, i, format.Length - i);
                    break;
                }

                var conversion = format[j];
                var arg = next < args.Length ? args[next++] : Value.Null;
                builder.Append(Pad(Convert(conversion, arg, flags, precision), flags, width));
                i = j;
            }

            return builder.ToString();
        }

        private static int? ReadNumberOrArgument(string format, ref int j, ReadOnlySpan<Value> args, ref int next)
        {
            if (j < format.Length && format[j] == '*')
            {
                j++;
                var arg = next < args.Length ? args[next++] : Value.Null;
                return arg.TryGetNumber(out var n) ? (int)n : null;
            }

            return ReadNumber(format, ref j);
        }

        private static int? ReadNumber(string format, ref int j)
        {
            var start = j;
            while (j < format.Length && char.IsAsciiDigit(format[j]))
            {
                j++;
            }

            // Saturates rather than overflowing: a width of 99999999999 is as wrong as one of int.MaxValue.
            return j > start ? (int)Math.Min(int.MaxValue, double.Parse(format.AsSpan(start, j - start), CultureInfo.InvariantCulture)) : null;
        }

        private static string Convert(char conversion, Value arg, string flags, int? precision)
        {
            var inv = CultureInfo.InvariantCulture;
            var number = arg.TryGetNumber(out var n) ? n : 0;
            var sign = flags.Contains('+', StringComparison.Ordinal) && number >= 0 ? "+" : flags.Contains(' ', StringComparison.Ordinal) && number >= 0 ? " " : string.Empty;
            var grouping = flags.Contains('\'', StringComparison.Ordinal);
            var alternate = flags.Contains('#', StringComparison.Ordinal);
            return conversion switch
            {
                'd' or 'i' or 'u' => sign + ((long)Math.Truncate(number)).ToString(grouping ? "#,0" : "0", inv),
                'f' or 'F' => sign + number.ToString((grouping ? "#,0." : "0.") + new string('0', precision ?? 6), inv).TrimEnd('.'),
                'e' or 'E' => sign + FormatExponent(number, precision ?? 6, conversion),
                'g' or 'G' => sign + PrintfFloats.General(number, precision ?? 6, conversion == 'G', alternate),
                'a' or 'A' => sign + PrintfFloats.Hexadecimal(number, precision, conversion == 'A'),
                'x' => (alternate && number != 0 ? "0x" : string.Empty) + ((long)number).ToString("x", inv),
                'X' => (alternate && number != 0 ? "0X" : string.Empty) + ((long)number).ToString("X", inv),
                'p' => "0x" + ((long)number).ToString("x", inv),
                'o' => (alternate && number != 0 ? "0" : string.Empty) + System.Convert.ToString((long)number, 8),
                'c' => arg.TryGetNumber(out var code) ? ((char)(int)code).ToString() : (arg.Text ?? string.Empty)[..Math.Min(1, (arg.Text ?? string.Empty).Length)],
                's' => precision is { } p && (arg.Text ?? string.Empty).Length > p ? arg.Text![..p] : arg.Text ?? string.Empty,
                _ => "%" + conversion,
            };
        }

        private static string FormatExponent(double number, int precision, char conversion)
        {
            var text = PrintfFloats.Exponent(number, precision);
            return conversion == 'E' ? text.ToUpperInvariant() : text;
        }

        private static string Pad(string text, string flags, int? width)
        {
            if (width is not { } w || text.Length >= w)
            {
                return text;
            }

            if (flags.Contains('-', StringComparison.Ordinal))
            {
                return text.PadRight(w);
            }

            if (flags.Contains('0', StringComparison.Ordinal) && text.Length > 0 && (char.IsAsciiDigit(text[^1]) || text[^1] == '.'))
            {
                var signed = text[0] is '-' or '+' or ' ';
                return signed ? text[0] + text[1..].PadLeft(w - 1, '0') : text.PadLeft(w, '0');
            }

            return text.PadLeft(w);
        }
    }
}
