using System.Globalization;
using System.Text.RegularExpressions;
using Ferret.Engine.Time;

namespace Ferret.Knowledge.Conf.IndexTime;

/// <summary>
/// Splunk's automatic timestamp recognition, for a sourcetype without TIME_FORMAT (Getting Data In, "How timestamp
/// assignment works"): the first text in the window that reads as one of the common forms. Forms tried, earliest in
/// the text first: Linux audit's <c>msg=audit(EPOCH:SERIAL)</c>, ISO 8601, <c>yyyy/mm/dd HH:MM:SS</c>, the web
/// access log's <c>dd/Mon/yyyy:HH:MM:SS +zzzz</c>, syslog's <c>Mon dd HH:MM:SS</c> (this year, or last year when
/// that would be in the future, as Splunk does), and 10-digit epoch seconds.
/// </summary>
internal static partial class TimestampRecognizer
{
    public static double? Find(string window, TimeZoneInfo? zone, TimeProvider clock)
    {
        if (Audit().Match(window) is { Success: true } audit)
        {
            return double.Parse(audit.Groups[1].Value, CultureInfo.InvariantCulture);
        }

        var best = Candidates().Match(window);
        if (!best.Success)
        {
            return null;
        }

        var text = best.Value;
        if (best.Groups["iso"].Success)
        {
            var normalized = text.Replace(',', '.').Replace(' ', 'T');
            var hasZone = best.Groups["zone"].Success;
            if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return hasZone ? parsed.ToUnixTimeMilliseconds() / 1000.0 : Local(parsed.UtcDateTime, zone);
            }

            return null;
        }

        if (best.Groups["slashed"].Success)
        {
            return TimeFormat.Parse(text, "%Y/%m/%d %H:%M:%S") is { } seconds ? InZone(seconds, zone) : null;
        }

        if (best.Groups["web"].Success)
        {
            return best.Groups["webzone"].Success
                ? TimeFormat.Parse(text, "%d/%b/%Y:%H:%M:%S %z")
                : TimeFormat.Parse(text, "%d/%b/%Y:%H:%M:%S") is { } seconds ? InZone(seconds, zone) : null;
        }

        if (best.Groups["syslog"].Success)
        {
            var now = clock.GetUtcNow();
            if (TimeFormat.Parse($"{now.Year} {text}", "%Y %b %d %H:%M:%S") is { } seconds)
            {
                var local = InZone(seconds, zone);
                return local > now.ToUnixTimeSeconds() + 86_400 && TimeFormat.Parse($"{now.Year - 1} {text}", "%Y %b %d %H:%M:%S") is { } lastYear
                    ? InZone(lastYear, zone)
                    : local;
            }

            return null;
        }

        return double.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A time read without a zone is local time of the sourcetype's TZ (UTC when none is set).</summary>
    public static double InZone(double naiveSeconds, TimeZoneInfo? zone)
    {
        if (zone is null)
        {
            return naiveSeconds;
        }

        var naive = DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(naiveSeconds), DateTimeKind.Unspecified);
        return naiveSeconds - zone.GetUtcOffset(naive).TotalSeconds;
    }

    private static double Local(DateTime naive, TimeZoneInfo? zone) =>
        InZone((naive - DateTime.UnixEpoch).TotalSeconds, zone);

    [GeneratedRegex(@"msg=audit\((\d{9,10}(?:\.\d+)?):\d+\)")]
    private static partial Regex Audit();

    [GeneratedRegex(
        @"(?<iso>\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?(?<zone>Z|[+-]\d\d:?\d\d)?)" +
        @"|(?<slashed>\d{4}/\d\d/\d\d \d\d:\d\d:\d\d)" +
        @"|(?<web>\d\d/[A-Z][a-z]{2}/\d{4}:\d\d:\d\d:\d\d(?<webzone> [+-]\d{4})?)" +
        @"|(?<syslog>\b[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d)" +
        @"|(?<epoch>(?<!\d)1\d{9}(?:\.\d{1,6})?(?!\d))")]
    private static partial Regex Candidates();
}
