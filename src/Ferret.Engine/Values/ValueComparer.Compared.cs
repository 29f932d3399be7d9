using Ferret.Events;

namespace Ferret.Engine.Values;

/// <summary>
/// Eval's equality and order of two scalars, with the right side read beforehand: a comparison with a literal
/// (<c>Level==4</c>, <c>status!="success"</c>: nearly every comparison in calculated fields and detections) reads the
/// literal as a number and as text once, when it is compiled, instead of for every event and every value compared.
/// The one rule: numeric when both sides read as numbers, else case-sensitive ordinal text (Search Reference, "where
/// command": "string comparisons are case-sensitive").
/// </summary>
public static partial class ValueComparer
{
    /// <summary><see cref="ScalarEquals(Scalar, Scalar)"/> against a right side read beforehand (a null right side
    /// equals nothing).</summary>
    public static bool ScalarEquals(Scalar left, in ComparedScalar right)
    {
        if (left.IsNull || right.IsNull)
        {
            return false;
        }

        return right.IsNumber && NumberReading.TryGetNumber(left, out var number)
            ? number == right.Number
            : string.Equals(left.ToString(), right.Text, StringComparison.Ordinal);
    }

    /// <summary><see cref="CompareScalars(Scalar, Scalar)"/> against a right side read beforehand.</summary>
    public static int CompareScalars(Scalar left, in ComparedScalar right) =>
        right.IsNumber && NumberReading.TryGetNumber(left, out var number)
            ? number.CompareTo(right.Number)
            : string.CompareOrdinal(left.ToString(), right.Text);
}

/// <summary>A scalar read as a number once; its text is read when first needed (<see cref="Read"/> reads it at
/// once, for a value compared many times).</summary>
public readonly struct ComparedScalar
{
    private readonly Scalar _value;
    private readonly string? _text;

    private ComparedScalar(Scalar value, string? text)
    {
        _value = value;
        _text = text;
        IsNumber = value.TryGetNumber(out var number);
        Number = number;
    }

    public bool IsNull => _value.IsNull;

    public bool IsNumber { get; }

    public double Number { get; }

    public string Text => _text ?? _value.ToString();

    /// <summary>A scalar compared once: its text is made only if the comparison needs it.</summary>
    public static ComparedScalar Of(Scalar value) => new(value, null);

    /// <summary>A scalar compared many times (a literal): number and text read now.</summary>
    public static ComparedScalar Read(Scalar value) => new(value, value.IsNull ? null : value.ToString());
}
