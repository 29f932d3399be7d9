using System.Globalization;
using System.Text.Json.Nodes;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

/// <summary>
/// The type conversions and type tests Splunk added beside <c>tonumber</c>/<c>isnum</c> (Search Reference,
/// "Conversion functions": toint, tobool; "Informational functions": isdouble, ismv, isarray, isobject).
/// </summary>
public static partial class FunctionLibrary
{
    private static void AddTypes(Register add)
    {
        add("toint", (a, _) => ToInteger(a[0]));
        add("tobool", (a, _) => ToBoolean(a[0]));
        add("isdouble", (a, _) => Value.Of(IsDouble(a[0])));
        add("ismv", (a, _) => Value.Of(!a[0].IsBoolean && a[0].Field.IsMultivalue));
        add("isarray", (a, _) => Value.Of(Text(a[0]) is { } t && t.TrimStart().StartsWith('[') && ParseJson(t) is JsonArray));
        add("isobject", (a, _) => Value.Of(Text(a[0]) is { } t && t.TrimStart().StartsWith('{') && ParseJson(t) is JsonObject));
    }

    /// <summary><c>toint(X)</c>: a number, or text that reads as one, with its fraction dropped (toward zero).</summary>
    private static Value ToInteger(Value value)
    {
        if (value.IsBoolean)
        {
            return Value.Of(value.Boolean ? 1 : 0);
        }

        return value.TryGetNumber(out var n) ? Value.Of(Math.Truncate(n)) : Value.Null;
    }

    /// <summary>
    /// <c>tobool(X)</c>: a Boolean stays as it is; a number is false when zero and true otherwise; the text "true" or
    /// "false" (any case) is that Boolean; anything else has no Boolean value (null).
    /// </summary>
    private static Value ToBoolean(Value value)
    {
        if (value.IsBoolean)
        {
            return value;
        }

        if (value.TryGetNumber(out var n))
        {
            return Value.Of(n != 0);
        }

        return Text(value) switch
        {
            { } t when t.Equals("true", StringComparison.OrdinalIgnoreCase) => Value.True,
            { } t when t.Equals("false", StringComparison.OrdinalIgnoreCase) => Value.False,
            _ => Value.Null,
        };
    }

    /// <summary><c>isdouble(X)</c>: a number written with a fraction or an exponent ("2.5", "1e3", 2.5), not an integer.</summary>
    private static bool IsDouble(Value value)
    {
        if (value.IsBoolean || !value.TryGetNumber(out var n))
        {
            return false;
        }

        if (!double.IsInteger(n))
        {
            return true;
        }

        var first = value.First;
        return first.IsString && first.ToString().IndexOfAny(['.', 'e', 'E']) >= 0
            && !first.ToString().TrimStart().StartsWith("0x", true, CultureInfo.InvariantCulture);
    }
}
