using System.Text.Json;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

/// <summary>
/// Winlogbeat / ECS records. When Winlogbeat kept the event's XML (<c>event.original</c>, its <c>include_xml</c>
/// option) that XML is the event. Otherwise the event is rebuilt from <c>winlog.*</c>: provider, event ID,
/// record ID, channel, computer, process and thread, user SID, activity IDs, <c>winlog.event_data.*</c> and
/// <c>winlog.user_data.*</c>; Winlogbeat keeps Task, Opcode and Keywords only by name, so those are left out.
/// </summary>
internal static class WinlogbeatJsonMapper
{
    public static string? OriginalXml(JsonElement root) =>
        Path(root, "event", "original") is { ValueKind: JsonValueKind.String } original
        && original.GetString() is { } xml && xml.TrimStart().StartsWith("<Event", StringComparison.Ordinal)
            ? xml
            : null;

    public static WindowsEventDraft ToDraft(JsonElement root)
    {
        var winlog = root.GetProperty("winlog");
        var draft = new WindowsEventDraft
        {
            ProviderName = Text(winlog, "provider_name"),
            ProviderGuid = Text(winlog, "provider_guid"),
            EventId = Text(winlog, "event_id") ?? Text(Path(root, "event"), "code"),
            Version = Text(winlog, "version"),
            Level = LevelFromName(Text(Path(root, "log"), "level")),
            EventRecordId = Text(winlog, "record_id"),
            ActivityId = Text(winlog, "activity_id"),
            RelatedActivityId = Text(winlog, "related_activity_id"),
            ProcessId = Text(Path(winlog, "process"), "pid"),
            ThreadId = Text(Path(winlog, "process", "thread"), "id"),
            Channel = Text(winlog, "channel"),
            Computer = Text(winlog, "computer_name"),
            UserId = Text(Path(winlog, "user"), "identifier"),
            Message = Text(root, "message"),
        };

        if (Text(root, "@timestamp") is { } stamp && WindowsTime.TryParse(stamp, out var time))
        {
            draft.SystemTime = WindowsTime.Format(time);
        }

        if (Path(winlog, "event_data") is { ValueKind: JsonValueKind.Object } eventData)
        {
            foreach (var property in eventData.EnumerateObject())
            {
                if (JsonShapes.ScalarText(property.Value) is { } value)
                {
                    draft.EventData.Add(new(property.Name, value));
                }
            }
        }

        if (Path(winlog, "user_data") is { ValueKind: JsonValueKind.Object } userData)
        {
            draft.UserDataRoot = Text(userData, "xml_name") ?? "EventXML";
            foreach (var property in userData.EnumerateObject())
            {
                if (property.Name != "xml_name" && JsonShapes.ScalarText(property.Value) is { } value)
                {
                    draft.UserData.Add(new(property.Name, value));
                }
            }
        }

        return draft;
    }

    private static JsonElement? Path(JsonElement? element, params string[] names)
    {
        var current = element;
        foreach (var name in names)
        {
            if (current is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var next))
            {
                return null;
            }

            current = next;
        }

        return current;
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) ? JsonShapes.ScalarText(value) : null;

    /// <summary>Winlogbeat's <c>log.level</c> is the level's display name.</summary>
    private static string? LevelFromName(string? name) => name?.ToLowerInvariant() switch
    {
        "critical" => "1",
        "error" => "2",
        "warning" => "3",
        "information" => "4",
        "verbose" => "5",
        _ => null,
    };
}
