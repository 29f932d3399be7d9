using System.Collections.Concurrent;
using System.Xml;
using Ferret.Events;

namespace Ferret.Ingest.Windows;

/// <summary>
/// The ONE place that turns a Windows event (its XML, as Windows renders it) into Splunk fields, as the
/// Splunk Add-on for Microsoft Windows does for the <c>XmlWinEventLog</c> sourcetype: <c>_raw</c> is the XML,
/// <c>source</c> is <c>XmlWinEventLog:&lt;Channel&gt;</c>, <c>host</c> is the Computer, <c>_time</c> comes from
/// <c>TimeCreated/@SystemTime</c>; every System element's text and attribute becomes a field of its name
/// (EventID, Channel, Computer, Name, Guid, SystemTime, ProcessID, ThreadID, UserID, Qualifiers, ActivityID…),
/// <c>EventCode</c> repeats EventID, each <c>EventData/Data[@Name]</c> and each <c>UserData</c> leaf element
/// becomes a field of that name, and a name met twice becomes a multivalue field (the add-on's MV_ADD).
/// Unnamed <c>Data</c> elements are gathered, in order, into the multivalue field <c>Data</c>.
/// Values keep the XML escapes of <c>_raw</c> (see <see cref="WindowsXmlText"/>). Every JSON shape of a
/// Windows event is rendered to this XML first and comes through here too, so all shapes agree.
/// </summary>
public static partial class WindowsEventMapper
{
    public const string SourceType = "XmlWinEventLog";
    public const string SourcePrefix = "XmlWinEventLog:";

    private const int MaxCachedSources = 4096;

    /// <summary>Each channel's <c>source</c> (<see cref="SourceOf"/>).</summary>
    private static readonly ConcurrentDictionary<string, string> Sources = new(StringComparer.Ordinal);

    /// <summary>Sourcetypes whose events are Windows events (the classic name is accepted as the same thing).</summary>
    public static bool IsWindowsSourceType(string sourceType) =>
        sourceType.Equals(SourceType, StringComparison.OrdinalIgnoreCase)
        || sourceType.Equals("WinEventLog", StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps one <c>&lt;Event&gt;</c> element. Throws <see cref="XmlException"/> or <see cref="FormatException"/>
    /// when the text is not a well-formed Windows event; readers report that as an <see cref="InputProblem"/>.</summary>
    public static Event FromXml(string xml) => FromXml(xml, collectorMessage: null);

    /// <summary>Maps one event; <paramref name="collectorMessage"/> is the message a collector already rendered
    /// on Windows (NXLog, OTRF), used when the XML carries no <c>RenderingInfo</c>.</summary>
    /// <remarks>A hand-written scanner reads the shape Windows renders (see <c>WindowsEventMapper.Scan.cs</c>);
    /// any document it does not fully understand goes through <see cref="FromXmlViaXmlReader"/>, so the
    /// fields are the same either way.</remarks>
    public static Event FromXml(string xml, string? collectorMessage) =>
        TryFromXmlScanned(xml, collectorMessage) ?? FromXmlViaXmlReader(xml, collectorMessage);

    /// <summary>The mapping done with <see cref="XmlReader"/>: what the scanner falls back to, and the reference
    /// its output is tested and benchmarked against.</summary>
    public static Event FromXmlViaXmlReader(string xml, string? collectorMessage = null)
    {
        var parsed = ParsedEvent.Start(xml);
        using (var reader = CreateReader(xml))
        {
            Walk(reader, parsed);
        }

        return Build(parsed, collectorMessage);
    }

    /// <summary>The mapping done by the scanner alone, or null when the document needs the XmlReader path.</summary>
    internal static Event? TryFromXmlScanned(string xml, string? collectorMessage)
    {
        var parsed = ParsedEvent.Start(xml);
        return TryScan(xml, parsed) ? Build(parsed, collectorMessage) : null;
    }

    private static XmlTextReader CreateReader(string xml)
    {
        // XmlTextReader with Normalization off keeps "\r\n" inside values as Windows wrote them (XmlReader.Create
        // would turn it into "\n") and accepts the control characters Windows sometimes renders.
        var reader = new XmlTextReader(new StringReader(xml))
        {
            Normalization = false,
            DtdProcessing = DtdProcessing.Prohibit,
            WhitespaceHandling = WhitespaceHandling.All,
            XmlResolver = null,
        };
        return reader;
    }

    private static Event Build(ParsedEvent parsed, string? collectorMessage)
    {
        if (!parsed.SawEventId)
        {
            throw new FormatException("the event has no System/EventID");
        }

        var fields = parsed.CreateEvent();

        fields.Set("EventCode", fields["EventID"]);
        fields.Raw = parsed.Xml;
        fields.SourceType = SourceType;
        fields.Index = FieldNames.DefaultIndex;
        if (fields["Channel"].Text is { } channel)
        {
            fields.Source = SourceOf(channel);
        }

        if (fields["Computer"].Text is { } computer)
        {
            fields.Host = computer;
        }

        if (fields["SystemTime"].Text is { } systemTime && WindowsTime.TryParse(systemTime, out var time))
        {
            fields.Time = EpochTime.FromDateTimeOffset(time);
        }

        AddSectionXml(fields, parsed.Xml, "<System", "</System>", "System_Props_Xml");
        AddSectionXml(fields, parsed.Xml, "<EventData", "</EventData>", "EventData_Xml");
        AddSectionXml(fields, parsed.Xml, "<UserData", "</UserData>", "UserData_Xml");

        var message = parsed.RenderedMessage ?? collectorMessage ?? RenderFromTemplate(fields, parsed);
        if (message is { Length: > 0 })
        {
            fields.Set("Message", message);
        }

        return fields;
    }

    /// <summary>The <c>source</c> of a channel's events: a log has few channels, so each name is made once and shared by
    /// every event of the channel, not concatenated per event. A channel name met for the first time is kept; the
    /// cache stops growing at <see cref="MaxCachedSources"/> names (a hostile input naming a new channel per event).</summary>
    private static string SourceOf(string channel)
    {
        if (Sources.TryGetValue(channel, out var source))
        {
            return source;
        }

        source = SourcePrefix + channel;
        if (Sources.Count < MaxCachedSources)
        {
            Sources.TryAdd(channel, source);
        }

        return source;
    }

    private static string? RenderFromTemplate(Event fields, ParsedEvent parsed)
    {
        var provider = fields["Name"].Text;
        var eventId = fields["EventID"].Text;
        return provider is not null && eventId is not null && MessageTemplates.Has(provider, eventId)
            ? MessageTemplates.Render(provider, eventId, parsed.GetInsertions())
            : null;
    }

    /// <summary>The inner XML of a section, as the add-on's <c>EventData_Xml</c>-style extractions give it: a slice of
    /// <c>_raw</c>, not a copy (few searches read these fields).</summary>
    private static void AddSectionXml(Event fields, string xml, string startTag, string endTag, string fieldName)
    {
        var start = xml.IndexOf(startTag, StringComparison.Ordinal);
        if (start < 0)
        {
            return;
        }

        var close = xml.IndexOf('>', start);
        if (close < 0 || xml[close - 1] == '/')
        {
            return;
        }

        var end = xml.IndexOf(endTag, close, StringComparison.Ordinal);
        if (end > close + 1)
        {
            fields.Set(fieldName, FieldValue.Of(Scalar.OfSlice(xml, close + 1, end - close - 1)));
        }
    }
}
