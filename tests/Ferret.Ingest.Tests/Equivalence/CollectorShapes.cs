using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Tests.Equivalence;

/// <summary>
/// Writes a real Windows event (its XML) the way each collector writes it, following the collectors' documented
/// record layouts as seen in the shared captures: NXLog im_msvistalog (T1047 attack_data), OTRF's flat records
/// (schtask_create), Winlogbeat (winlog.*). Used to prove every shape maps to the same fields as the XML.
/// </summary>
internal static class CollectorShapes
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    public static string Nxlog(string xml)
    {
        var (system, data, userData) = Parse(xml);
        var record = new JsonObject
        {
            ["EventTime"] = Time(system).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["Hostname"] = system["Computer"],
        };
        if (system.TryGetValue("Keywords", out var keywords))
        {
            record["Keywords"] = unchecked((long)ulong.Parse(keywords[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        record["EventType"] = system.GetValueOrDefault("Level") == "0" && system["Channel"] == "Security" ? "AUDIT_SUCCESS" : "INFO";
        record["SeverityValue"] = 2;
        record["Severity"] = "INFO";
        record["EventID"] = int.Parse(system["EventID"], CultureInfo.InvariantCulture);
        record["SourceName"] = system["Name"];
        AddNumber(record, "ProviderGuid", system, "Guid", asText: true);
        AddNumber(record, "Version", system, "Version");
        AddNumber(record, "Task", system, "Task");
        AddNumber(record, "OpcodeValue", system, "Opcode");
        AddNumber(record, "RecordNumber", system, "EventRecordID");
        AddNumber(record, "ProcessID", system, "ProcessID");
        AddNumber(record, "ThreadID", system, "ThreadID");
        record["Channel"] = system["Channel"];
        if (system.TryGetValue("UserID", out var user))
        {
            record["Domain"] = "NT AUTHORITY";
            record["AccountName"] = "SYSTEM";
            record["UserID"] = user;
            record["AccountType"] = "User";
        }

        var message = WindowsEventMapper.FromXml(xml)["Message"].Text ?? SysmonStyleMessage(system, data);
        if (message is not null)
        {
            record["Message"] = message;
        }

        // NXLog folds key names case-insensitively: an EventData name equal to one of its own keys is lost.
        foreach (var (name, value) in data)
        {
            if (name is not null && !record.Any(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                record[name] = WindowsXmlText.EscapeText(value);
            }
        }

        _ = userData;
        record["EventReceivedTime"] = record["EventTime"]!.GetValue<string>();
        record["SourceModuleName"] = "eventlog";
        record["SourceModuleType"] = "im_msvistalog";
        return record.ToJsonString();
    }

    public static string Otrf(string xml)
    {
        var (system, data, _) = Parse(xml);
        var record = new JsonObject
        {
            ["SourceName"] = system["Name"],
            ["ProviderGuid"] = system.GetValueOrDefault("Guid"),
            ["Level"] = system.GetValueOrDefault("Level"),
            ["Keywords"] = system.GetValueOrDefault("Keywords"),
            ["Channel"] = system["Channel"],
            ["Hostname"] = system["Computer"],
            ["TimeCreated"] = Time(system).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["@timestamp"] = Time(system).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["EventID"] = int.Parse(system["EventID"], CultureInfo.InvariantCulture),
            ["Task"] = system.GetValueOrDefault("Task"),
        };
        foreach (var (name, value) in data)
        {
            if (name is not null)
            {
                record[name] = value;
            }
        }

        return record.ToJsonString();
    }

    public static string Winlogbeat(string xml)
    {
        var (system, data, userData) = Parse(xml);
        var winlog = new JsonObject
        {
            ["channel"] = system["Channel"],
            ["computer_name"] = system["Computer"],
            ["event_id"] = system["EventID"],
            ["provider_name"] = system["Name"],
            ["provider_guid"] = system.GetValueOrDefault("Guid"),
            ["record_id"] = system.GetValueOrDefault("EventRecordID"),
            ["activity_id"] = system.GetValueOrDefault("ActivityID"),
            ["related_activity_id"] = system.GetValueOrDefault("RelatedActivityID"),
            ["version"] = system.TryGetValue("Version", out var version) ? int.Parse(version, CultureInfo.InvariantCulture) : null,
            ["process"] = new JsonObject
            {
                ["pid"] = int.Parse(system["ProcessID"], CultureInfo.InvariantCulture),
                ["thread"] = new JsonObject { ["id"] = int.Parse(system["ThreadID"], CultureInfo.InvariantCulture) },
            },
        };
        if (system.TryGetValue("UserID", out var user))
        {
            winlog["user"] = new JsonObject { ["identifier"] = user };
        }

        if (data.Count > 0)
        {
            var eventData = new JsonObject();
            foreach (var (name, value) in data)
            {
                eventData[name ?? "param"] = value;
            }

            winlog["event_data"] = eventData;
        }

        if (userData is not null)
        {
            var user_data = new JsonObject { ["xml_name"] = userData.Value.Root };
            foreach (var (name, value) in userData.Value.Leaves)
            {
                user_data[name] = value;
            }

            winlog["user_data"] = user_data;
        }

        var levelName = system.GetValueOrDefault("Level") switch { "4" => "information", "5" => "verbose", "3" => "warning", "2" => "error", _ => "information" };
        var record = new JsonObject
        {
            ["@timestamp"] = Time(system).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["log"] = new JsonObject { ["level"] = levelName },
            ["winlog"] = winlog,
        };
        return record.ToJsonString();
    }

    private static string? SysmonStyleMessage(Dictionary<string, string> system, List<KeyValuePair<string?, string>> data) =>
        system["Name"] != "Microsoft-Windows-Sysmon"
            ? null
            : "Sysmon event:\r\n" + string.Join("\r\n", data.Select(d => $"{d.Key}: {d.Value}"));

    private static DateTimeOffset Time(Dictionary<string, string> system) =>
        WindowsTime.TryParse(system["SystemTime"], out var time) ? time : throw new FormatException("no SystemTime");

    private static void AddNumber(JsonObject record, string key, Dictionary<string, string> system, string field, bool asText = false)
    {
        if (system.TryGetValue(field, out var value))
        {
            record[key] = asText ? value : long.Parse(value, CultureInfo.InvariantCulture);
        }
    }

    private static (Dictionary<string, string> System, List<KeyValuePair<string?, string>> Data, (string Root, List<KeyValuePair<string, string>> Leaves)? UserData) Parse(string xml)
    {
        // XmlTextReader without normalization keeps "\r\n" inside values, as the collectors do.
        using var reader = new System.Xml.XmlTextReader(new StringReader(xml)) { Normalization = false, DtdProcessing = System.Xml.DtdProcessing.Prohibit };
        var root = XElement.Load(reader, LoadOptions.PreserveWhitespace);
        var system = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Element(Ns + "System")!.Elements())
        {
            foreach (var attribute in element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Value.Length > 0))
            {
                system[attribute.Name.LocalName] = attribute.Value;
            }

            if (!element.HasElements && element.Value.Length > 0)
            {
                system[element.Name.LocalName] = element.Value;
            }
        }

        var data = new List<KeyValuePair<string?, string>>();
        foreach (var element in root.Element(Ns + "EventData")?.Elements(Ns + "Data") ?? [])
        {
            if (element.Value.Length > 0)
            {
                data.Add(new(element.Attribute("Name")?.Value, element.Value));
            }
        }

        (string, List<KeyValuePair<string, string>>)? userData = null;
        if (root.Element(Ns + "UserData")?.Elements().FirstOrDefault() is { } userRoot)
        {
            userData = (userRoot.Name.LocalName, userRoot.Elements().Select(e => new KeyValuePair<string, string>(e.Name.LocalName, e.Value)).ToList());
        }

        return (system, data, userData);
    }

    public static string ToJsonText(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
