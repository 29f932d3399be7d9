using System.Buffers;
using Ferret.Events;
using Ferret.Ingest.Evtx;

namespace Ferret.Ingest.Windows;

/// <summary>
/// The mapping of an EVTX record straight from the binary XML walk that rendered it: the renderer's
/// <see cref="RenderedOutline"/> says where each element, attribute and text lies in <c>_raw</c>, so the fields are
/// cut from <c>_raw</c> without reading it again. It applies exactly the rules of the scanner
/// (<c>WindowsEventMapper.Scan.cs</c>) and gives up (null) wherever the scanner would hand the document to
/// XmlReader, or where the rendered text would need decoding; the caller then maps the XML text as any other.
/// </summary>
public static partial class WindowsEventMapper
{
    /// <summary>What the scanner refuses anywhere in a document, plus character references (which decode to other text).</summary>
    private static readonly SearchValues<char> RenderedStops = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\uFFFE\uFFFF");

    private static readonly SearchValues<char> AttributeWhiteSpace = SearchValues.Create("\t\n\r");

    /// <summary>The event of a record rendered to <paramref name="xml"/> with <paramref name="outline"/>, or null when
    /// the XML text must be mapped instead (<see cref="FromXml(string)"/>).</summary>
    internal static Event? TryFromRendered(string xml, RenderedOutline outline)
    {
        var elements = outline.Elements;
        if (outline.HasIrregularMarkup || elements.Length == 0 || !IsPlainRenderedText(xml))
        {
            return null;
        }

        var root = elements[0];
        if (root.Name != "Event" || root.TagStart != 0 || root.IsEmpty || root.End != xml.Length
            || !AreScannableAttributes(xml, outline.Attributes.Slice(root.FirstAttribute, root.AttributeCount)))
        {
            return null;
        }

        var parsed = ParsedEvent.Start(xml);
        var section = ScanSection.None;
        for (var i = 1; i < elements.Length; i++)
        {
            var element = elements[i];
            var attributes = outline.Attributes.Slice(element.FirstAttribute, element.AttributeCount);
            if (element.Depth is 0 or >= MaxScanDepth || !IsScannableName(element.Name) || !AreScannableAttributes(xml, attributes))
            {
                return null;
            }

            if (element.Depth == 1)
            {
                section = element.IsEmpty ? ScanSection.None : SectionOf(element.Name);
                continue;
            }

            var dataName = OnRenderedElement(parsed, xml, element, attributes, section);
            if (!element.IsEmpty && !element.HasChildElement)
            {
                OnRenderedLeaf(parsed, xml, element, section, dataName);
            }
        }

        return Build(parsed, collectorMessage: null);
    }

    /// <summary>No character the scanner refuses, no surrogate, and no character reference (<c>&amp;#</c>): the renderer
    /// writes those for control characters and they decode to text other than <c>_raw</c>'s.</summary>
    private static bool IsPlainRenderedText(string xml)
    {
        var text = xml.AsSpan();
        return text.IndexOfAny(RenderedStops) < 0 && text.IndexOfAnyInRange('\uD800', '\uDFFF') < 0
            && !text.Contains("&#", StringComparison.Ordinal);
    }

    /// <summary>As <c>OnScannedElement</c>: System attributes become fields; EventData's <c>Data</c> is named by its
    /// <c>Name</c> attribute (returned), and an empty one is an empty insertion string.</summary>
    private static string? OnRenderedElement(
        ParsedEvent parsed, string xml, OutlineElement element, ReadOnlySpan<OutlineAttribute> attributes, ScanSection section)
    {
        if (section == ScanSection.System && element.Depth == 2)
        {
            foreach (var attribute in attributes)
            {
                if (attribute.ValueEnd > attribute.ValueStart && !IsNamespaceDeclaration(attribute.Name))
                {
                    parsed.AddEscaped(attribute.Name, SystemValue(xml, attribute, IsRecurringSystemValue(attribute.Name)));
                }
            }

            if (element.Name == "EventID")
            {
                parsed.SawEventId = true;
            }

            return null;
        }

        if (section != ScanSection.EventData || element.Depth != 2 || element.Name != "Data")
        {
            return null;
        }

        string? dataName = null;
        foreach (var attribute in attributes)
        {
            if (attribute.Name == "Name")
            {
                dataName = DecodeName(xml, new Range(attribute.ValueStart, attribute.ValueEnd));
            }
        }

        if (element.IsEmpty)
        {
            AddInsertion(parsed, new Range(0, 0));
        }

        return dataName;
    }

