using Ferret.Events;

namespace Ferret.Engine.Values;

/// <summary>
/// Reads a value as a number the way <see cref="Scalar.TryGetNumber"/> does, remembering the last text read on each
/// thread: one event's field is compared again and again (<c>case(EventCode=="1", ..., EventCode=="2", ...)</c> in
/// calculated fields tests the same EventCode text dozens of times per event), and parsing it each time cost more than
/// the comparison. The text is matched by reference, so a remembered result is always the one parsing would give.
/// </summary>
internal static class NumberReading
{
    [ThreadStatic]
    private static string? t_lastText;

    [ThreadStatic]
    private static double t_lastNumber;

    [ThreadStatic]
    private static bool t_lastIsNumber;

    public static bool TryGetNumber(Scalar value, out double number)
    {
        if (!value.IsString)
        {
            return value.TryGetNumber(out number);
        }

        var text = value.ToString();
        if (ReferenceEquals(text, t_lastText))
        {
            number = t_lastNumber;
            return t_lastIsNumber;
        }

        var isNumber = Scalar.TryParseNumber(text, out number);
        t_lastText = text;
        t_lastNumber = number;
        t_lastIsNumber = isNumber;
        return isNumber;
    }
}
