using System.Text.Json;

namespace Ferret.Ingest.Json;

/// <summary>The shapes a JSON line can have; each Windows shape is turned into Windows event XML.</summary>
internal enum JsonShape
{
    Generic,

    /// <summary>NXLog <c>im_msvistalog</c> records, and the OTRF Security-Datasets built from them or from similar
    /// collectors: Windows System fields as top-level keys (EventID, SourceName, Channel, Hostname…), EventData beside them.</summary>
    WindowsFlat,

    /// <summary>Winlogbeat / Elastic Common Schema: <c>winlog.event_data.*</c>, <c>winlog.channel</c>…</summary>
    Winlogbeat,
}

internal static class JsonShapes
{
    public static JsonShape Detect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return JsonShape.Generic;
        }

        if (root.TryGetProperty("winlog", out var winlog) && winlog.ValueKind == JsonValueKind.Object)
        {
            return JsonShape.Winlogbeat;
        }

        return root.TryGetProperty("EventID", out _)
            && (root.TryGetProperty("SourceName", out _) || root.TryGetProperty("Channel", out _) || root.TryGetProperty("ProviderName", out _))
            ? JsonShape.WindowsFlat
            : JsonShape.Generic;
    }

    /// <summary>A JSON scalar as text: strings as they are, numbers as written, booleans as true/false.</summary>
    public static string? ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