    /// <summary>As <c>OnScannedLeaf</c>. A leaf's rendered text holds no reference but &amp;amp; &amp;lt; &amp;gt;
    /// (the outline is regular and the text has no <c>&amp;#</c>), so decoding it and escaping it again gives it back
    /// unchanged: the field is the text itself, trimmed as <see cref="FieldText"/> trims.</summary>
    private static void OnRenderedLeaf(ParsedEvent parsed, string xml, OutlineElement leaf, ScanSection section, string? dataName)
    {
        var content = new Range(leaf.ContentStart, leaf.ContentEnd);
        switch (section)
        {
            case ScanSection.System when leaf.Depth == 2:
                AddTrimmed(parsed, xml, leaf.Name, content, shared: IsRecurringSystemValue(leaf.Name));
                break;
            case ScanSection.EventData when leaf.Depth == 2 && leaf.Name == "Data":
                AddInsertion(parsed, content);
                AddTrimmed(parsed, xml, dataName ?? "Data", content, shared: false);
                break;
            case ScanSection.UserData when leaf.Depth >= 3:
                AddInsertion(parsed, content);
                AddTrimmed(parsed, xml, leaf.Name, content, shared: false);
                break;
            case ScanSection.RenderingInfo when leaf.Name == "Message":
                var message = DecodeContent(xml, content, escape: false);
                if (message.Length > 0)
                {
                    parsed.RenderedMessage = message;
                }

                break;
        }
    }

    private static void AddTrimmed(ParsedEvent parsed, string xml, string name, Range content, bool shared)
    {
        var (start, length) = content.GetOffsetAndLength(xml.Length);
        var span = xml.AsSpan(start, length);
        var trimmedStart = span.Length - span.TrimStart(LayoutWhitespace).Length;
        var trimmed = span[trimmedStart..].TrimEnd(LayoutWhitespace);
        if (trimmed.Length > 0)
        {
            parsed.AddEscaped(name, shared ? SharedValue(trimmed) : trimmed.ToString());
        }
    }

    /// <summary>A System attribute's value as the scanner decodes it; a value that recurs from event to event is shared.</summary>
    private static string SystemValue(string xml, OutlineAttribute attribute, bool recurring)
    {
        var value = new Range(attribute.ValueStart, attribute.ValueEnd);
        var span = xml.AsSpan()[value];
        return span.Contains('&') ? DecodeContent(xml, value, escape: true)
            : recurring ? SharedValue(span)
            : span.ToString();
    }

    /// <summary>System values that take few distinct values in a log (provider, level, channel, computer, user…), as
    /// opposed to those unique to nearly every event (record ID, time, thread, activity).</summary>
    private static bool IsRecurringSystemValue(string name) =>
        name is not ("EventRecordID" or "SystemTime" or "ThreadID" or "ActivityID" or "RelatedActivityID");

    /// <summary>Whether the scanner reads all of <paramref name="name"/> as one name (<see cref="TryReadName"/>): so no
    /// prefix (attribute names may be <c>xmlns:</c>-prefixed).</summary>
    private static bool IsScannableName(ReadOnlySpan<char> name)
    {
        var end = 0;
        return TryReadName(name, ref end, out _) && end == name.Length;
    }

    /// <summary>Attribute names the scanner reads, no duplicate, no white space but spaces in a value (XmlReader would
    /// normalize it), and a namespace declaration never empty.</summary>
    private static bool AreScannableAttributes(string xml, ReadOnlySpan<OutlineAttribute> attributes)
    {
        if (attributes.Length > MaxScanAttributes)
        {
            return false;
        }

        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i];
            var value = xml.AsSpan(attribute.ValueStart, attribute.ValueEnd - attribute.ValueStart);
            if (!IsScannableAttributeName(attribute.Name, value.Length) || value.IndexOfAny(AttributeWhiteSpace) >= 0)
            {
                return false;
            }

            for (var j = 0; j < i; j++)
            {
                if (attributes[j].Name == attribute.Name)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsScannableAttributeName(string name, int valueLength)
    {
        var colon = name.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return IsScannableName(name);
        }

        var local = name.AsSpan(colon + 1);
        return name.AsSpan(0, colon).SequenceEqual(XmlnsAttribute) && valueLength > 0
            && IsScannableName(local) && local is not ("xml" or XmlnsAttribute);
    }
}
