using System.Globalization;

namespace Ferret.Events;

/// <summary>
/// One value: a string or a number. Ingested fields are strings; arithmetic in <c>eval</c> yields numbers.
/// Splunk compares a string that looks like a number as a number, which is the engine's job, not this type's.
/// A number may carry the decimal place of its last significant digit: eval keeps the precision its operands were
/// written with and prints the result to it (Search Reference, "Mathematical functions": <c>exact</c> and
/// <c>sigfig</c>), while the number itself stays the full double.
/// </summary>
public readonly partial struct Scalar : IEquatable<Scalar>
{
    /// <summary>Added to a place so that the default 0 means "full precision" (the field sits in the struct's padding).</summary>
    private const int PlaceBias = 1024;

    private readonly string? _text;
    private readonly double _number;
    private readonly ScalarKind _kind;
    private readonly short _biasedPlace;

    private Scalar(string? text, double number, ScalarKind kind, short biasedPlace = 0)
    {
        _text = text;
        _number = number;
        _kind = kind;
        _biasedPlace = biasedPlace;
    }

    public static Scalar Null => default;

    public static Scalar Of(string? text) => text is null ? Null : new Scalar(text, 0, ScalarKind.String);

    public static Scalar Of(double number) => new(null, number, ScalarKind.Number);

    /// <summary>
    /// A number printed to the power of ten <paramref name="lastSignificantPlace"/> of its last significant digit
    /// (-2 for hundredths, 1 for tens); a place outside a double's range means full precision.
    /// </summary>
    public static Scalar Of(double number, int lastSignificantPlace) =>
        lastSignificantPlace is > -PlaceBias and < PlaceBias
            ? new(null, number, ScalarKind.Number, (short)(lastSignificantPlace + PlaceBias))
            : Of(number);

    /// <summary>The power of ten of the last significant digit of a number with limited precision; null for full precision.</summary>
    public int? LastSignificantPlace => _kind == ScalarKind.Number && _biasedPlace != 0 ? _biasedPlace - PlaceBias : null;

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
                return TryParseNumber(TextSpan, out number);
            default:
                number = double.NaN;
                return false;
        }
    }

    public static bool TryParseNumber(string text, out double number) => TryParseNumber(text.AsSpan(), out number);

    private static bool TryParseNumber(ReadOnlySpan<char> text, out double number)
    {
        var span = text.Trim();
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
            ScalarKind.String => IsSlice || other.IsSlice
                ? TextSpan.SequenceEqual(other.TextSpan)
                : string.Equals(_text, other._text, StringComparison.Ordinal),
            ScalarKind.Number => _number.Equals(other._number),
            _ => true,
        });

    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    /// <summary>A slice hashes as the string it stands for (a string's hash is its characters' hash).</summary>
    public override int GetHashCode() =>
        _kind == ScalarKind.Number ? HashCode.Combine(_kind, _number)
        : IsSlice ? HashCode.Combine(_kind, string.GetHashCode(TextSpan))
        : HashCode.Combine(_kind, _text);

    public static bool operator ==(Scalar left, Scalar right) => left.Equals(right);

    public static bool operator !=(Scalar left, Scalar right) => !left.Equals(right);

    /// <summary>Text as Splunk prints it: integers without a decimal point.</summary>
    public override string ToString() => _kind switch
    {
        ScalarKind.String => IsSlice ? TextSpan.ToString() : _text!,
        ScalarKind.Number => FieldValue.FormatNumber(LastSignificantPlace is { } place ? RoundToPlace(_number, place) : _number),
        _ => string.Empty,
    };

    /// <summary>Writes the text <see cref="ToString"/> gives into <paramref name="destination"/> without making a string
    /// (a group key per event in stats and tstats); false when it does not fit.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten)
    {
        switch (_kind)
        {
            case ScalarKind.String when TextSpan.TryCopyTo(destination):
                charsWritten = TextSpan.Length;
                return true;
            case ScalarKind.String:
                charsWritten = 0;
                return false;
            case ScalarKind.Number:
                return FieldValue.TryFormatNumber(LastSignificantPlace is { } place ? RoundToPlace(_number, place) : _number, destination, out charsWritten);
            default:
                charsWritten = 0;
                return true;
        }
    }

    /// <summary><paramref name="number"/> rounded half away from zero at the power of ten <paramref name="place"/>.</summary>
    private static double RoundToPlace(double number, int place)
    {
        if (place <= 0)
        {
            return -place <= 15 ? Math.Round(number, -place, MidpointRounding.AwayFromZero) : number;
        }

        var scale = Math.Pow(10, place);
        return Math.Round(number / scale, MidpointRounding.AwayFromZero) * scale;
    }

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
