using System.Globalization;

namespace Ferret.Engine.Functions;

/// <summary>
/// The float conversions of C's printf that .NET formats differently: <c>%g</c> (shortest of %f and %e, lower-case
/// <c>e</c>, two-digit exponent, trailing zeros dropped) and <c>%a</c> (hexadecimal mantissa and binary exponent).
/// Splunk's printf follows C's (Search Reference, "Conversion functions", printf).
/// </summary>
internal static class PrintfFloats
{
    public static string General(double number, int precision, bool upper, bool keepTrailingZeros)
    {
        var significant = precision == 0 ? 1 : precision;
        var inv = CultureInfo.InvariantCulture;

        // The exponent %e would show after rounding to the significant digits decides between the two styles.
        var scientific = number.ToString("E" + (significant - 1), inv);
        var exponent = number == 0 ? 0 : int.Parse(scientific.AsSpan(scientific.IndexOf('E') + 1), NumberStyles.AllowLeadingSign, inv);
        string text;
        if (exponent < -4 || exponent >= significant)
        {
            text = Exponent(number, significant - 1);
            var mark = text.IndexOf('e');
            var mantissa = keepTrailingZeros ? text[..mark] : TrimFraction(text[..mark]);
            text = mantissa + text[mark..];
        }
        else
        {
            text = number.ToString("F" + (significant - 1 - exponent), inv);
            text = keepTrailingZeros ? text : TrimFraction(text);
        }

        return upper ? text.ToUpperInvariant() : text;
    }

    /// <summary>%e: one digit, the fraction, then <c>e</c>, a sign and at least two exponent digits.</summary>
    public static string Exponent(double number, int decimals)
    {
        return number.ToString((decimals == 0 ? "0" : "0." + new string('0', decimals)) + "e+00", CultureInfo.InvariantCulture);
    }

    public static string Hexadecimal(double number, int? precision, bool upper)
    {
        var negative = double.IsNegative(number);
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(number));
        var biased = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & 0xFFFFFFFFFFFFFL;
        string text;
        if (biased == 0 && fraction == 0)
        {
            text = "0x0" + (precision is > 0 ? "." + new string('0', precision.Value) : string.Empty) + "p+0";
        }
        else
        {
            var lead = biased == 0 ? 0 : 1;
            var exponent = biased == 0 ? -1022 : biased - 1023;
            var digits = fraction.ToString("x13", CultureInfo.InvariantCulture);
            if (precision is { } p && p < 13)
            {
                // Round the 52-bit fraction to p hexadecimal digits; a carry into the leading digit bumps it.
                var shift = (13 - p) * 4;
                var rounded = (fraction + (1L << (shift - 1))) >> shift;
                if (p == 0 ? rounded > 0 : rounded >> (p * 4) > 0)
                {
                    lead++;
                    rounded &= p == 0 ? 0 : (1L << (p * 4)) - 1;
                }

                digits = p == 0 ? string.Empty : rounded.ToString("x" + p, CultureInfo.InvariantCulture);
            }
            else
            {
                digits = precision is { } wide ? digits.PadRight(wide, '0') : digits.TrimEnd('0');
            }

            text = "0x" + lead + (digits.Length > 0 ? "." + digits : string.Empty) + "p" + (exponent >= 0 ? "+" : string.Empty) + exponent;
        }

        text = (negative ? "-" : string.Empty) + text;
        return upper ? text.ToUpperInvariant() : text;
    }

    private static string TrimFraction(string text) =>
        text.Contains('.', StringComparison.Ordinal) ? text.TrimEnd('0').TrimEnd('.') : text;
}
