using System.Text;
using System.Text.Json;
using System.Xml;

namespace Ferret.Ingest.Evtx;

public sealed partial class EvtxRecord
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// The record as one JSON object in the style of evtx_dump's JSON output: <c>{"Event":{"#attributes":{"xmlns":...},
    /// "System":{"Provider":{"#attributes":{"Name":...}},"EventID":"4624",...},"EventData":{"SubjectUserSid":"S-1-5-18",...}}}</c>.
    /// Rules: an element's attributes go under "#attributes"; its text alone becomes its value (or "#text" beside
    /// attributes or children); an empty element is null; repeated child names become an array; a
    /// <c>&lt;Data Name="X"&gt;</c> element becomes the property X (unnamed Data elements stay "Data"). Values are the
    /// strings Windows renders: the XML carries no types, so no number or boolean is guessed.
    /// </summary>
    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
            try
            {
                using var reader = XmlReader.Create(new StringReader(Xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = false });
                document.Load(reader);
            }
            catch (XmlException e)
            {
                // Not expected from the renderer; the event is still handed over, as its XML, rather than lost.
                writer.WriteStartObject();
                writer.WriteString("#xml", Xml);
                writer.WriteString("#error", e.Message);
                writer.WriteEndObject();
                writer.Flush();
                return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            }

            writer.WriteStartObject();
            if (document.DocumentElement is { } root)
            {
                writer.WritePropertyName(root.LocalName);
                WriteElement(writer, root);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteElement(Utf8JsonWriter writer, XmlElement element)
    {
        var children = element.ChildNodes.OfType<XmlElement>().ToList();
        var text = string.Concat(element.ChildNodes.OfType<XmlNode>()
            .Where(n => n.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            .Select(n => n.Value));
        var attributes = element.Attributes.OfType<XmlAttribute>().ToList();
        if (attributes.Count == 0 && children.Count == 0)
        {
            if (text.Length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(text);
            }

            return;
        }

        writer.WriteStartObject();
        if (attributes.Count > 0)
        {
            writer.WriteStartObject("#attributes");
            foreach (var attribute in attributes)
            {
                writer.WriteString(attribute.LocalName == "xmlns" ? "xmlns" : attribute.Name, attribute.Value);
            }

            writer.WriteEndObject();
        }

        if (text.Length > 0 && !string.IsNullOrWhiteSpace(text))
        {
            writer.WriteString("#text", text);
        }

        foreach (var group in children.GroupBy(JsonName))
        {
            writer.WritePropertyName(group.Key);
            var members = group.ToList();
            if (members.Count == 1)
            {
                WriteMember(writer, members[0]);
                continue;
            }

            writer.WriteStartArray();
            foreach (var member in members)
            {
                WriteMember(writer, member);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>A named Data element contributes its value under its Name; everything else is written as an element.</summary>
    private static void WriteMember(Utf8JsonWriter writer, XmlElement element)
    {
        if (IsNamedData(element))
        {
            var value = element.InnerText;
            if (value.Length == 0)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }

            return;
        }

        WriteElement(writer, element);
    }

    private static string JsonName(XmlElement element) =>
        IsNamedData(element) ? element.GetAttribute("Name") : element.LocalName;

    private static bool IsNamedData(XmlElement element) =>
        element.LocalName == "Data" && element.Attributes.Count == 1 && element.HasAttribute("Name")
        && !element.ChildNodes.OfType<XmlElement>().Any();
}
