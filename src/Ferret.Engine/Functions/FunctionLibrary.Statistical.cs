using Ferret.Engine.Values;
using Ferret.Events;

namespace Ferret.Engine.Functions;

public static partial class FunctionLibrary
{
    private const string Statistical = "Statistical";

    private static void AddStatistical(Register add)
    {
        add("avg", (a, _) =>
        {
            var numbers = AllScalars(a).Select(s => s.TryGetNumber(out var n) ? n : double.NaN).ToList();
            return numbers.Count == 0 || numbers.Any(double.IsNaN) ? Value.Null : Value.Of(numbers.Average());
        });
        add("max", (a, _) => Extreme(a, 1));
        add("min", (a, _) => Extreme(a, -1));
        add("random", (_, _) => Value.Of(System.Security.Cryptography.RandomNumberGenerator.GetInt32(int.MaxValue)));
    }

    /// <summary>Every value of every argument, in order.</summary>
    private static List<Scalar> AllScalars(ReadOnlySpan<Value> args)
    {
        var scalars = new List<Scalar>();
        foreach (var arg in args)
        {
            scalars.AddRange(arg.Field.Values);
        }

        return scalars;
    }

    /// <summary>
    /// eval <c>max</c>/<c>min</c>: numbers compare numerically, strings lexicographically, and a string ranks above
    /// every number, so max of a mix is its largest string and min its smallest number (Search Reference, "Statistical
    /// eval functions": max(1, 3, 6, 7, "f", count) returns "f").
    /// </summary>
    private static Value Extreme(ReadOnlySpan<Value> args, int direction)
    {
        Scalar? best = null;
        foreach (var s in AllScalars(args))
        {
            if (best is not { } current || ValueComparer.SortOrder(s, current) * direction > 0)
            {
                best = s;
            }
        }

        return best is { } found ? Value.Of(found) : Value.Null;
    }
}
