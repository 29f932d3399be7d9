using System.Globalization;
using System.Text.RegularExpressions;
using Ferret.Engine.Execution;
using Ferret.Engine.Time;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>convert</c> (Search Reference, "convert command"): <c>ctime</c> (epoch → text in <c>timeformat</c>, default
/// <c>%m/%d/%Y %H:%M:%S</c>), <c>mktime</c> (text → epoch), <c>dur2sec</c>, <c>mstime</c>, <c>memk</c>, <c>rmunit</c>,
/// <c>rmcomma</c>, <c>num</c>, <c>auto</c>, <c>none</c>. A value that cannot be converted is left unchanged.
/// </summary>
public sealed partial class ConvertOperator(IReadOnlyList<(string Function, FieldNamePattern Field, string? Alias)> conversions, string timeFormat)
    : StreamingOperator("convert")
{
    public static readonly string[] Functions = ["ctime", "mktime", "dur2sec", "mstime", "memk", "rmunit", "rmcomma", "num", "auto", "none"];

    public override bool Process(Event e, RunContext run)
    {
        foreach (var (function, field, alias) in conversions)
        {
            var names = field.HasWildcard ? e.Fields.Keys.Where(field.IsMatch).ToList() : [field.Pattern];
            foreach (var name in names)
            {
                var value = e[name];
                if (value.IsNull)
                {
                    continue;
                }

                var converted = FieldValue.Multi(value.Values.Select(v => Convert(function, v)));
                e.Set(alias is null ? name : field.HasWildcard && field.Captures(name) is { } c ? FieldNamePattern.Substitute(alias, c) : alias, converted);
            }
        }

        return true;
    }

    private Scalar Convert(string function, Scalar value)
    {
        var text = value.ToString();
        switch (function)
        {
            case "ctime":
                return value.TryGetNumber(out var epoch) ? Scalar.Of(TimeFormat.Format(epoch, timeFormat)) : value;
            case "mktime":
                return TimeFormat.Parse(text, timeFormat) is { } parsed ? Scalar.Of(parsed) : value;
            case "dur2sec":
                return DurationToSeconds(text) is { } seconds ? Scalar.Of(seconds) : value;
            case "mstime":
                var ms = MsTime().Match(text);
                return ms.Success
                    ? Scalar.Of((ms.Groups[1].Success ? double.Parse(ms.Groups[1].Value, CultureInfo.InvariantCulture) * 60 : 0)
                        + double.Parse(ms.Groups[2].Value, CultureInfo.InvariantCulture))
                    : value;
            case "memk":
                var mem = Memory().Match(text);
                if (!mem.Success)
                {
                    return value;
                }

                var amount = double.Parse(mem.Groups[1].Value, CultureInfo.InvariantCulture);
                var factor = mem.Groups[2].Value.ToLowerInvariant() switch { "m" => 1024, "g" => 1024 * 1024, _ => 1 };
                return Scalar.Of(amount * factor);
            case "rmunit" or "num" or "auto":
                if (value.TryGetNumber(out var n))
                {
                    return Scalar.Of(n);
                }

                var leading = LeadingNumber().Match(text);
                return leading.Success ? Scalar.Of(double.Parse(leading.Value, CultureInfo.InvariantCulture))
                    : function == "num" ? Scalar.Null : value;
            case "rmcomma":
                return Scalar.TryParseNumber(text.Replace(",", string.Empty, StringComparison.Ordinal), out var noComma) ? Scalar.Of(noComma) : value;
            default:
                return value;
        }
    }

    /// <summary><c>[D+]HH:MM:SS</c> → seconds.</summary>
    public static double? DurationToSeconds(string text)
    {
        var match = Duration().Match(text.Trim());
        if (!match.Success)
        {
            return Scalar.TryParseNumber(text, out var plain) ? plain : null;
        }

        var days = match.Groups[1].Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return (days * 86400) + (double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) * 3600)
            + (double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) * 60)
            + double.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(?:(\d+)\+)?(\d+):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$")]
    private static partial Regex Duration();

    [GeneratedRegex(@"^(?:(\d+):)?(\d+(?:\.\d+)?)$")]
    private static partial Regex MsTime();

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)[bB]?\s*$")]
    private static partial Regex Memory();

    [GeneratedRegex(@"^\s*[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")]
    private static partial Regex LeadingNumber();
}
