using System.Text;
using System.Xml;
using Ferret.Events;

namespace Ferret.Ingest.Windows;

public static partial class WindowsEventMapper
{
    private const string SystemSection = "System";
    private const string EventDataSection = "EventData";
    private const string UserDataSection = "UserData";
    private const string RenderingInfoSection = "RenderingInfo";

    /// <summary>One pass over the XML with a stack of open elements: a leaf (an element without child
    /// elements) yields a field when it closes.</summary>
    private static void Walk(XmlReader reader, ParsedEvent parsed)
    {
        reader.MoveToContent();
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Event")
        {
            throw new FormatException($"the root element is <{reader.LocalName}>, not <Event>");
        }

        var stack = new Stack<OpenElement>(8);
        string? section = null;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    section = OnElement(reader, parsed, stack, section);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.Whitespace:
                case XmlNodeType.SignificantWhitespace:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Append(reader.Value);
                    }

                    break;
                case XmlNodeType.EndElement:
                    if (stack.Count > 0 && stack.Peek().Depth == reader.Depth)
                    {
                        OnLeafOrParentClosed(parsed, stack.Pop(), section);
                    }

                    if (reader.Depth == 1)
                    {
                        section = null;
                    }

                    break;
            }
        }
    }

    private static string? OnElement(XmlReader reader, ParsedEvent parsed, Stack<OpenElement> stack, string? section)
    {
        var depth = reader.Depth;
        var name = reader.LocalName;
        if (depth == 1)
        {
            return reader.IsEmptyElement ? null : name;
        }

        if (stack.Count > 0)
        {
            stack.Peek().HasChildElement = true;
        }

        string? dataName = null;
        if (section == SystemSection && depth == 2)
        {
            AddSystemAttributes(reader, parsed);
            if (name == "EventID")
            {
                parsed.SawEventId = true;
            }
        }
        else if (section == EventDataSection && depth == 2 && name == "Data")
        {
            dataName = reader.GetAttribute("Name");
        }

        if (reader.IsEmptyElement)
        {
            if (section == EventDataSection && depth == 2 && name == "Data")
            {
                parsed.Insertions.Add(string.Empty);
            }

            return section;
        }

        stack.Push(new OpenElement(name, depth, dataName));
        return section;
    }

    private static void AddSystemAttributes(XmlReader reader, ParsedEvent parsed)
    {
        if (!reader.MoveToFirstAttribute())
        {
            return;
        }

        do
        {
            if (reader.Prefix != "xmlns" && reader.LocalName != "xmlns" && reader.Value.Length > 0)
            {
                parsed.Add(reader.LocalName, reader.Value);
            }
        }
        while (reader.MoveToNextAttribute());

        reader.MoveToElement();
    }

    private static void OnLeafOrParentClosed(ParsedEvent parsed, OpenElement element, string? section)
    {
        if (element.HasChildElement)
        {
            return;
        }

        var text = element.Text;
        var field = FieldText(text);
        switch (section)
        {
            case SystemSection when element.Depth == 2:
                if (field.Length > 0)
                {
                    parsed.Add(element.Name, field);
                }

                break;
            case EventDataSection when element.Depth == 2 && element.Name == "Data":
                parsed.Insertions.Add(text);
                if (field.Length > 0)
                {
                    parsed.Add(element.DataName ?? "Data", field);
                }

                break;
            case UserDataSection when element.Depth >= 3:
                parsed.Insertions.Add(text);
                if (field.Length > 0)
                {
                    parsed.Add(element.Name, field);
                }

                break;
            case RenderingInfoSection when element.Name == "Message" && text.Length > 0:
                parsed.RenderedMessage = text;
                break;
        }
    }

    /// <summary>
    /// A leaf's text as a field value: without the line breaks and tabs around it. Windows lays some insertion
    /// strings out on their own indented line (4738/4742's SidHistory is "\r\n\t\t%{S-1-5-…}"), and ESCU
    /// searches compare those fields as bare values: Windows AD Same Domain SID History Addition's own test data
    /// only matches once the value starts at its first character. Spaces are kept (a command line's trailing
    /// space is part of what the process was given); <c>_raw</c> and message insertions keep the text as written.
    /// </summary>
    internal static string FieldText(string text) => text.Trim(LayoutWhitespace);

    private static readonly char[] LayoutWhitespace = ['\t', '\r', '\n'];

    /// <summary>An element still open while walking; most leaves hold one text node, so a builder is made only for more.</summary>
    private sealed class OpenElement(string name, int depth, string? dataName)
    {
        private string? _first;
        private StringBuilder? _more;

        public string Name { get; } = name;

        public int Depth { get; } = depth;

        public string? DataName { get; } = dataName;

        public bool HasChildElement { get; set; }

        public string Text => _more?.ToString() ?? _first ?? string.Empty;

        public void Append(string value)
        {
            if (_first is null)
            {
                _first = value;
                return;
            }

            _more ??= new StringBuilder(_first);
            _more.Append(value);
        }
    }

    /// <summary>What one walk collects: the fields so far (as name and escaped value, in the order met), the
    /// insertion strings in order (for message templates, unescaped) and the message Windows rendered, if the XML
    /// carries one. One per thread, reused event after event (<see cref="Start"/>): the fields go into an
    /// <see cref="Event"/> sized only once the walk is done.</summary>
    private sealed class ParsedEvent
    {
        /// <summary>Fields <see cref="Build"/> adds beside the XML's own: EventCode, _raw, sourcetype, index, source,
        /// host, _time, System_Props_Xml, EventData_Xml, UserData_Xml and Message.</summary>
        private const int BuiltFieldCount = 11;

        /// <summary>Every reader of mapped Windows events normalizes them, a hunt in place: room for what the add-ons add
        /// (aliases, calculated fields, eventtype and tag) is made at once rather than by growing the table, which would
        /// copy it. Measured on the shared EVTX corpus: Security events get 51 fields added (median; 66 at the 90th
        /// percentile), Sysmon 48 (53), every other channel 17 to 23.</summary>
        private const int SearchTimeFieldRoom = 56;

        private const int MaxKeptPairs = 1024;

        [ThreadStatic]
        private static ParsedEvent? t_current;

        private readonly List<KeyValuePair<string, string>> _pairs = new(64);

        public string Xml { get; private set; } = string.Empty;

        public List<string> Insertions { get; } = [];

        public string? RenderedMessage { get; set; }

        public bool SawEventId { get; set; }

        /// <summary>Insertion strings the scanner found, as ranges of the XML decoded only when a template needs them.</summary>
        public List<Range>? InsertionRanges { get; private set; }

        /// <summary>This thread's walk state, emptied for <paramref name="xml"/>.</summary>
        public static ParsedEvent Start(string xml)
        {
            var parsed = t_current ??= new ParsedEvent();
            parsed.Xml = xml;
            if (parsed._pairs.Capacity > MaxKeptPairs)
            {
                parsed._pairs.Capacity = MaxKeptPairs;
            }

            parsed._pairs.Clear();
            parsed.Insertions.Clear();
            parsed.InsertionRanges?.Clear();
            parsed.RenderedMessage = null;
            parsed.SawEventId = false;
            return parsed;
        }

        public void AddInsertionRange(Range range) => (InsertionRanges ??= new List<Range>(16)).Add(range);

        public List<string> GetInsertions()
        {
            if (InsertionRanges is { Count: > 0 } ranges)
            {
                Insertions.Clear();
                foreach (var range in ranges)
                {
                    Insertions.Add(DecodeContent(Xml, range, escape: false));
                }
            }

            return Insertions;
        }

        public void Add(string name, string decodedValue) => AddEscaped(name, WindowsXmlText.EscapeText(decodedValue));

        public void AddEscaped(string name, string value) => _pairs.Add(new(name, value));

        /// <summary>The fields met so far as an event with room for <see cref="Build"/>'s own and for what search-time
        /// normalization adds to it; a name met again becomes a multivalue field, its values in the order met.</summary>
        public Event CreateEvent()
        {
            var fields = new Event(_pairs.Count + BuiltFieldCount + SearchTimeFieldRoom);
            foreach (var (name, value) in _pairs)
            {
                var existing = fields[name];
                fields.Set(name, existing.IsNull
                    ? FieldValue.Of(value)
                    : FieldValue.Multi(existing.Values.Append(Scalar.Of(value))));
            }

            return fields;
        }
    }
}
