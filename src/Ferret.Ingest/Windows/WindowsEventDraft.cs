using System.Text;

namespace Ferret.Ingest.Windows;

/// <summary>
/// A Windows event assembled from another shape (a JSON record of NXLog, OTRF or Winlogbeat): the System
/// values and the EventData/UserData pairs, all as plain (unescaped) text. <see cref="ToXml"/> renders it as
/// Windows renders event XML, so that it goes through <see cref="WindowsEventMapper"/> like any other event and
/// yields the same field names and values. Values a collector did not keep are left out, never invented.
/// </summary>
public sealed class WindowsEventDraft
{
    public string? ProviderName { get; set; }

    public string? ProviderGuid { get; set; }

    public string? EventSourceName { get; set; }

    public string? EventId { get; set; }

    public string? Qualifiers { get; set; }

    public string? Version { get; set; }

    public string? Level { get; set; }

    public string? Task { get; set; }

    public string? Opcode { get; set; }

    public string? Keywords { get; set; }

    public string? SystemTime { get; set; }

    public string? EventRecordId { get; set; }

    public string? ActivityId { get; set; }

    public string? RelatedActivityId { get; set; }

    public string? ProcessId { get; set; }

    public string? ThreadId { get; set; }

    public string? Channel { get; set; }

    public string? Computer { get; set; }

    public string? UserId { get; set; }

    /// <summary>Named Data elements in order (a null name renders an unnamed Data element).</summary>
    public List<KeyValuePair<string?, string>> EventData { get; } = [];

    /// <summary>The UserData root element (e.g. <c>Operation_ESStoConsumerBinding</c>) when the event has UserData.</summary>
    public string? UserDataRoot { get; set; }

    public List<KeyValuePair<string, string>> UserData { get; } = [];

    /// <summary>The message the collector rendered on Windows, if it kept one.</summary>
    public string? Message { get; set; }

    public string ToXml()
    {
        var xml = new StringBuilder(512);
        xml.Append("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>");
        xml.Append("<Provider");
        Attribute(xml, "Name", ProviderName);
        Attribute(xml, "Guid", ProviderGuid);
        Attribute(xml, "EventSourceName", EventSourceName);
        xml.Append("/>");
        if (EventId is not null)
        {
            xml.Append("<EventID");
            Attribute(xml, "Qualifiers", Qualifiers);
            xml.Append('>').Append(WindowsXmlText.EscapeText(EventId)).Append("</EventID>");
        }

        Element(xml, "Version", Version);
        Element(xml, "Level", Level);
        Element(xml, "Task", Task);
        Element(xml, "Opcode", Opcode);
        Element(xml, "Keywords", Keywords);
        xml.Append("<TimeCreated");
        Attribute(xml, "SystemTime", SystemTime);
        xml.Append("/>");
        Element(xml, "EventRecordID", EventRecordId);
        xml.Append("<Correlation");
        Attribute(xml, "ActivityID", ActivityId);
        Attribute(xml, "RelatedActivityID", RelatedActivityId);
        xml.Append("/><Execution");
        Attribute(xml, "ProcessID", ProcessId);
        Attribute(xml, "ThreadID", ThreadId);
        xml.Append("/>");
        Element(xml, "Channel", Channel);
        Element(xml, "Computer", Computer);
        xml.Append("<Security");
        Attribute(xml, "UserID", UserId);
        xml.Append("/></System>");
        AppendData(xml);
        xml.Append("</Event>");
        return xml.ToString();
    }

    private void AppendData(StringBuilder xml)
    {
        if (UserDataRoot is not null)
        {
            xml.Append("<UserData><").Append(UserDataRoot).Append('>');
            foreach (var (name, value) in UserData)
            {
                Element(xml, name, value);
            }

            xml.Append("</").Append(UserDataRoot).Append("></UserData>");
            return;
        }

        if (EventData.Count == 0)
        {
            return;
        }

        xml.Append("<EventData>");
        foreach (var (name, value) in EventData)
        {
            xml.Append("<Data");
            Attribute(xml, "Name", name);
            xml.Append('>').Append(WindowsXmlText.EscapeText(value)).Append("</Data>");
        }

        xml.Append("</EventData>");
    }

    private static void Attribute(StringBuilder xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append(' ').Append(name).Append("='").Append(WindowsXmlText.EscapeAttribute(value)).Append('\'');
        }
    }

    private static void Element(StringBuilder xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.Append('<').Append(name).Append('>').Append(WindowsXmlText.EscapeText(value)).Append("</").Append(name).Append('>');
        }
    }
}
