using System.Globalization;
using Ferret.Events;

namespace Ferret.Engine.Time;

/// <summary>
/// A Splunk time modifier such as <c>-70m@m</c>, <c>@d</c>, <c>+1h</c>, <c>now</c>, <c>-1d@w1</c>, <c>-mon@mon+7d</c>,
/// an epoch number, or an absolute <c>%m/%d/%Y:%H:%M:%S</c> time (Search Reference, "Time modifiers").
/// Resolved against a reference time, which comes from an injected <see cref="TimeProvider"/>.
/// Snapping happens in UTC: Ferret runs as a server in UTC would.
/// </summary>
public sealed class TimeModifier
{
    private readonly Func<DateTimeOffset, DateTimeOffset> _apply;

    private TimeModifier(string text, Func<DateTimeOffset, DateTimeOffset> apply)
    {
        Text = text;
        _apply = apply;
    }

    public string Text { get; }

    public DateTimeOffset Resolve(DateTimeOffset now) => _apply(now);

    public double ResolveEpoch(DateTimeOffset now) => EpochTime.FromDateTimeOffset(Resolve(now));

    public static TimeModifier Parse(string text) =>
        TryParse(text, out var modifier, out var error) ? modifier : throw new FormatException(error);

    public static bool TryParse(string text, out TimeModifier modifier, out string error)
    {
        modifier = null!;
        error = string.Empty;
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            error = "empty time modifier";
            return false;
        }

        if (trimmed.Equals("now", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("rt", StringComparison.OrdinalIgnoreCase))
        {
            modifier = new TimeModifier(text, now => now);
            return true;
        }

        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch) && trimmed[0] is not ('+' or '-'))
        {
            var absolute = EpochTime.ToDateTimeOffset(epoch);
            modifier = new TimeModifier(text, _ => absolute);
            return true;
        }

        if (DateTimeOffset.TryParseExact(trimmed, "MM/dd/yyyy:HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            modifier = new TimeModifier(text, _ => parsed);
            return true;
        }

        var steps = new List<Func<DateTimeOffset, DateTimeOffset>>();
        var body = trimmed.StartsWith("rt", StringComparison.OrdinalIgnoreCase) ? trimmed[2..] : trimmed;
        var i = 0;
        while (i < body.Length)
        {
            if (body[i] is '+' or '-')
            {
                var sign = body[i] == '-' ? -1 : 1;
                i++;
                var digitsStart = i;
                while (i < body.Length && char.IsAsciiDigit(body[i]))
                {
                    i++;
                }

                var amount = i > digitsStart ? long.Parse(body[digitsStart..i], CultureInfo.InvariantCulture) : 1;
                var unitStart = i;
                while (i < body.Length && char.IsAsciiLetter(body[i]))
                {
                    i++;
                }

                if (!TimeUnits.TryParse(body[unitStart..i], out var unit))
                {
                    error = $"unknown time unit '{body[unitStart..i]}' in time modifier '{text}'";
                    return false;
                }

                var delta = sign * amount;
                steps.Add(t => TimeUnits.Add(t, unit, delta));
            }
            else if (body[i] == '@')
            {
                i++;
                var unitStart = i;
                while (i < body.Length && char.IsAsciiLetter(body[i]))
                {
                    i++;
                }

                var unitText = body[unitStart..i];
                int? weekday = null;
                if (unitText.Length > 0 && (unitText[0] is 'w' or 'W') && i < body.Length && char.IsAsciiDigit(body[i]))
                {
                    weekday = body[i] - '0';
                    i++;
                    if (weekday > 6)
                    {
                        error = $"weekday snap must be w0 to w6 in time modifier '{text}'";
                        return false;
                    }

                    unitText = "w";
                }

                if (!TimeUnits.TryParse(unitText, out var unit))
                {
                    error = $"unknown snap unit '{unitText}' in time modifier '{text}'";
                    return false;
                }

                steps.Add(t => TimeUnits.Snap(t, unit, weekday));
            }
            else if (char.IsAsciiDigit(body[i]) && steps.Count == 0)
            {
                error = $"time modifier '{text}' needs a sign (+ or -) before the amount";
                return false;
            }
            else
            {
                error = $"unexpected '{body[i]}' in time modifier '{text}'";
                return false;
            }
        }

        var compiled = steps.ToArray();
        modifier = new TimeModifier(text, now =>
        {
            var t = now.ToUniversalTime();
            foreach (var step in compiled)
            {
                t = step(t);
            }

            return t;
        });
        return true;
    }
}
