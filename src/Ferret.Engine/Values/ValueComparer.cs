using Ferret.Events;

namespace Ferret.Engine.Values;

/// <summary>
/// How Splunk orders and compares values. Two values that both read as numbers compare as numbers
/// ("10" &gt; "9"); otherwise they compare as strings. <c>where</c> and <c>eval</c> compare strings case-sensitively
/// (Search Reference, "where command": "string comparisons are case-sensitive"); <c>sort</c> orders numbers
/// before strings and strings lexicographically (Search Reference, "sort command").
/// </summary>
public static partial class ValueComparer
{
    /// <summary>Eval equality of two scalars: numeric when both are numeric, else ordinal string equality.</summary>
    public static bool ScalarEquals(Scalar left, Scalar right) => !right.IsNull && ScalarEquals(left, ComparedScalar.Of(right));

    /// <summary>Eval ordering of two non-null scalars: numeric when both are numeric, else ordinal.</summary>
    public static int CompareScalars(Scalar left, Scalar right) => CompareScalars(left, ComparedScalar.Of(right));

    /// <summary>
    /// The order <c>sort</c>, <c>min</c>/<c>max</c> over mixed values, and <c>values()</c> use: nulls first,
    /// then numbers ascending, then strings in lexicographic (ordinal) order.
    /// </summary>
    public static int SortOrder(Scalar left, Scalar right)
    {
        if (left.IsNull || right.IsNull)
        {
            return left.IsNull == right.IsNull ? 0 : left.IsNull ? -1 : 1;
        }

        var leftIsNumber = left.TryGetNumber(out var a);
        var rightIsNumber = right.TryGetNumber(out var b);
        if (leftIsNumber && rightIsNumber)
        {
            return a.CompareTo(b);
        }

        if (leftIsNumber != rightIsNumber)
        {
            return leftIsNumber ? -1 : 1;
        }

        return string.CompareOrdinal(left.ToString(), right.ToString());
    }

    /// <summary>Lexicographic order as <c>values()</c> and <c>sort str()</c> use.</summary>
    public static int Lexicographic(Scalar left, Scalar right) =>
        string.CompareOrdinal(left.ToString(), right.ToString());

    public static IComparer<Scalar> SortOrderComparer { get; } = Comparer<Scalar>.Create(SortOrder);

    public static IComparer<Scalar> LexicographicComparer { get; } = Comparer<Scalar>.Create(Lexicographic);
}
