using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Informational = "Informational";

    private static void AddInformational(Register add)
    {
        add("isnull", (a, _) => Value.Of(a[0].IsNull));
        add("isnotnull", (a, _) => Value.Of(!a[0].IsNull));
        add("isbool", (a, _) => Value.Of(a[0].IsBoolean));
        add("isnum", (a, _) => Value.Of(IsNumeric(a[0])));
        add("isint", (a, _) => Value.Of(!a[0].IsBoolean && a[0].TryGetNumber(out var n) && double.IsInteger(n)));
        add("isstr", (a, _) => Value.Of(!a[0].IsNull && !a[0].IsBoolean && !IsNumeric(a[0])));
        add("typeof", (a, _) => Value.Of(TypeOf(a[0])));
    }

    /// <summary>
    /// isnum/isstr read a value as Splunk's number parser does, which takes "NaN" and "Infinity" for numbers: a field
    /// holding "NaN" is a number to isnum and not a string to isstr (Search Reference, "Informational functions").
    /// </summary>
    private static bool IsNumeric(Value value) =>
        !value.IsBoolean && !value.IsNull
        && (value.TryGetNumber(out double _) || value.First.ToString().Trim().TrimStart('+', '-') is var t
            && (t.Equals("nan", StringComparison.OrdinalIgnoreCase) || t.Equals("inf", StringComparison.OrdinalIgnoreCase)
                || t.Equals("infinity", StringComparison.OrdinalIgnoreCase)));

    /// <summary><c>typeof()</c>: "Number", "String", "Boolean", "Multivalue", or "Invalid" for null.</summary>
    public static string TypeOf(Value value)
    {
        if (value.IsBoolean)
        {
            return "Boolean";
        }

        if (value.IsNull)
        {
            return "Invalid";
        }

        if (value.Field.IsMultivalue)
        {
            return "Multivalue";
        }

        // A value computed as a number is a Number; text (a string literal, tostring(), an extracted field) is a String.
        return value.First.IsNumber ? "Number" : "String";
    }
}
