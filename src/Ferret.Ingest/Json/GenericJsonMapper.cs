using System.Globalization;
using System.Text.Json;
using Ferret.Events;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

/// <summary>
/// Any other JSON event, as Splunk's <c>_json</c> sourcetype (KV_MODE=json) and <c>spath</c> extract it:
/// nested keys joined with dots, array elements under the array's name plus <c>{}</c> (<c>actors{}.name</c>)
/// as a multivalue field, JSON nulls left out (Splunk Search Reference, "spath").
/// </summary>
internal static class GenericJsonMapper
{
    /// <summary>Keys that usually hold the event time, tried in order before any other top-level string.</summary>
    private static readonly string[] TimeKeys =
        ["_time", "timestamp", "@timestamp", "time", "datetime", "eventTime", "EventTime", "event_time", "recorded",
         "created", "createdDateTime", "CreationTime", "published", "date", "ts"];

    public static Event Map(JsonElement root, string line, string defaultSource)
    {
        var e = new Event(32);
        var values = new Dictionary<string, List<Scalar>>(StringComparer.Ordinal);
        Flatten(root, prefix: string.Empty, values);
        foreach (var (name, list) in values)
        {
            e.Set(name, FieldValue.Multi(list));
        }

        e.Raw = line;
        e.SourceType = "_json";
        e.Source = defaultSource;
        e.Host = Environment.MachineName;
        if (FindTime(root) is { } time)
        {
            e.Time = time;
        }

        return e;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, List<Scalar>> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix.Length == 0 ? property.Name : prefix + "." + property.Name, values);
                }

                break;
            case JsonValueKind.Array:
                var arrayName = prefix + "{}";
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, arrayName, values);
                }

                break;
            default:
                if (prefix.Length > 0 && JsonShapes.ScalarText(element) is { } text)
                {
                    if (!values.TryGetValue(prefix, out var list))
                    {
                        values[prefix] = list = [];
                    }

                    list.Add(Scalar.Of(text));
                }

                break;
        }
    }

    /// <summary>Splunk finds an event's time in its text; here: a known time key, else the first top-level string that reads as a time.</summary>
    private static double? FindTime(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var key in TimeKeys)
        {
            if (root.TryGetProperty(key, out var value) && TryReadTime(value, out var seconds))
            {
                return seconds;
            }
        }

        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && TryReadTime(property.Value, out var seconds))
            {
                return seconds;
            }
        }

        return null;
    }

    internal static bool TryReadTime(JsonElement value, out double seconds)
    {
        seconds = 0;
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (WindowsTime.TryParse(text, out var time))
                {
                    seconds = EpochTime.FromDateTimeOffset(time);
                    return true;
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && TryEpoch(number, out seconds);
            case JsonValueKind.Number:
                return value.TryGetDouble(out var raw) && TryEpoch(raw, out seconds);
            default:
                return false;
        }
    }

    /// <summary>Epoch seconds, or milliseconds when the number is too large to be seconds (after 2286).</summary>
    private static bool TryEpoch(double number, out double seconds)
    {
        seconds = number > 1e10 ? number / 1000 : number;
        return seconds is > 0 and < 1e10;
    }
}
