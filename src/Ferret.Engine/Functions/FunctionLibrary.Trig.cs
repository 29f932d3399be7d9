using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Trigonometry = "Trigonometry and Hyperbolic";

    private static void AddTrig(Register add)
    {
        add("acos", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Acos));
        add("acosh", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Acosh));
        add("asin", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Asin));
        add("asinh", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Asinh));
        add("atan", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Atan));
        add("atan2", 2, 2, Trigonometry, (a, _) => Numeric2(a, Math.Atan2));
        add("atanh", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Atanh));
        add("cos", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Cos));
        add("cosh", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Cosh));
        add("hypot", 2, 2, Trigonometry, (a, _) => Numeric2(a, (x, y) => Math.Sqrt((x * x) + (y * y))));
        add("sin", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Sin));
        add("sinh", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Sinh));
        add("tan", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Tan));
        add("tanh", 1, 1, Trigonometry, (a, _) => Numeric(a, Math.Tanh));
    }
}
