using System.Globalization;
using System.Xml;

namespace Ferret.Server.Rest;

/// <summary>One Atom entry of splunkd's REST answers: a title (the entity's name), its link, and its content as a
/// <c>s:dict</c> of keys (strings, lists of strings, or nested dicts).</summary>
internal sealed record AtomEntry(string Title, string Link, IReadOnlyList<KeyValuePair<string, object?>> Content);

/// <summary>
/// Writes splunkd's Atom feeds (namespaces Atom, <c>s</c> = http://dev.splunk.com/ns/rest and OpenSearch), the shape
/// splunk-sdk-python reads for entities and collections (its <c>data.load</c>), and their JSON form for
/// <c>output_mode=json</c>.
/// </summary>
internal static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Rest = "http://dev.splunk.com/ns/rest";
    private const string OpenSearch = "http://a9.com/-/spec/opensearch/1.1/";

    public static string Feed(string title, string id, IReadOnlyList<AtomEntry> entries, DateTimeOffset updated, int offset = 0)
    {
        return Write(xml =>
        {
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xmlns", "s", null, Rest);
            xml.WriteAttributeString("xmlns", "opensearch", null, OpenSearch);
            xml.WriteElementString("title", Atom, title);
            xml.WriteElementString("id", Atom, id);
            xml.WriteElementString("updated", Atom, Time(updated));
            xml.WriteStartElement("generator", Atom);
            xml.WriteAttributeString("build", ServerInfo.Build);
            xml.WriteAttributeString("version", ServerInfo.Version);
            xml.WriteEndElement();
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, "Splunk");
            xml.WriteEndElement();
            xml.WriteElementString("totalResults", OpenSearch, entries.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("itemsPerPage", OpenSearch, entries.Count.ToString(CultureInfo.InvariantCulture));
            xml.WriteElementString("startIndex", OpenSearch, offset.ToString(CultureInfo.InvariantCulture));
            foreach (var entry in entries)
            {
                WriteEntry(xml, entry, updated);
            }

            xml.WriteEndElement();
        });
    }

    /// <summary>A lone entry at the root, as <c>search/jobs/{sid}</c> answers.</summary>
    public static string Entry(AtomEntry entry, DateTimeOffset updated) => Write(xml => WriteEntry(xml, entry, updated, root: true));

    /// <summary>The JSON form: <c>{"entry": [{"name", "id", "content": {...}}], "paging": {...}}</c>.</summary>
    public static Dictionary<string, object?> Json(IReadOnlyList<AtomEntry> entries, int offset = 0) => new()
    {
        ["links"] = new Dictionary<string, string>(),
        ["generator"] = new Dictionary<string, string> { ["build"] = ServerInfo.Build, ["version"] = ServerInfo.Version },
        ["entry"] = entries.Select(e => new Dictionary<string, object?>
        {
            ["name"] = e.Title,
            ["id"] = e.Link,
            ["links"] = new Dictionary<string, string> { ["alternate"] = e.Link },
            ["author"] = "admin",
            ["acl"] = Acl(),
            ["content"] = e.Content.ToDictionary(k => k.Key, k => k.Value),
        }).ToList(),
        ["paging"] = new Dictionary<string, int> { ["total"] = entries.Count, ["perPage"] = entries.Count, ["offset"] = offset },
        ["messages"] = Array.Empty<object>(),
    };

    public static Dictionary<string, object?> Acl(string app = "search", string owner = "admin") => new()
    {
        ["app"] = app,
        ["owner"] = owner,
        ["sharing"] = "global",
        ["modifiable"] = "1",
        ["can_write"] = "1",
    };

    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static void WriteEntry(XmlWriter xml, AtomEntry entry, DateTimeOffset updated, bool root = false)
    {
        xml.WriteStartElement("entry", Atom);
        if (root)
        {
            xml.WriteAttributeString("xmlns", "s", null, Rest);
            xml.WriteAttributeString("xmlns", "opensearch", null, OpenSearch);
        }

        xml.WriteElementString("title", Atom, entry.Title);
        xml.WriteElementString("id", Atom, entry.Link);
        xml.WriteElementString("updated", Atom, Time(updated));
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("href", entry.Link);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteEndElement();
        xml.WriteStartElement("author", Atom);
        xml.WriteElementString("name", Atom, "admin");
        xml.WriteEndElement();
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "text/xml");
        WriteDict(xml, entry.Content);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteDict(XmlWriter xml, IEnumerable<KeyValuePair<string, object?>> values)
    {
        xml.WriteStartElement("s", "dict", Rest);
        foreach (var (key, value) in values)
        {
            xml.WriteStartElement("s", "key", Rest);
            xml.WriteAttributeString("name", key);
            WriteValue(xml, value);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteValue(XmlWriter xml, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case IEnumerable<KeyValuePair<string, object?>> dict:
                WriteDict(xml, dict);
                break;
            case IEnumerable<string> list:
                xml.WriteStartElement("s", "list", Rest);
                foreach (var item in list)
                {
                    xml.WriteElementString("s", "item", Rest, item);
                }

                xml.WriteEndElement();
                break;
            case bool flag:
                xml.WriteString(flag ? "1" : "0");
                break;
            case IFormattable formattable:
                xml.WriteString(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                xml.WriteString(XmlSafe(value.ToString() ?? string.Empty));
                break;
        }
    }

    /// <summary>Drops the characters XML 1.0 cannot carry (control characters a log may hold).</summary>
    internal static string XmlSafe(string text) =>
        text.Any(c => !XmlConvert.IsXmlChar(c)) ? new string([.. text.Where(XmlConvert.IsXmlChar)]) : text;

    private static string Write(Action<XmlWriter> body)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), CheckCharacters = false };
        using var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, settings))
        {
            xml.WriteStartDocument();
            body(xml);
        }

        return text.ToString();
    }

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override System.Text.Encoding Encoding => new System.Text.UTF8Encoding(false);
    }
}
