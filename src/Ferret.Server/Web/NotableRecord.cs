using System.Globalization;
using System.Text.Json;
using Ferret.Server.Store;

namespace Ferret.Server.Web;

/// <summary>
/// A stored event of <c>index=notable</c> or <c>index=risk</c> read back from its JSON (as <see cref="Detections.ActionWriter"/>
/// writes it): a field's value as text, or every value of a multivalue field. A raw text that is not a JSON object reads
/// as an event without fields.
/// </summary>
internal sealed class NotableRecord
{
    private readonly JsonElement _root;

    private NotableRecord(StoredEvent stored, JsonElement root)
    {
        Stored = stored;
        _root = root;
    }

    public StoredEvent Stored { get; }

    public double Time => Stored.Time;

    public static NotableRecord Parse(StoredEvent stored)
    {
        try
        {
            using var document = JsonDocument.Parse(stored.Raw);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return new NotableRecord(stored, document.RootElement.Clone());
            }
        }
        catch (JsonException)
        {
            // Not JSON: an event typed into the index by hand; it keeps its metadata and no fields.
        }

        return new NotableRecord(stored, default);
    }

    public string? Text(string name) => Texts(name) is [var first, ..] ? first : null;

    public IReadOnlyList<string> Texts(string name)
    {
        if (_root.ValueKind != JsonValueKind.Object || !_root.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(Scalar).OfType<string>()] : Scalar(value) is { } one ? [one] : [];
    }

    public double? Number(string name) =>
        double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>The drilldown searches ES's notable carries (<c>drilldown_searches</c>: name, search, offsets).</summary>
    public IEnumerable<JsonElement> Items(string name) =>
        _root.ValueKind == JsonValueKind.Object && _root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>Every field with its values, in the event's order, for the detail's field table.</summary>
    public IEnumerable<(string Name, IReadOnlyList<string> Values)> Fields() =>
        _root.ValueKind == JsonValueKind.Object
            ? _root.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Array || p.Value.EnumerateArray().All(v => v.ValueKind != JsonValueKind.Object))
                .Select(p => (p.Name, Texts(p.Name)))
            : [];

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };
}
