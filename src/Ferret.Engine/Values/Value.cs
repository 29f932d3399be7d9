using Ferret.Events;

namespace Ferret.Engine.Values;

/// <summary>
/// What an eval expression yields: a field value (null, one value or a multivalue) or a boolean.
/// Splunk's eval keeps booleans apart from strings and numbers: a comparison is a boolean, and a
/// boolean cannot be stored in a field (Search Reference, "eval command": "The result of an eval
/// statement cannot be a Boolean").
/// </summary>
public readonly struct Value
{
    private readonly FieldValue _field;
    private readonly bool _boolean;
    private readonly bool _isBoolean;

    private Value(FieldValue field, bool boolean, bool isBoolean)
    {
        _field = field;
        _boolean = boolean;
        _isBoolean = isBoolean;
    }

    public static Value Null => default;

    public static Value True { get; } = new(FieldValue.Null, true, true);

    public static Value False { get; } = new(FieldValue.Null, false, true);

    public static Value Of(bool boolean) => boolean ? True : False;

    public static Value Of(FieldValue field) => new(field, false, false);

    public static Value Of(Scalar scalar) => new(FieldValue.Of(scalar), false, false);

    public static Value Of(string? text) => new(FieldValue.Of(text), false, false);

    public static Value Of(double number) => double.IsNaN(number) || double.IsInfinity(number)
        ? Null
        : new(FieldValue.Of(number), false, false);

    public bool IsBoolean => _isBoolean;

    public bool Boolean => _boolean;

    public bool IsNull => !_isBoolean && _field.IsNull;

    public FieldValue Field => _isBoolean ? FieldValue.Of(_boolean ? "true" : "false") : _field;

    /// <summary>The first value: Splunk applies scalar functions to the first value of a multivalue field.</summary>
    public Scalar First => _isBoolean ? Scalar.Of(_boolean ? "true" : "false") : _field.First;

    public string? Text => IsNull ? null : First.ToString();

    public bool TryGetNumber(out double number)
    {
        if (_isBoolean)
        {
            number = double.NaN;
            return false;
        }

        return _field.First.TryGetNumber(out number);
    }

    public override string ToString() => _isBoolean ? (_boolean ? "true" : "false") : _field.ToString();
}
