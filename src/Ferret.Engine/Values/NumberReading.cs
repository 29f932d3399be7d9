using Ferret.Events;

namespace Ferret.Engine.Values;

/// <summary>
/// Reads a value as a number the way <see cref="Scalar.TryGetNumber"/> does, remembering the last text read on each
/// thread: one event's field is compared again and again (<c>case(EventCode=="1", ..., EventCode=="2", ...)</c> in
/// calculated fields tests the same EventCode text dozens of times per event), and parsing it each time cost more than
/// the comparison. The text is matched by reference, so a remembered result is always the one parsing would give; a
/// slice of a longer text (<see cref="Scalar.IsSlice"/>) has no string of its own to match and is parsed in place.
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
        // A slice's text would be cut out anew for every read and never match the remembered reference: it is parsed
        // where it lies instead.
        if (!value.IsString || value.IsSlice)
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
