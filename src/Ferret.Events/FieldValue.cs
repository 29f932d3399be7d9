using System.Globalization;

namespace Ferret.Events;

/// <summary>
/// The value of one field of an event or result row, as Splunk models it: missing (null), one value,
/// or several (a multivalue field). Each value is a <see cref="Scalar"/>: a string, or a number that
/// <c>eval</c> computed. Splunk keeps that distinction across commands (<c>typeof()</c> sees it).
/// </summary>
public readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly Scalar _single;
    private readonly Scalar[]? _many;

    private FieldValue(Scalar single, Scalar[]? many)
    {
        _single = single;
        _many = many;
    }

    /// <summary>The missing value: what a field that an event does not have evaluates to.</summary>
    public static FieldValue Null => default;

    public static FieldValue Of(string? text) => text is null ? Null : new FieldValue(Scalar.Of(text), null);

    public static FieldValue Of(double number) => new(Scalar.Of(number), null);

    public static FieldValue Of(Scalar scalar) => scalar.IsNull ? Null : new FieldValue(scalar, null);

    /// <summary>A multivalue field; one value collapses to a single value, none to null.</summary>
    public static FieldValue Multi(IEnumerable<Scalar> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values is ScalarList list)
        {
            // Another field's values: already without nulls, and its array is never changed, so it can be shared.
            return new FieldValue(list.Single, list.Many);
        }

        Scalar[] array;
        if (values is ICollection<Scalar> collection)
        {
            array = new Scalar[collection.Count];
            collection.CopyTo(array, 0);
        }
        else
        {
            array = [.. values];
        }

        return WithoutNulls(array);
    }

    public static FieldValue Multi(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values is IReadOnlyList<string> list)
        {
            // Lists and arrays (split, lookups, extractions) are read by index, without an enumerator per value.
            var array = new Scalar[list.Count];
            for (var i = 0; i < array.Length; i++)
            {
                array[i] = Scalar.Of(list[i]);
            }

            return WithoutNulls(array);
        }

        return Multi(values.Select(Scalar.Of));
    }

    /// <summary>The non-null values of <paramref name="array"/> (which it takes over) in order; one collapses to a single
    /// value, none to null.</summary>
    private static FieldValue WithoutNulls(Scalar[] array)
    {
        var kept = 0;
        foreach (var value in array)
        {
            if (!value.IsNull)
            {
                array[kept++] = value;
            }
        }

        return kept switch
        {
            0 => Null,
            1 => new FieldValue(array[0], null),
            _ => new FieldValue(default, kept == array.Length ? array : array[..kept]),
        };
    }

    public bool IsNull => _many is null && _single.IsNull;

    public bool IsMultivalue => _many is not null;

    public int Count => _many?.Length ?? (_single.IsNull ? 0 : 1);

    /// <summary>Every value in order: empty for null, one item for a single value.</summary>
    public ScalarList Values => new(_single, _many);

    /// <summary>The first value (Splunk's behaviour when a multivalue field meets a scalar operation).</summary>
    public Scalar First => _many is not null ? _many[0] : _single;

    /// <summary>The first value as text, or null when the field is missing.</summary>
    public string? Text => First.IsNull ? null : First.ToString();

    public IEnumerable<string> Texts => Values.Select(v => v.ToString());

    public bool Equals(FieldValue other)
    {
        if (Count != other.Count)
        {
            return false;
        }

        var left = Values;
        var right = other.Values;
        for (var i = 0; i < left.Count; i++)
        {
            if (!left[i].Equals(right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var value in Values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(FieldValue left, FieldValue right) => left.Equals(right);

    public static bool operator !=(FieldValue left, FieldValue right) => !left.Equals(right);

    /// <summary>Values joined by a newline, as Splunk shows a multivalue field in a table cell.</summary>
    public override string ToString() => IsNull ? string.Empty : string.Join('\n', Texts);

    public static implicit operator FieldValue(string? text) => Of(text);

    public static implicit operator FieldValue(double number) => Of(number);

    public static FieldValue FromString(string? text) => Of(text);

    public static FieldValue FromDouble(double number) => Of(number);

    internal static string FormatNumber(double number) =>
        double.IsInteger(number) && Math.Abs(number) < 1e17
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("R", CultureInfo.InvariantCulture);

    /// <summary><see cref="FormatNumber"/> written into <paramref name="destination"/>.</summary>
    internal static bool TryFormatNumber(double number, Span<char> destination, out int charsWritten) =>
        double.IsInteger(number) && Math.Abs(number) < 1e17
            ? ((long)number).TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture)
            : number.TryFormat(destination, out charsWritten, "R", CultureInfo.InvariantCulture);
}
