using Ferret.Events;

namespace Ferret.Engine.Values;

/// <summary>
/// The precision Splunk gives the result of eval arithmetic. A number written with a decimal point (a literal such as
/// <c>0.5</c>, or a field whose text is <c>0.230</c>) is known to the place of its last digit; an integer, and a number
/// computed by a function, are exact. Following the rule the Search Reference states for <c>sigfig</c> ("Mathematical
/// functions"): a product or quotient keeps as many significant figures as its least precise operand, a sum or
/// difference as many decimals as its operand with the fewest. The result stays the full double; only its printed form
/// is rounded, which <c>exact(X)</c> undoes ("renders the result of a numeric expression with a larger amount of
/// precision in the formatted output"). So <c>0.1+0.2</c> prints 0.3, <c>3*0.5</c> prints 2 and <c>3/2</c> 1.5.
/// </summary>
internal static class ArithmeticPrecision
{
    /// <summary>The place of the last significant digit of a number written as <paramref name="text"/>; null when exact.</summary>
    public static int? PlaceOfText(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        var point = text.IndexOf('.');
        if (point < 0 || text.IndexOfAny('e', 'E') >= 0 || text.IndexOfAny('x', 'X') >= 0)
        {
            return null;
        }

        return -(text.Length - point - 1);
    }

    public static Value Sum(double result, Scalar left, Scalar right) =>
        Result(result, Coarsest(PlaceOf(left), PlaceOf(right)));

    public static Value Product(double result, Scalar left, Scalar right, double leftNumber, double rightNumber)
    {
        var figures = Fewest(SignificantFigures(leftNumber, PlaceOf(left)), SignificantFigures(rightNumber, PlaceOf(right)));
        return figures is { } n && result != 0 && double.IsFinite(result)
            ? Result(result, Magnitude(result) - n + 1)
            : Value.Of(result);
    }

    private static Value Result(double result, int? place) =>
        place is { } p && double.IsFinite(result) ? Value.Of(Scalar.Of(result, p)) : Value.Of(result);

    private static int? PlaceOf(Scalar scalar) => scalar.Kind switch
    {
        ScalarKind.Number => scalar.LastSignificantPlace,
        ScalarKind.String => PlaceOfText(scalar.ToString()),
        _ => null,
    };

    private static int? SignificantFigures(double number, int? place) =>
        place is { } p && number != 0 && double.IsFinite(number) ? Math.Max(1, Magnitude(number) - p + 1) : null;

    private static int Magnitude(double number) => (int)Math.Floor(Math.Log10(Math.Abs(number)));

    private static int? Coarsest(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static int? Fewest(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
