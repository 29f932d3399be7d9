using System.Globalization;
using System.Text.Json;
using Ferret.Events;

namespace Ferret.Conformance.SpecFormat;

/// <summary>
/// Turns an event line of a spec file (a flat JSON object) into an <see cref="Event"/>. Values are strings, as
/// Splunk's indexed and extracted fields are; a JSON number is kept as the text it was written with, an array
/// becomes a multivalue field. <c>_time</c> is ISO-8601 or epoch seconds.
/// </summary>
internal static class EventJson
{
    /// <summary>Null when the line is a valid event, otherwise what is wrong with it.</summary>
    public static string? Validate(string line)
    {
        try
        {
            _ = ToEvent(line);
            return null;
        }
        catch (FormatException exception)
        {
            return exception.Message;
        }
    }

    public static Event ToEvent(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new FormatException($"not JSON: {exception.Message}", exception);
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an event is a JSON object");
        }

        var result = new Event();
        foreach (var property in root.EnumerateObject())
        {
            result[property.Name] = property.Name == FieldNames.Time ? ReadTime(property.Value) : ReadValue(property.Name, property.Value);
        }

        return result;
    }

    private static FieldValue ReadTime(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return FieldValue.Of(value.GetDouble());
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return FieldValue.Of(EpochTime.FromDateTimeOffset(time));
        }

        throw new FormatException($"_time is ISO-8601 text or epoch seconds, not {value.GetRawText()}");
    }

    private static FieldValue ReadValue(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => FieldValue.Of(value.GetString()),
        JsonValueKind.Number => FieldValue.Of(value.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => FieldValue.Of(value.GetRawText()),
        JsonValueKind.Null => FieldValue.Null,
        JsonValueKind.Array => FieldValue.Multi(value.EnumerateArray().Select(v => ReadScalar(name, v))),
        _ => throw new FormatException($"field '{name}' is a string, number, boolean, null or array of those, not {value.ValueKind}"),
    };

    private static string ReadScalar(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new FormatException($"a value of multivalue field '{name}' is a string or a number, not {value.ValueKind}"),
    };
}
