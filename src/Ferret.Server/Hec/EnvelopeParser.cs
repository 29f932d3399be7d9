using System.Globalization;
using System.Text.Json;

namespace Ferret.Server.Hec;

/// <summary>One event of a <c>/services/collector/event</c> request: its metadata, its raw text (the <c>event</c>
/// string, or the JSON text of an <c>event</c> object) and its indexed <c>fields</c> (JSON object text, or null).</summary>
internal sealed record Envelope(EventMetadata Metadata, string Raw, string? Fields);

/// <summary>
/// Reads the JSON event protocol: one or more envelopes concatenated (whitespace between them allowed), each with
/// <c>event</c> (required, not blank) and optionally <c>time</c> (epoch seconds, number or string), <c>host</c>,
/// <c>source</c>, <c>sourcetype</c>, <c>index</c> and <c>fields</c> (an object of strings or arrays of strings). A
/// problem gives the HEC status to answer with the number of the first bad envelope; nothing of the request is kept.
/// See "Format events for HTTP Event Collector" in Splunk's Get Data In manual.
/// </summary>
internal static class EnvelopeParser
{
    public static (List<Envelope> Envelopes, HecStatus? Error) Parse(ReadOnlySpan<byte> body)
    {
        var envelopes = new List<Envelope>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    return (envelopes, HecStatus.InvalidDataFormat.At(envelopes.Count));
                }

                using var document = JsonDocument.ParseValue(ref reader);
                var (envelope, error) = Read(document.RootElement);
                if (error is not null)
                {
                    return (envelopes, error.At(envelopes.Count));
                }

                envelopes.Add(envelope!);
            }
        }
        catch (JsonException)
        {
            return (envelopes, HecStatus.InvalidDataFormat.At(envelopes.Count));
        }

        return envelopes.Count == 0 ? (envelopes, HecStatus.NoData) : (envelopes, null);
    }

    private static (Envelope? Envelope, HecStatus? Error) Read(JsonElement root)
    {
        if (!root.TryGetProperty("event", out var body))
        {
            return (null, HecStatus.EventRequired);
        }

        var raw = body.ValueKind switch
        {
            JsonValueKind.String => body.GetString()!,
            JsonValueKind.Null => string.Empty,
            _ => body.GetRawText(),
        };
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, HecStatus.EventBlank);
        }

        double? time = null;
        if (root.TryGetProperty("time", out var timeElement))
        {
            if (timeElement.ValueKind == JsonValueKind.Number)
            {
                time = timeElement.GetDouble();
            }
            else if (timeElement.ValueKind == JsonValueKind.String && double.TryParse(timeElement.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                time = parsed;
            }
            else if (timeElement.ValueKind != JsonValueKind.Null)
            {
                return (null, HecStatus.InvalidDataFormat);
            }
        }

        string? fields = null;
        if (root.TryGetProperty("fields", out var fieldsElement) && fieldsElement.ValueKind != JsonValueKind.Null)
        {
            if (fieldsElement.ValueKind != JsonValueKind.Object || !fieldsElement.EnumerateObject().All(f => IsIndexedValue(f.Value)))
            {
                return (null, HecStatus.IndexedFieldsError);
            }

            fields = fieldsElement.GetRawText();
        }

        var metadata = new EventMetadata(Text(root, "index"), Text(root, "host"), Text(root, "source"), Text(root, "sourcetype"), time);
        return (new Envelope(metadata, raw, fields), null);
    }

    private static bool IsIndexedValue(JsonElement value) =>
        value.ValueKind is JsonValueKind.String or JsonValueKind.Number
        || value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind is JsonValueKind.String or JsonValueKind.Number);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
