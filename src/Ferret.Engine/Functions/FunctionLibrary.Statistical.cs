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

    private static IEnumerable<Scalar> AllScalars(Value[] args) => args.SelectMany(v => v.Field.Values);

    /// <summary>
    /// eval <c>max</c>/<c>min</c>: numbers compare numerically and win over strings; among strings, lexicographic
    /// order (Search Reference, "Statistical eval functions").
    /// </summary>
    private static Value Extreme(Value[] args, int direction)
    {
        Scalar? best = null;
        foreach (var s in AllScalars(args))
        {
            if (best is not { } current)
            {
                best = s;
                continue;
            }

            var currentNumeric = current.TryGetNumber(out var cn);
            var candidateNumeric = s.TryGetNumber(out var sn);
            if (currentNumeric && candidateNumeric)
            {
                if ((sn.CompareTo(cn) * direction) > 0)
                {
                    best = s;
                }
            }
            else if (candidateNumeric)
            {
                best = s;
            }
            else if (!currentNumeric && (string.CompareOrdinal(s.ToString(), current.ToString()) * direction) > 0)
            {
                best = s;
            }
        }

        return best is { } found ? Value.Of(found) : Value.Null;
    }
}
