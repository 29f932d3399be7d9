using System.Globalization;
using System.Text;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private static void AddText(Register add)
    {
        add("len", (a, _) => Text(a[0]) is { } t ? Value.Of(new StringInfo(t).LengthInTextElements) : Value.Null);
        add("lower", (a, rt) => EachValue(a[0], rt, upper: false));
        add("upper", (a, rt) => EachValue(a[0], rt, upper: true));
        add("trim", (a, _) => Trim(a, (t, chars) => t.Trim(chars)));
        add("ltrim", (a, _) => Trim(a, (t, chars) => t.TrimStart(chars)));
        add("rtrim", (a, _) => Trim(a, (t, chars) => t.TrimEnd(chars)));
        add("substr", (a, _) => Substr(a));
        add("replace", (a, rt) =>
        {
            if (Text(a[0]) is not { } text || Text(a[1]) is not { } pattern || Text(a[2]) is not { } replacement
                || rt.GetRegex(pattern) is not { } regex)
            {
                return Value.Null;
            }

            return Value.Of(rt.Replace(regex, text, replacement));
        });
        add("urldecode", (a, _) => Text(a[0]) is { } t ? Value.Of(Uri.UnescapeDataString(t.Replace('+', ' '))) : Value.Null);
        add("spath", (a, _) => Text(a[0]) is { } t && Text(a[1]) is { } path
            ? Strings(Spath.Extract(t, path))
            : Value.Null);
    }

    /// <summary>lower/upper change every value of a multivalue field, not only the first (Search Reference, "Text
    /// functions", lower: "if the value is a multivalue field, the function returns a multivalue field").</summary>
    private static Value EachValue(Value value, EvalRuntime runtime, bool upper)
    {
        if (value.IsNull)
        {
            return Value.Null;
        }

        if (!value.Field.IsMultivalue)
        {
            var text = value.First.ToString();
            return Value.Of(upper ? runtime.ToUpper(text) : runtime.ToLower(text));
        }

        return Strings(value.Field.Texts.Select(t => upper ? t.ToUpperInvariant() : t.ToLowerInvariant()));
    }

    private static Value Trim(ReadOnlySpan<Value> a, Func<string, char[], string> trim)
    {
        if (Text(a[0]) is not { } text)
        {
            return Value.Null;
        }

        var chars = a.Length > 1 && Text(a[1]) is { } c ? c.ToCharArray() : [' ', '\t', '\n', '\r', '\v', '\f'];
        return Value.Of(trim(text, chars));
    }

    /// <summary><c>substr(X, start, length)</c>: start is 1-based; a negative start counts from the end.</summary>
    private static Value Substr(ReadOnlySpan<Value> a)
    {
        if (Text(a[0]) is not { } text || Number(a[1]) is not { } startNumber)
        {
            return Value.Null;
        }

        var start = (int)startNumber;
        var index = start > 0 ? start - 1 : start < 0 ? text.Length + start : 0;
        index = Math.Clamp(index, 0, text.Length);
        var length = text.Length - index;
        if (a.Length > 2)
        {
            if (Number(a[2]) is not { } lengthNumber)
            {
                return Value.Null;
            }

            length = Math.Clamp((int)lengthNumber, 0, text.Length - index);
        }

        return Value.Of(text.Substring(index, length));
    }

    /// <summary>A PCRE/sed replacement (<c>\1</c> back references, <c>&amp;</c> is literal) as a .NET replacement.</summary>
    public static string TranslateReplacement(string replacement)
    {
        var builder = new StringBuilder(replacement.Length + 4);
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                var next = replacement[i + 1];
                if (char.IsAsciiDigit(next))
                {
                    builder.Append("${").Append(next).Append('}');
                }
                else
                {
                    builder.Append(next == '$' ? "$$" : next.ToString());
                }

                i++;
            }
            else if (c == '$')
            {
                builder.Append("$$");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
