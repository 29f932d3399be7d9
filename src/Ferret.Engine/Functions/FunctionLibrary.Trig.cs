using Ferret.Engine.Values;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Trigonometry = "Trigonometry and Hyperbolic";

    private static void AddTrig(Register add)
    {
        add("acos", (a, _) => Numeric(a, Math.Acos));
        add("acosh", (a, _) => Numeric(a, Math.Acosh));
        add("asin", (a, _) => Numeric(a, Math.Asin));
        add("asinh", (a, _) => Numeric(a, Math.Asinh));
        add("atan", (a, _) => Numeric(a, Math.Atan));
        add("atan2", (a, _) => Numeric2(a, Math.Atan2));
        add("atanh", (a, _) => Numeric(a, Math.Atanh));
        add("cos", (a, _) => Numeric(a, Math.Cos));
        add("cosh", (a, _) => Numeric(a, Math.Cosh));
        add("hypot", (a, _) => Numeric2(a, (x, y) => Math.Sqrt((x * x) + (y * y))));
        add("sin", (a, _) => Numeric(a, Math.Sin));
        add("sinh", (a, _) => Numeric(a, Math.Sinh));
        add("tan", (a, _) => Numeric(a, Math.Tan));
        add("tanh", (a, _) => Numeric(a, Math.Tanh));
    }
}
