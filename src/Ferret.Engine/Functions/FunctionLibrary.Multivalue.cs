using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Multivalue = "Multivalue";

    private static void AddMultivalue(Register add)
    {
        add("mvappend", (a, _) => Scalars(a.SelectMany(v => v.Field.Values)));
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
                if (rt.Guard(regex, () => regex.IsMatch(text), false))
                {
                    return Value.Of(i);
                }
            }

            return Value.Null;
        });
        add("mvjoin", (a, _) => a[0].IsNull ? Value.Null : Value.Of(string.Join(Text(a[1]) ?? string.Empty, a[0].Field.Texts)));
        add("mvrange", (a, _) =>
        {
            if (Number(a[0]) is not { } start || Number(a[1]) is not { } end)
            {
                return Value.Null;
            }

            var step = a.Length > 2 && Number(a[2]) is { } s ? s : 1;
            if (step == 0 || (end - start) / step > 100_000)
            {
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
        add("split", (a, _) =>
        {
            if (Text(a[0]) is not { } text || Text(a[1]) is not { } delimiter)
            {
                return Value.Null;
            }

            return delimiter.Length == 0
                ? Strings(text.Select(c => c.ToString()))
                : Strings(text.Split(delimiter));
        });
        add("commands", (a, _) => Text(a[0]) is { } search
            ? Strings(search.Split('|').Select(part => part.Trim().Split(' ', 2)[0]).Where(name => name.Length > 0))
            : Value.Null);
    }

    /// <summary><c>mvindex(mv, start, end)</c>: 0-based, negative counts from the end, <c>end</c> inclusive.</summary>
    private static Value MvIndex(Value[] a)
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
}
