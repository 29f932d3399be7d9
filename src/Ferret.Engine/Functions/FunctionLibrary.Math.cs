using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Mathematical = "Mathematical";

    private static void AddMath(Register add)
    {
        add("abs", 1, 1, Mathematical, (a, _) => Numeric(a, Math.Abs));
        add("ceiling", 1, 1, Mathematical, (a, _) => Numeric(a, Math.Ceiling));
        add("ceil", 1, 1, Mathematical, (a, _) => Numeric(a, Math.Ceiling));
        add("floor", 1, 1, Mathematical, (a, _) => Numeric(a, Math.Floor));
        add("exp", 1, 1, Mathematical, (a, _) => Numeric(a, Math.Exp));
        add("ln", 1, 1, Mathematical, (a, _) => Numeric(a, x => x > 0 ? Math.Log(x) : double.NaN));
        add("log", 1, 2, Mathematical, (a, _) =>
        {
            if (Number(a[0]) is not { } x || x <= 0)
            {
                return Value.Null;
            }

            var logBase = a.Length > 1 ? Number(a[1]) : 10;
            return logBase is { } b && b > 0 && b != 1 ? Value.Of(Math.Log(x) / Math.Log(b)) : Value.Null;
        });
        // Search Reference, "Mathematical functions": pi() "returns the constant pi to 11 digits of precision".
        add("pi", 0, 0, Mathematical, (_, _) => Value.Of(3.14159265359));
        add("pow", 2, 2, Mathematical, (a, _) => Numeric2(a, Math.Pow));
        add("sqrt", 1, 1, Mathematical, (a, _) => Numeric(a, x => x >= 0 ? Math.Sqrt(x) : double.NaN));
        add("exact", 1, 1, Mathematical, (a, _) => a[0]);
        add("round", 1, 2, Mathematical, (a, _) =>
        {
            if (Number(a[0]) is not { } x)
            {
                return Value.Null;
            }

            var digits = a.Length > 1 && Number(a[1]) is { } d ? (int)d : 0;
            return Value.Of(Math.Round(x, Math.Clamp(digits, 0, 15), MidpointRounding.AwayFromZero));
        });
        add("sigfig", 1, 1, Mathematical, (a, _) => Numeric(a, x => x == 0 ? 0 : double.Parse(x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)));
        add("sum", 1, -1, Mathematical, (a, _) =>
        {
            double total = 0;
            foreach (var v in a)
            {
                foreach (var s in v.Field.Values)
                {
                    if (!s.TryGetNumber(out var n))
                    {
                        return Value.Null;
                    }

                    total += n;
                }
            }

            return Value.Of(total);
        });
    }
}
