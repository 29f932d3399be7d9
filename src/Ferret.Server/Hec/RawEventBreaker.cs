using System.Globalization;
using System.Text.Json;
using Ferret.Ingest.Windows;
using Ferret.Ingest.Xml;

namespace Ferret.Server.Hec;

/// <summary>
/// Breaks the body of <c>/services/collector/raw</c> into events by the sourcetype's line breaking (props.conf
/// <c>LINE_BREAKER</c>): Windows XML sourcetypes (<c>XmlWinEventLog</c>, <c>WinEventLog</c>) at each <c>&lt;Event</c>
/// start tag, so an event spread over several lines stays whole and several on a line come apart; every other sourcetype
/// at line ends (<c>([\r\n]+)</c>, SHOULD_LINEMERGE false), blank lines dropped. Each event's <c>_time</c> is read as
/// Splunk's timestamp extraction would for that shape (Windows <c>SystemTime</c>; a JSON event's <c>time</c>,
/// <c>timestamp</c>, <c>@timestamp</c>, <c>_time</c> or <c>UtcTime</c>), else the request's time.
/// </summary>
internal static class RawEventBreaker
{
    private static readonly string[] JsonTimeFields = ["_time", "time", "timestamp", "@timestamp", "UtcTime", "EventTime", "TimeCreated"];

    public static IEnumerable<string> Break(string body, string? sourceType) =>
        sourceType is not null && WindowsEventMapper.IsWindowsSourceType(sourceType) && body.Contains("<Event", StringComparison.Ordinal)
            ? BreakAtEvents(body)
            : BreakAtLines(body);

    public static double? TimeOf(string raw)
    {
        var text = raw.AsSpan().TrimStart();
        if (text.StartsWith("<Event", StringComparison.Ordinal))
        {
            return WindowsSystemTime(raw);
        }

        if (text.StartsWith("{"))
        {
            return JsonTime(raw);
        }

        return null;
    }

    private static IEnumerable<string> BreakAtLines(string body)
    {
        var start = 0;
        while (start < body.Length)
        {
            var end = body.IndexOfAny(['\r', '\n'], start);
            if (end < 0)
            {
                end = body.Length;
            }

            if (end > start && !body.AsSpan(start, end - start).IsWhiteSpace())
            {
                yield return body[start..end];
            }

            start = end + 1;
        }
    }

    private static IEnumerable<string> BreakAtEvents(string body)
    {
        var start = XmlWinEventLogReader.FindEventStart(body, 0);
        if (start > 0 && !body.AsSpan(0, start).IsWhiteSpace())
        {
            // Text before the first event is kept as an event of its own, never dropped.
            yield return body[..start].Trim();
        }

        while (start >= 0)
        {
            var next = XmlWinEventLogReader.FindEventStart(body, start + 1);
            var end = next < 0 ? body.Length : next;
            var record = body[start..end].TrimEnd();
            if (record.Length > 0)
            {
                yield return record;
            }

            start = next;
        }
    }

    private static double? WindowsSystemTime(string raw)
    {
        var at = raw.IndexOf("SystemTime=", StringComparison.Ordinal);
        if (at < 0 || at + 12 >= raw.Length)
        {
            return null;
        }

        var quote = raw[at + 11];
        var end = raw.IndexOf(quote, at + 12);
        return end > 0 && WindowsTime.TryParse(raw[(at + 12)..end], out var time) ? time.ToUnixTimeMilliseconds() / 1000.0 : null;
    }

    private static double? JsonTime(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in JsonTimeFields)
            {
                if (!document.RootElement.TryGetProperty(name, out var value))
                {
                    continue;
                }

                if (value.ValueKind == JsonValueKind.Number)
                {
                    return value.GetDouble();
                }

                var text = value.GetString();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var epoch))
                {
                    return epoch;
                }

                if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
                {
                    return parsed.ToUnixTimeMilliseconds() / 1000.0;
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: the request's time is used.
        }

        return null;
    }
}
