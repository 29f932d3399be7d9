using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

/// <summary>
/// Splunk's bitwise functions (Search Reference, "Bitwise functions"): every argument is a nonnegative integer from 0
/// to 2^53 - 1 (the integers a double holds exactly); anything else has no result (null). Results stay within 53 bits.
/// </summary>
public static partial class FunctionLibrary
{
    /// <summary>2^53 - 1, the largest value a bitwise function takes or returns.</summary>
    private const long BitwiseMask = (1L << 53) - 1;

    private static void AddBitwise(Register add)
    {
        add("bit_and", (a, _) => Bits(a, (x, y) => x & y));
        add("bit_or", (a, _) => Bits(a, (x, y) => x | y));
        add("bit_xor", (a, _) => Bits(a, (x, y) => x ^ y));

        // bit_not(X, bitmask): the complement of X kept to the bits of the mask (by default all 53).
        add("bit_not", (a, _) =>
            BitwiseArgument(a[0]) is { } x && (a.Length < 2 ? BitwiseMask : BitwiseArgument(a[1])) is { } mask
                ? Value.Of(~x & mask)
                : Value.Null);
        add("bit_shift_left", (a, _) => Shift(a, (x, n) => n >= 53 ? 0 : (x << n) & BitwiseMask));
        add("bit_shift_right", (a, _) => Shift(a, (x, n) => n >= 53 ? 0 : x >> n));
    }

    private static long? BitwiseArgument(Value value) =>
        !value.IsBoolean && value.TryGetNumber(out var n) && double.IsInteger(n) && n is >= 0 and <= BitwiseMask ? (long)n : null;

    private static Value Bits(ReadOnlySpan<Value> a, Func<long, long, long> op)
    {
        if (BitwiseArgument(a[0]) is not { } result)
        {
            return Value.Null;
        }

        for (var i = 1; i < a.Length; i++)
        {
            if (BitwiseArgument(a[i]) is not { } n)
            {
                return Value.Null;
            }

            result = op(result, n);
        }

        return Value.Of(result);
    }

    private static Value Shift(ReadOnlySpan<Value> a, Func<long, int, long> shift) =>
        BitwiseArgument(a[0]) is { } x && BitwiseArgument(a[1]) is { } offset ? Value.Of(shift(x, (int)Math.Min(offset, 64))) : Value.Null;
}
