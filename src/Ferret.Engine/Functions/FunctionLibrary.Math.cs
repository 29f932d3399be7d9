using Ferret.Events;
using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Mathematical = "Mathematical";

    private static void AddMath(Register add)
    {
        add("abs", (a, _) => Numeric(a, Math.Abs));
        add("ceiling", (a, _) => Numeric(a, Math.Ceiling));
        add("ceil", (a, _) => Numeric(a, Math.Ceiling));
        add("floor", (a, _) => Numeric(a, Math.Floor));
        add("exp", (a, _) => Numeric(a, Math.Exp));
        add("ln", (a, _) => Numeric(a, x => x > 0 ? Math.Log(x) : double.NaN));
        add("log", (a, _) =>
        {
            if (Number(a[0]) is not { } x || x <= 0)
            {
                return Value.Null;
            }

            var logBase = a.Length > 1 ? Number(a[1]) : 10;
            return logBase is { } b && b > 0 && b != 1 ? Value.Of(Math.Log(x) / Math.Log(b)) : Value.Null;
        });
        // Search Reference, "Mathematical functions": pi() "returns the constant pi to 11 digits of precision";
        // exact(pi()) prints every digit of the double.
        add("pi", (_, _) => Value.Of(Scalar.Of(Math.PI, -11)));
        add("pow", (a, _) => Numeric2(a, Math.Pow));
        add("sqrt", (a, _) => Numeric(a, x => x >= 0 ? Math.Sqrt(x) : double.NaN));
        // exact(X) prints X to the double's full precision instead of the precision of X's operands (ArithmeticPrecision).
        add("exact", (a, _) => Number(a[0]) is { } exact ? Value.Of(exact) : a[0]);
        add("round", (a, _) =>
        {
            if (Number(a[0]) is not { } x)
            {
                return Value.Null;
            }

            var digits = a.Length > 1 && Number(a[1]) is { } d ? (int)d : 0;
            return Value.Of(Math.Round(x, Math.Clamp(digits, 0, 15), MidpointRounding.AwayFromZero));
        });
        add("sigfig", (a, _) => Numeric(a, x => x == 0 ? 0 : double.Parse(x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture)));
        add("sum", (a, _) =>
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
