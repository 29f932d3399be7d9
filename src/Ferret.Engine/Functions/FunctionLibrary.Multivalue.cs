using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Multivalue = "Multivalue";

    private static void AddMultivalue(Register add)
    {
        add("mvappend", (a, _) => MvAppend(a));
        add("mvcount", (a, _) => a[0].IsNull ? Value.Null : Value.Of(a[0].Field.Count));
        add("mvdedup", (a, _) => Scalars(a[0].Field.Values.Distinct()));
        add("mvindex", (a, _) => MvIndex(a));
        add("mvfind", (a, rt) =>
        {
            if (a[0].IsNull || Text(a[1]) is not { } pattern || rt.GetRegex(pattern) is not { } regex)
            {
                return Value.Null;
            }

            var values = a[0].Field.Values;
            for (var i = 0; i < values.Count; i++)
            {
                var text = values[i].ToString();
                if (rt.IsMatch(regex, text))
                {
                    return Value.Of(i);
                }
            }

            return Value.Null;
        });
        add("mvjoin", (a, rt) => a[0].IsNull ? Value.Null : MvJoin(a[0].Field, Text(a[1]) ?? string.Empty, rt));
        add("mvrange", (a, rt) =>
        {
            if (Number(a[0]) is not { } start || Number(a[1]) is not { } end)
            {
                return Value.Null;
            }

            var step = a.Length > 2 && Number(a[2]) is { } s ? s : 1;
            if (step == 0)
            {
                return Value.Null;
            }

            if ((end - start) / step > rt.Limits.MaxMvSize)
            {
                // Past the limit the range is not built at all: its first values alone would not be what was asked.
                rt.ReportLimit("[ferret] max_mv_size", "eval function 'mvrange'", $"a range of more than {rt.Limits.MaxMvSize} values was not built (null instead)");
                return Value.Null;
            }

            var items = new List<Scalar>();
            for (var x = start; step > 0 ? x < end : x > end; x += step)
            {
                items.Add(Scalar.Of(x));
            }

            return Scalars(items);
        });
        add("mvreverse", (a, _) => a[0].IsNull ? Value.Null : Scalars(a[0].Field.Values.Reverse()));
        add("mvsort", (a, _) => Scalars(a[0].Field.Values.Order(ValueComparer.LexicographicComparer)));
        add("mvzip", (a, _) =>
        {
            if (a[0].IsNull || a[1].IsNull)
            {
                return Value.Null;
            }

            var delimiter = a.Length > 2 ? Text(a[2]) ?? "," : ",";
            return Strings(a[0].Field.Texts.Zip(a[1].Field.Texts, (x, y) => x + delimiter + y));
        });
        add("split", (a, rt) =>
        {
            if (Text(a[0]) is not { } text || Text(a[1]) is not { } delimiter)
            {
                return Value.Null;
            }

            // At most one value past the limit is built, so the result's check (max_mv_size) cuts it without a string
            // of millions of pieces being made first.
            var most = (int)Math.Min(rt.Limits.MaxMvSize + 1L, int.MaxValue);
            return delimiter.Length == 0
                ? Strings(text.Take(most).Select(c => c.ToString()))
                : Strings(text.Split(delimiter, most));
        });
        add("commands", (a, _) => Text(a[0]) is { } search
            ? Strings(search.Split('|').Select(part => part.Trim().Split(' ', 2)[0]).Where(name => name.Length > 0))
            : Value.Null);
    }

    /// <summary><c>mvappend(X, ...)</c>: every value of every argument in order, nulls left out. When only one argument
    /// has values they are the result as they are (no copy): the CIM's <c>mvappend(SubjectUserName, TargetUserName)</c>
    /// mostly finds one of the two.</summary>
    private static Value MvAppend(ReadOnlySpan<Value> a)
    {
        var total = 0;
        var withValues = 0;
        var last = -1;
        for (var i = 0; i < a.Length; i++)
        {
            var count = a[i].Field.Count;
            total += count;
            if (count > 0)
            {
                withValues++;
                last = i;
            }
        }

        if (withValues <= 1)
        {
            return last < 0 ? Value.Null : Value.Of(a[last].Field);
        }

        var values = new Scalar[total];
        var at = 0;
        foreach (var argument in a)
        {
            foreach (var value in argument.Field.Values)
            {
                values[at++] = value;
            }
        }

        return Scalars(values);
    }

    /// <summary><c>mvindex(mv, start, end)</c>: 0-based, negative counts from the end, <c>end</c> inclusive.</summary>
    private static Value MvIndex(ReadOnlySpan<Value> a)
    {
        if (a[0].IsNull || Number(a[1]) is not { } startNumber)
        {
            return Value.Null;
        }

        var values = a[0].Field.Values;
        var count = values.Count;
        var start = (int)startNumber;
        if (start < 0)
        {
            start += count;
        }

        if (a.Length < 3 || a[2].IsNull)
        {
            return start >= 0 && start < count ? Value.Of(values[start]) : Value.Null;
        }

        if (Number(a[2]) is not { } endNumber)
        {
            return Value.Null;
        }

        var end = (int)endNumber;
        if (end < 0)
        {
            end += count;
        }

        start = Math.Max(start, 0);
        end = Math.Min(end, count - 1);
        if (start > end || start >= count)
        {
            return Value.Null;
        }

        return Scalars(values.Skip(start).Take(end - start + 1));
    }

    /// <summary>The values joined, built only up to [ferret] max_string_length characters (reported when cut), so a
    /// join of many long values never makes the whole string first.</summary>
    private static Value MvJoin(FieldValue values, string delimiter, EvalRuntime runtime)
    {
        var max = runtime.Limits.MaxStringLength;
        var builder = new System.Text.StringBuilder();
        long total = 0;
        var first = true;
        foreach (var text in values.Texts)
        {
            var piece = first ? text : delimiter + text;
            first = false;
            total += piece.Length;
            if (builder.Length < max)
            {
                builder.Append(piece, 0, (int)Math.Min(piece.Length, max - builder.Length));
            }
        }

        if (total > max)
        {
            runtime.ReportLimit("[ferret] max_string_length", "eval function 'mvjoin'", $"kept the first {max} of {total} characters");
        }

        return Value.Of(builder.ToString());
    }
}
