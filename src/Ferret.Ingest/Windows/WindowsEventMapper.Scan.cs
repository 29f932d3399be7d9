using System.Buffers;
using System.Runtime.InteropServices;

namespace Ferret.Ingest.Windows;

/// <summary>
/// The fast path of <see cref="WindowsEventMapper.FromXml(string, string?)"/>: one pass over the XML string with
/// spans, for the shape Windows renders (<c>&lt;Event xmlns=…&gt;&lt;System&gt;…&lt;/System&gt;&lt;EventData&gt;&lt;Data
/// Name='x'&gt;v&lt;/Data&gt;…</c> or <c>&lt;UserData&gt;…</c>; attributes in either quote; self-closing elements; entity
/// and character references; CDATA). It applies exactly the rules of the XmlReader walk
/// (<c>WindowsEventMapper.Walk.cs</c>) and gives up — returning false, so the caller takes the XmlReader path — on
/// anything it does not fully understand or that XmlReader might treat differently: an XML declaration, comments,
/// processing instructions, prefixed or non-ASCII names, unknown entities, control characters and surrogates, white
/// space other than spaces inside attribute values, carriage returns inside CDATA, malformed markup.
/// </summary>
public static partial class WindowsEventMapper
{
    private const int MaxScanDepth = 32;
    private const int MaxScanAttributes = 16;

