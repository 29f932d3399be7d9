namespace Ferret.Ingest.Windows;

/// <summary>The scanner's reading of markup: tags, names, attributes, text runs and CDATA sections. Each reader
/// returns false on anything outside the subset of XML the scanner handles, so the document falls back.</summary>
public static partial class WindowsEventMapper
{
    private const string CDataStart = "<![CDATA[";
    private const string CDataEnd = "]]>";
    private const string XmlnsAttribute = "xmlns";

    private static bool IsXmlWhiteSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    private static int SkipWhiteSpace(ReadOnlySpan<char> text, int pos)
    {
        while (pos < text.Length && IsXmlWhiteSpace(text[pos]))
        {
            pos++;
        }

        return pos;
    }

    /// <summary>An ASCII name without a prefix: a letter or <c>_</c>, then letters, digits, <c>_</c>, <c>-</c>, <c>.</c>.</summary>
    private static bool TryReadName(ReadOnlySpan<char> text, ref int pos, out int length)
    {
        var start = pos;
        if (pos >= text.Length || !(char.IsAsciiLetter(text[pos]) || text[pos] == '_'))
        {
            length = 0;
            return false;
        }

        pos++;
        while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '_' or '-' or '.'))
        {
            pos++;
        }

        length = pos - start;
        return true;
    }

    /// <summary>Reads <c>&lt;name attr='v' …&gt;</c> or <c>&lt;name …/&gt;</c> from the <c>&lt;</c> at <paramref name="pos"/>.</summary>
    private static bool TryReadStartTag(ReadOnlySpan<char> text, ref int pos, Span<ScanAttribute> attributes, out ScanTag tag)
    {
        tag = default;
        if (pos >= text.Length || text[pos] != '<')
        {
            return false;
        }

        pos++;
        var nameStart = pos;
        if (!TryReadName(text, ref pos, out var nameLength))
        {
            return false;
        }

        var count = 0;
        while (true)
        {
            var afterSpace = pos < text.Length && IsXmlWhiteSpace(text[pos]);
            pos = SkipWhiteSpace(text, pos);
            if (pos >= text.Length)
            {
                return false;
            }

            if (text[pos] == '>')
            {
                pos++;
                tag = new ScanTag(nameStart, nameLength, count, IsEmpty: false);
                return true;
            }

            if (text[pos] == '/')
            {
                if (pos + 1 >= text.Length || text[pos + 1] != '>')
                {
                    return false;
                }

                pos += 2;
                tag = new ScanTag(nameStart, nameLength, count, IsEmpty: true);
                return true;
            }

            if (!afterSpace || count == attributes.Length || !TryReadAttribute(text, ref pos, out var attribute)
                || IsDuplicate(text, attributes[..count], attribute))
            {
                return false;
            }

            attributes[count++] = attribute;
        }
    }

    /// <summary>Reads <c>name='value'</c> or <c>name="value"</c>. The only prefix read is <c>xmlns:</c> (a namespace
    /// declaration, as in <c>&lt;EventXML xmlns:auto-ns2='…'&gt;</c>); other prefixes would need namespace resolution.</summary>
    private static bool TryReadAttribute(ReadOnlySpan<char> text, ref int pos, out ScanAttribute attribute)
    {
        attribute = default;
        var nameStart = pos;
        if (!TryReadName(text, ref pos, out var nameLength))
        {
            return false;
        }

        var isPrefixed = pos < text.Length && text[pos] == ':';
        if (isPrefixed)
        {
            pos++;
            var localStart = pos;
            if (!text.Slice(nameStart, nameLength).SequenceEqual(XmlnsAttribute) || !TryReadName(text, ref pos, out var localLength)
                || text.Slice(localStart, localLength) is "xml" or XmlnsAttribute)
            {
                return false;
            }

            nameLength = pos - nameStart;
        }

        pos = SkipWhiteSpace(text, pos);
        if (pos >= text.Length || text[pos] != '=')
        {
            return false;
        }

        pos = SkipWhiteSpace(text, pos + 1);
        if (pos >= text.Length || text[pos] is not ('\'' or '"'))
        {
            return false;
        }

        var valueStart = pos + 1;
        var valueLength = text[valueStart..].IndexOf(text[pos]);
        if (valueLength < 0 || (isPrefixed && valueLength == 0) || !IsPlainAttributeValue(text.Slice(valueStart, valueLength)))
        {
            return false;
        }

        pos = valueStart + valueLength + 1;
        attribute = new ScanAttribute(new Range(nameStart, nameStart + nameLength), new Range(valueStart, valueStart + valueLength));
        return true;
    }

    /// <summary>No <c>&lt;</c>, only known references, and no white space other than spaces (which XmlReader
    /// might normalize).</summary>
    private static bool IsPlainAttributeValue(ReadOnlySpan<char> value)
    {
        var stop = value.IndexOfAny(AttributeStops);
        while (stop >= 0)
        {
            if (value[stop] != '&' || !TryReadReference(value, stop, out var consumed, out _))
            {
                return false;
            }

            var next = value[(stop + consumed)..].IndexOfAny(AttributeStops);
            stop = next < 0 ? -1 : stop + consumed + next;
        }

        return true;
    }

    private static bool IsDuplicate(ReadOnlySpan<char> text, ReadOnlySpan<ScanAttribute> earlier, ScanAttribute attribute)
    {
        var name = text[attribute.Name];
        foreach (var other in earlier)
        {
            if (text[other.Name].SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads <c>&lt;/name&gt;</c> closing <paramref name="open"/>; <paramref name="contentEnd"/> is where it starts.</summary>
    private static bool TryReadEndTag(ReadOnlySpan<char> text, ref int pos, ScanFrame open, out int contentEnd)
    {
        contentEnd = pos;
        pos += 2;
        var nameStart = pos;
        if (!TryReadName(text, ref pos, out var nameLength)
            || !text.Slice(nameStart, nameLength).SequenceEqual(text.Slice(open.NameStart, open.NameLength)))
        {
            return false;
        }

        pos = SkipWhiteSpace(text, pos);
        if (pos >= text.Length || text[pos] != '>')
        {
            return false;
        }

        pos++;
        return true;
    }

    /// <summary>Moves to the next <c>&lt;</c>, checking the text on the way: known references, no <c>]]&gt;</c>.
    /// Line breaks, <c>\r\n</c> or a lone <c>\r</c>, stay as written, as XmlReader without normalization keeps them.</summary>
    private static bool TrySkipText(ReadOnlySpan<char> text, ref int pos)
    {
        while (true)
        {
            var next = text[pos..].IndexOfAny(TextStops);
            if (next < 0)
            {
                return false;
            }

            pos += next;
            switch (text[pos])
            {
                case '<':
                    return true;
                case '&':
                    if (!TryReadReference(text, pos, out var consumed, out _))
                    {
                        return false;
                    }

                    pos += consumed;
                    break;
                default:
                    if (text[pos..].StartsWith(CDataEnd))
                    {
                        return false;
                    }

                    pos++;
                    break;
            }
        }
    }

    /// <summary>Skips a CDATA section (its text is read with the element's content); comments, DOCTYPE and the
    /// like are left to XmlReader.</summary>
    private static bool TrySkipCData(ReadOnlySpan<char> text, ref int pos)
    {
        if (!text[pos..].StartsWith(CDataStart))
        {
            return false;
        }

        var contentStart = pos + CDataStart.Length;
        var length = text[contentStart..].IndexOf(CDataEnd);
        if (length < 0 || text.Slice(contentStart, length).Contains('\r'))
        {
            return false;
        }

        pos = contentStart + length + CDataEnd.Length;
        return true;
    }
}
