using System.Globalization;
using System.Text.Json;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Json;

/// <summary>
/// NXLog (<c>im_msvistalog</c>) and OTRF Security-Datasets records: System values as top-level keys
/// (EventID, SourceName, ProviderGuid, Channel, Hostname, RecordNumber, ProcessID or ExecutionProcessID,
/// ThreadID, UserID, Keywords as a signed number, EventTime in the agent's local time or TimeCreated in UTC),
/// the collector's own keys (EventType, Severity, Category, EventReceivedTime, SourceModuleName…), and every
/// other key is an EventData value. NXLog (<c>SourceModuleType=im_msvistalog</c>) copies values out of the XML
/// still escaped (<c>2&amp;gt;&amp;amp;1</c>); those are unescaped here and escaped again, once, when the draft is
/// rendered as XML. Records of other collectors (OTRF's <c>schtask_create</c>) hold plain values and are taken as
/// they are: a task whose own XML holds <c>&amp;gt;</c> must keep it.
/// </summary>
internal static partial class WindowsFlatJsonMapper
{
    /// <summary>Keys that collectors add and that are not part of the Windows event.</summary>
    private static readonly HashSet<string> CollectorKeys = new(StringComparer.Ordinal)
    {
        "Severity", "SeverityValue", "Category", "Opcode", "EventReceivedTime", "SourceModuleName",
        "SourceModuleType", "Domain", "AccountType", "ERROR_EVT_UNRESOLVED", "@timestamp", "@version", "host",
        "port", "tags", "EventTime", "TimeCreated", "Message", "Hostname", "EventID", "SourceName", "ProviderName",
        "ProviderGuid", "Version", "Level", "Task", "OpcodeValue", "RecordNumber", "ExecutionProcessID",
        "ExecutionThreadID", "ThreadID", "Channel", "UserID", "ActivityID", "RelatedActivityID", "Keywords",
    };

    public static WindowsEventDraft ToDraft(JsonElement root)
    {
        var escaped = root.TryGetProperty("SourceModuleType", out var module) && module.ValueKind == JsonValueKind.String
            && module.GetString() == "im_msvistalog";
        string? Text(string key) => WindowsFlatJsonMapper.Text(root, key, escaped);
        var draft = new WindowsEventDraft
        {
            EventId = Text("EventID"),
            ProviderName = Text("SourceName") ?? Text("ProviderName"),
            ProviderGuid = Text("ProviderGuid"),
            Version = Text("Version"),
            Level = Text("Level") ?? LevelFromEventType(Text("EventType")),
            Task = Text("Task"),
            Opcode = Text("OpcodeValue"),
            Keywords = Keywords(root),
            SystemTime = SystemTime(root),
            EventRecordId = Text("RecordNumber"),
            ActivityId = Text("ActivityID"),
            RelatedActivityId = Text("RelatedActivityID"),
            ThreadId = Text("ExecutionThreadID") ?? Text("ThreadID"),
            Channel = Text("Channel"),
            Computer = Text("Hostname"),
            UserId = Text("UserID"),
            Message = WindowsFlatJsonMapper.Text(root, "Message"),
        };

        // OTRF's logstash pipeline renames the System ProcessID to ExecutionProcessID, which leaves "ProcessID"
        // free for EventData; plain NXLog uses "ProcessID" for the System value.
        var hasExecutionPid = root.TryGetProperty("ExecutionProcessID", out var executionPid);
        draft.ProcessId = hasExecutionPid ? JsonShapes.ScalarText(executionPid) : Text("ProcessID");
        var accountNameIsLookup = root.TryGetProperty("AccountType", out _);

        foreach (var property in root.EnumerateObject())
        {
            var name = property.Name;
            if (CollectorKeys.Contains(name)
                || (name == "ProcessID" && !hasExecutionPid)
                || (name == "AccountName" && accountNameIsLookup)
                || (name == "EventType" && IsNxlogEventType(property.Value))
                || JsonShapes.ScalarText(property.Value) is not { } value)
            {
                continue;
            }

            draft.EventData.Add(new(name, escaped ? WindowsXmlText.Unescape(value) : value));
        }

        if (draft.ProviderName == "Microsoft-Windows-Sysmon" && draft.Message is not null)
        {
            RestoreSysmonData(draft);
        }

        if (draft.Message is not null)
        {
            RestoreFromMessage(draft);
        }

        return draft;
    }

    /// <summary>NXLog keeps no UserData and loses Data names that clash with its own keys; for the events whose
    /// message template is known, the missing values are read back from the message (values present in the record win).</summary>
    private static void RestoreFromMessage(WindowsEventDraft draft)
    {
        if (!MessageTemplates.TryRecoverInsertions(draft.ProviderName, draft.EventId, draft.Message!, out var root, out var recovered))
        {
            return;
        }

        if (root != "EventData")
        {
            if (draft.EventData.Count == 0)
            {
                draft.UserDataRoot = root;
                draft.UserData.AddRange(recovered.Select(r => new KeyValuePair<string, string>(r.Key, r.Value ?? string.Empty)));
            }

            return;
        }

        var present = draft.EventData.Where(d => d.Key is not null).Select(d => d.Key!).ToHashSet(StringComparer.Ordinal);
        var ordered = new List<KeyValuePair<string?, string>>(draft.EventData.Count + recovered.Count);
        foreach (var (name, value) in recovered)
        {
            if (present.Contains(name))
            {
                ordered.Add(draft.EventData.First(d => d.Key == name));
            }
            else if (value is not null)
            {
                ordered.Add(new(name, value));
            }
        }

        var placed = ordered.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        ordered.AddRange(draft.EventData.Where(d => d.Key is null || !placed.Contains(d.Key)));
        draft.EventData.Clear();
        draft.EventData.AddRange(ordered);
    }

    private static string? Text(JsonElement root, string key, bool escaped = false)
    {
        if (!root.TryGetProperty(key, out var value) || JsonShapes.ScalarText(value) is not { } text)
        {
            return null;
        }

        return escaped ? WindowsXmlText.Unescape(text) : text;
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

    /// <summary>NXLog's own EventType holds a level name; Sysmon's EventData EventType (SetValue, CreateKey…) does not.</summary>
    private static bool IsNxlogEventType(JsonElement value) =>
        JsonShapes.ScalarText(value) is "INFO" or "AUDIT_SUCCESS" or "AUDIT_FAILURE" or "WARNING" or "ERROR" or "CRITICAL" or "VERBOSE";

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