    /// <summary>Characters that end a run of plain text: markup, a reference, a possible <c>]]&gt;</c>.</summary>
    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&]");

    /// <summary>Characters that need a look inside an attribute value (white space would be subject to normalization).</summary>
    private static readonly SearchValues<char> AttributeStops = SearchValues.Create("<&\t\n\r");

    /// <summary>Raw characters XML 1.0 forbids; XmlReader's handling of them is left to XmlReader.</summary>
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    private enum ScanSection
    {
        None,
        System,
        EventData,
        UserData,
        RenderingInfo,
        Other,
    }

    private static bool TryScan(string xml, ParsedEvent parsed)
    {
        var text = xml.AsSpan();
        if (text.IndexOfAny(ForbiddenControls) >= 0
            || text.IndexOfAnyInRange('\uD800', '\uDFFF') >= 0
            || text.IndexOfAnyInRange('\uFFFE', '\uFFFF') >= 0)
        {
            return false;
        }

        Span<ScanFrame> frames = stackalloc ScanFrame[MaxScanDepth];
        Span<ScanAttribute> attributes = stackalloc ScanAttribute[MaxScanAttributes];
        var pos = SkipWhiteSpace(text, 0);
        if (!TryReadStartTag(text, ref pos, attributes, out var root) || root.IsEmpty
            || !text.Slice(root.NameStart, root.NameLength).SequenceEqual("Event"))
        {
            return false;
        }

        frames[0] = new ScanFrame(root.NameStart, root.NameLength, pos);
        var depth = 1;
        var section = ScanSection.None;
        while (true)
        {
            if (!TrySkipText(text, ref pos))
            {
                return false;
            }

            if (pos + 1 >= text.Length)
            {
                return false;
            }

            switch (text[pos + 1])
            {
                case '/':
                    if (!TryReadEndTag(text, ref pos, frames[depth - 1], out var contentEnd))
                    {
                        return false;
                    }

                    depth--;
                    if (depth == 0)
                    {
                        return SkipWhiteSpace(text, pos) == text.Length;
                    }

                    if (depth == 1)
                    {
                        section = ScanSection.None;
                    }
                    else if (!frames[depth].HasChildElement)
                    {
                        OnScannedLeaf(parsed, frames[depth], depth, section, contentEnd);
                    }

                    break;
                case '!':
                    if (!TrySkipCData(text, ref pos))
                    {
                        return false;
                    }

                    break;
                default:
                    if (!TryReadStartTag(text, ref pos, attributes, out var tag) || depth >= MaxScanDepth)
                    {
                        return false;
                    }

                    Range? dataName = null;
                    if (depth == 1)
                    {
                        section = tag.IsEmpty ? ScanSection.None : SectionOf(text.Slice(tag.NameStart, tag.NameLength));
                    }
                    else
                    {
                        if (depth > 2)
                        {
                            frames[depth - 1].HasChildElement = true;
                        }

                        dataName = OnScannedElement(parsed, text, tag, attributes, depth, section);
                    }

                    if (!tag.IsEmpty)
                    {
                        frames[depth] = new ScanFrame(tag.NameStart, tag.NameLength, pos) { DataName = dataName };
                        depth++;
                    }

                    break;
            }
        }
    }

    private static ScanSection SectionOf(ReadOnlySpan<char> name) => name switch
    {
        SystemSection => ScanSection.System,
        EventDataSection => ScanSection.EventData,
        UserDataSection => ScanSection.UserData,
        RenderingInfoSection => ScanSection.RenderingInfo,
        _ => ScanSection.Other,
    };

    /// <summary>As <c>OnElement</c> in the walk, for an element below a section (depth 2 or more).</summary>
    /// <returns>For EventData's <c>Data</c>, the range of its <c>Name</c> attribute's value, if it has one.</returns>
    private static Range? OnScannedElement(ParsedEvent parsed, ReadOnlySpan<char> text, ScanTag tag,
        ReadOnlySpan<ScanAttribute> attributes, int depth, ScanSection section)
    {
        var name = text.Slice(tag.NameStart, tag.NameLength);
        Range? dataName = null;
        if (section == ScanSection.System && depth == 2)
        {
            foreach (var attribute in attributes[..tag.AttributeCount])
            {
                if (attribute.Value.GetOffsetAndLength(text.Length).Length > 0
                    && !IsNamespaceDeclaration(text[attribute.Name]))
                {
                    parsed.AddEscaped(InternName(text[attribute.Name]), DecodeContent(parsed.Xml, attribute.Value, escape: true));
                }
            }

            if (name.SequenceEqual("EventID"))
            {
                parsed.SawEventId = true;
            }
        }
        else if (section == ScanSection.EventData && depth == 2 && name.SequenceEqual("Data"))
        {
            foreach (var attribute in attributes[..tag.AttributeCount])
            {
                if (text[attribute.Name].SequenceEqual("Name"))
                {
                    dataName = attribute.Value;
                }
            }

            if (tag.IsEmpty)
            {
                AddInsertion(parsed, new Range(0, 0));
            }
        }

        return dataName;
    }

    /// <summary>As <c>OnLeafOrParentClosed</c> in the walk, for a leaf that just closed.</summary>
    private static void OnScannedLeaf(ParsedEvent parsed, ScanFrame leaf, int depth, ScanSection section, int contentEnd)
    {
        var xml = parsed.Xml;
        var content = new Range(leaf.ContentStart, contentEnd);
        var name = xml.AsSpan(leaf.NameStart, leaf.NameLength);
        switch (section)
        {
            case ScanSection.System when depth == 2:
                AddIfNotEmpty(parsed, InternName(name), content);
                break;
            case ScanSection.EventData when depth == 2 && name.SequenceEqual("Data"):
                AddInsertion(parsed, content);
                var dataName = leaf.DataName is { } nameValue ? DecodeName(xml, nameValue) : "Data";
                AddIfNotEmpty(parsed, dataName, content);
                break;
            case ScanSection.UserData when depth >= 3:
                AddInsertion(parsed, content);
                AddIfNotEmpty(parsed, InternName(name), content);
                break;
            case ScanSection.RenderingInfo when name.SequenceEqual("Message"):
                var message = DecodeContent(xml, content, escape: false);
                if (message.Length > 0)
                {
                    parsed.RenderedMessage = message;
                }

                break;
        }
    }

    private static bool IsNamespaceDeclaration(ReadOnlySpan<char> attributeName) =>
        attributeName.StartsWith(XmlnsAttribute) && (attributeName.Length == XmlnsAttribute.Length || attributeName[XmlnsAttribute.Length] == ':');

    private static void AddIfNotEmpty(ParsedEvent parsed, string name, Range content)
    {
        var value = FieldText(DecodeContent(parsed.Xml, content, escape: true));
        if (value.Length > 0)
        {
            parsed.AddEscaped(name, value);
        }
    }

    private static void AddInsertion(ParsedEvent parsed, Range content) => parsed.AddInsertionRange(content);

    private static string DecodeName(string xml, Range value)
    {
        var span = xml.AsSpan()[value];
        return span.Contains('&') ? DecodeContent(xml, value, escape: false) : InternName(span);
    }

    /// <summary>An element open while scanning: its name, where its content starts, and for EventData's
    /// <c>Data</c> the range of its <c>Name</c> attribute's value.</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct ScanFrame(int nameStart, int nameLength, int contentStart)
    {
        public readonly int NameStart = nameStart;
        public readonly int NameLength = nameLength;
        public readonly int ContentStart = contentStart;
        public bool HasChildElement;
        public Range? DataName;
    }

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct ScanTag(int NameStart, int NameLength, int AttributeCount, bool IsEmpty);

    [StructLayout(LayoutKind.Auto)]
    private readonly record struct ScanAttribute(Range Name, Range Value);
}
