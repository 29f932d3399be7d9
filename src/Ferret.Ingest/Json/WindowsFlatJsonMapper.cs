using System.Globalization;
using System.Text.Json;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

/// <summary>
/// NXLog (<c>im_msvistalog</c>) and OTRF Security-Datasets records: System values as top-level keys
/// (EventID, SourceName, ProviderGuid, Channel, Hostname, RecordNumber, ProcessID or ExecutionProcessID,
/// ThreadID, UserID, Keywords as a signed number, EventTime in the agent's local time or TimeCreated in UTC),
/// the collector's own keys (EventType, Severity, Category, EventReceivedTime, SourceModuleName…), and every
/// other key is an EventData value. String values arrive still XML-escaped by NXLog (<c>2&amp;gt;&amp;amp;1</c>);
/// they are unescaped here and escaped again, once, when the draft is rendered as XML.
/// </summary>
internal static partial class WindowsFlatJsonMapper
{
    /// <summary>Keys that collectors add and that are not part of the Windows event.</summary>
    private static readonly HashSet<string> CollectorKeys = new(StringComparer.Ordinal)
    {
        "EventType", "Severity", "SeverityValue", "Category", "Opcode", "EventReceivedTime", "SourceModuleName",
        "SourceModuleType", "Domain", "AccountType", "ERROR_EVT_UNRESOLVED", "@timestamp", "@version", "host",
        "port", "tags", "EventTime", "TimeCreated", "Message", "Hostname", "EventID", "SourceName", "ProviderName",
        "ProviderGuid", "Version", "Level", "Task", "OpcodeValue", "RecordNumber", "ExecutionProcessID",
        "ExecutionThreadID", "ThreadID", "Channel", "UserID", "ActivityID", "RelatedActivityID", "Keywords",
    };

    public static WindowsEventDraft ToDraft(JsonElement root)
    {
        var draft = new WindowsEventDraft
        {
            EventId = Text(root, "EventID"),
            ProviderName = Text(root, "SourceName") ?? Text(root, "ProviderName"),
            ProviderGuid = Text(root, "ProviderGuid"),
            Version = Text(root, "Version"),
            Level = Text(root, "Level") ?? LevelFromEventType(Text(root, "EventType")),
            Task = Text(root, "Task"),
            Opcode = Text(root, "OpcodeValue"),
            Keywords = Keywords(root),
            SystemTime = SystemTime(root),
            EventRecordId = Text(root, "RecordNumber"),
            ActivityId = Text(root, "ActivityID"),
            RelatedActivityId = Text(root, "RelatedActivityID"),
            ThreadId = Text(root, "ExecutionThreadID") ?? Text(root, "ThreadID"),
            Channel = Text(root, "Channel"),
            Computer = Text(root, "Hostname"),
            UserId = Text(root, "UserID"),
            Message = Text(root, "Message"),
        };

        // OTRF's logstash pipeline renames the System ProcessID to ExecutionProcessID, which leaves "ProcessID"
        // free for EventData; plain NXLog uses "ProcessID" for the System value.
        var hasExecutionPid = root.TryGetProperty("ExecutionProcessID", out var executionPid);
        draft.ProcessId = hasExecutionPid ? JsonShapes.ScalarText(executionPid) : Text(root, "ProcessID");
        var accountNameIsLookup = root.TryGetProperty("AccountType", out _);

        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            if (CollectorKeys.Contains(name)
                || (name == "ProcessID" && !hasExecutionPid)
                || (name == "AccountName" && accountNameIsLookup)
                || JsonShapes.ScalarText(property.Value) is not { } value)
            {
                continue;
            }

            draft.EventData.Add(new(name, WindowsXmlText.Unescape(value)));
        }

        if (draft.ProviderName == "Microsoft-Windows-Sysmon" && draft.Message is not null)
        {
            RestoreSysmonData(draft);
        }

        // NXLog keeps no UserData; for the events whose message template is known, it is read back from the message.
        if (draft.EventData.Count == 0 && draft.Message is { } message
            && MessageTemplates.TryRecoverUserData(draft.ProviderName, draft.EventId, message, out var userDataRoot, out var leaves))
        {
            draft.UserDataRoot = userDataRoot;
            draft.UserData.AddRange(leaves);
        }

        return draft;
    }

    private static string? Text(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var value) || JsonShapes.ScalarText(value) is not { } text)
        {
            return null;
        }

        return WindowsXmlText.Unescape(text);
    }

    /// <summary>NXLog writes the 64-bit keyword mask as a signed decimal; Windows renders it in hex.</summary>
    private static string? Keywords(JsonElement root)
    {
        if (!root.TryGetProperty("Keywords", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var signed))
        {
            return "0x" + unchecked((ulong)signed).ToString("x", CultureInfo.InvariantCulture);
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var unsigned))
        {
            return "0x" + unsigned.ToString("x", CultureInfo.InvariantCulture);
        }

        return JsonShapes.ScalarText(value);
    }

    /// <summary>NXLog's EventType is the event's level by name; audit events are logged at level 0. INFO stands
    /// for level 4 and for level 0 alike (WMI-Activity 5861 is level 0), so it gives no Level rather than a guess.</summary>
    private static string? LevelFromEventType(string? eventType) => eventType switch
    {
        "AUDIT_SUCCESS" or "AUDIT_FAILURE" => "0",
        "CRITICAL" => "1",
        "ERROR" => "2",
        "WARNING" => "3",
        "VERBOSE" => "5",
        _ => null,
    };
}
