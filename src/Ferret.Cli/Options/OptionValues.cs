using System.Globalization;
using Ferret.Engine.Time;
using Ferret.Events;

namespace Ferret.Cli.Options;

/// <summary>Turns option text into values (time zones, event times), each failure a message that names the option.</summary>
internal static class OptionValues
{
    public static bool TryTimeZone(string? text, out TimeZoneInfo zone, out string error)
    {
        error = string.Empty;
        zone = TimeZoneInfo.Utc;
        if (text is null || text.Equals("UTC", StringComparison.OrdinalIgnoreCase) || text.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            zone = TimeZoneInfo.Local;
            return true;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(text, out var found))
        {
            zone = found;
            return true;
        }

        error = $"--time-zone: unknown time zone '{text}' (use UTC, local or an IANA name such as Europe/Paris)";
        return false;
    }

    /// <summary>An event time bound: a Splunk time modifier resolved against <paramref name="now"/> (Search Reference,
    /// "Time modifiers"), or an ISO 8601 time (without an offset, in UTC).</summary>
    public static bool TryEventTime(string? text, string option, DateTimeOffset now, out double? epoch, out string error)
    {
        epoch = null;
        error = string.Empty;
        if (text is null)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso)
            && text.Contains('-', StringComparison.Ordinal) && char.IsAsciiDigit(text[0]))
        {
            epoch = EpochTime.FromDateTimeOffset(iso);
            return true;
        }

        if (TimeModifier.TryParse(text, out var modifier, out var modifierError))
        {
            epoch = modifier.ResolveEpoch(now);
            return true;
        }

        error = $"--{option}: '{text}' is neither a time modifier nor an ISO 8601 time ({modifierError})";
        return false;
    }
}
