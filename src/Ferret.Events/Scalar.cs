using System.Globalization;

namespace Ferret.Events;

/// <summary>
/// One value: a string or a number. Ingested fields are strings; arithmetic in <c>eval</c> yields numbers.
/// Splunk compares a string that looks like a number as a number, which is the engine's job, not this type's.
/// </summary>
public readonly struct Scalar : IEquatable<Scalar>
{
    private readonly string? _text;
    private readonly double _number;
    private readonly ScalarKind _kind;

    private Scalar(string? text, double number, ScalarKind kind)
    {
        _text = text;
        _number = number;
        _kind = kind;
    }

    public static Scalar Null => default;

    public static Scalar Of(string? text) => text is null ? Null : new Scalar(text, 0, ScalarKind.String);

    public static Scalar Of(double number) => new(null, number, ScalarKind.Number);

    public ScalarKind Kind => _kind;

    public bool IsNull => _kind == ScalarKind.Null;

    public bool IsNumber => _kind == ScalarKind.Number;

    public bool IsString => _kind == ScalarKind.String;

    /// <summary>The number, when this is a number; otherwise <see cref="double.NaN"/>.</summary>
    public double Number => _kind == ScalarKind.Number ? _number : double.NaN;

    /// <summary>The number this value reads as, parsing strings as Splunk does ("42", " 1.5e3", "0x1F").</summary>
    public bool TryGetNumber(out double number)
    {
        switch (_kind)
        {
            case ScalarKind.Number:
                number = _number;
                return true;
            case ScalarKind.String:
                return TryParseNumber(_text!, out number);
            default:
                number = double.NaN;
                return false;
        }
    }

    public static bool TryParseNumber(string text, out double number)
    {
        var span = text.AsSpan().Trim();
        if (span.Length > 2 && span[0] == '0' && (span[1] == 'x' || span[1] == 'X')
            && long.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            number = hex;
            return true;
        }

        if (span.Length > 0 && (char.IsAsciiDigit(span[^1]) || span[^1] == '.')
            && double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            return true;
        }

        number = double.NaN;
        return false;
    }

    public bool Equals(Scalar other) =>
        _kind == other._kind && (_kind switch
        {
            ScalarKind.String => string.Equals(_text, other._text, StringComparison.Ordinal),
            ScalarKind.Number => _number.Equals(other._number),
            _ => true,
        });

    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_kind, _text, _number);

    public static bool operator ==(Scalar left, Scalar right) => left.Equals(right);

    public static bool operator !=(Scalar left, Scalar right) => !left.Equals(right);

    /// <summary>Text as Splunk prints it: integers without a decimal point.</summary>
    public override string ToString() => _kind switch
    {
        ScalarKind.String => _text!,
        ScalarKind.Number => FieldValue.FormatNumber(_number),
        _ => string.Empty,
    };

    public static implicit operator Scalar(string? text) => Of(text);

    public static implicit operator Scalar(double number) => Of(number);

    public static Scalar FromString(string? text) => Of(text);

    public static Scalar FromDouble(double number) => Of(number);
}

public enum ScalarKind
{
    Null,
    String,
    Number,
}
