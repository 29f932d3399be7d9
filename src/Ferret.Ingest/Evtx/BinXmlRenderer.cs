using System.Text;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// Renders parsed binary XML as Windows renders an event: no whitespace between elements, empty elements
/// self-closed (<c>&lt;Correlation/&gt;</c>), attributes in single quotes (as EvtRender and Splunk's XmlWinEventLog), and an attribute whose value is an
/// optional substitution left empty by the record omitted, as Windows does (likewise an element whose
/// whole content is such a substitution, e.g. an empty <c>&lt;Binary&gt;</c>) (so <c>&lt;EventID&gt;</c> carries
/// Qualifiers only when the record has them). An element whose content is an array value is repeated once per item.
/// While rendering it fills <see cref="Outline"/> (where each element and attribute lies), from which the Windows
/// mapper takes the fields. One renderer per thread: it reuses its builder and outline.
/// </summary>
internal sealed class BinXmlRenderer(BinXmlParser parser)
{
    private const int MaximumDepth = 32;

    /// <summary>The default of <see cref="MaxRenderedChars"/> (limits.conf <c>[ferret] evtx_max_rendered_chars</c>).</summary>
    public const int DefaultMaxRenderedChars = 4 * 1024 * 1024;

    private readonly StringBuilder _builder = new(4096);
    private long _nodesVisited;

    /// <summary>Where the elements and attributes of the record rendered last lie in its XML.</summary>
    public RenderedOutline Outline { get; } = new();

    /// <summary>The most characters (and nodes) one record may render: templates nested in templates, each repeating
    /// the one before, make a few kilobytes render gigabytes (a "billion laughs" in binary XML).</summary>
    public int MaxRenderedChars { get; set; } = DefaultMaxRenderedChars;

    public string Render(BinXmlNode[] nodes)
    {
        _builder.Clear();
        _nodesVisited = 0;
        Outline.Clear();
        RenderNodes(nodes, [], XmlEscaping.Text, default, 0);
        return _builder.ToString();
    }

    private byte[] Chunk => parser.Chunk;

    private void RenderNodes(BinXmlNode[] nodes, SubstitutionValue[] values, XmlEscaping escaping, ArrayItem item, int depth)
    {
        foreach (var node in nodes)
        {
            if (++_nodesVisited > MaxRenderedChars || _builder.Length > MaxRenderedChars)
            {
                throw new EvtxFormatException(
                    $"the record renders to more than {MaxRenderedChars} characters or nodes (limit [ferret] evtx_max_rendered_chars; templates nested in templates?)");
            }

            switch (node)
            {
                case BinXmlElement element:
                    RenderElement(element, values, depth);
                    break;
                case BinXmlText text:
                    XmlEscaper.Append(_builder, text.Text, escaping);
                    break;
                case BinXmlSubstitution substitution:
                    RenderSubstitution(substitution, values, escaping, item, depth);
                    break;
                case BinXmlTemplateInstance instance:
                    RenderNodes(instance.Template.Nodes, instance.Values, escaping, default, depth + 1);
                    break;
                case BinXmlCharReference reference:
                    Outline.MarkIrregular();
                    _builder.Append("&#").Append(reference.Code).Append(';');
                    break;
                case BinXmlEntityReference entity:
                    AppendEntity(entity.Name, escaping);
                    break;
                case BinXmlCData cdata:
                    Outline.MarkIrregular();
                    _builder.Append("<![CDATA[").Append(cdata.Text).Append("]]>");
                    break;
                case BinXmlProcessingInstruction instruction:
                    Outline.MarkIrregular();
                    _builder.Append("<?").Append(instruction.Target).Append(' ').Append(instruction.Data).Append("?>");
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The five predefined entities are resolved then escaped for where they stand, so text never shows &amp;quot;.</summary>
    private void AppendEntity(string name, XmlEscaping escaping)
    {
        var character = name switch
        {
            "quot" => "\"",
            "apos" => "'",
            "amp" => "&",
            "lt" => "<",
            "gt" => ">",
            _ => null,
        };
        if (character is null)
        {
            Outline.MarkIrregular();
            _builder.Append('&').Append(name).Append(';');
            return;
        }

        XmlEscaper.Append(_builder, character, escaping);
    }

    private void RenderElement(BinXmlElement element, SubstitutionValue[] values, int depth)
    {
        if (FindArrayContent(element, values) is { } array)
        {
            var value = values[array.Index];
            var items = BinXmlValueFormatter.SplitArray(
                Chunk.AsSpan(value.Offset, value.Size), (BinXmlValueType)(value.Type & ~BinXmlToken.ArrayFlag));
            if (items.Count == 0)
            {
                // An empty array still renders its element once, empty, as libevtx does (RmApplicationEvent's <File/>).
                RenderSingleElement(element, values, default, depth);
                return;
            }

            foreach (var (offset, length) in items)
            {
                RenderSingleElement(element, values, new ArrayItem(array.Index, value.Offset + offset, length, true), depth);
            }

            return;
        }

        RenderSingleElement(element, values, default, depth);
    }

    private void RenderSingleElement(BinXmlElement element, SubstitutionValue[] values, ArrayItem item, int depth)
    {
        if (IsOmitted(element.Content, values))
        {
            return;
        }

        var outlined = Outline.OpenElement(element.Name, _builder.Length);
        _builder.Append('<').Append(element.Name);
        foreach (var attribute in element.Attributes)
        {
            if (IsOmitted(attribute.Value, values))
            {
                continue;
            }

            _builder.Append(' ').Append(attribute.Name).Append("='");
            var valueStart = _builder.Length;
            RenderNodes(attribute.Value, values, XmlEscaping.Attribute, item, depth);
            Outline.AddAttribute(outlined, attribute.Name, valueStart, _builder.Length);
            _builder.Append('\'');
        }

        _builder.Append('>');
        var contentStart = _builder.Length;
        RenderNodes(element.Content, values, XmlEscaping.Text, item, depth);
        if (_builder.Length == contentStart)
        {
            _builder.Length = contentStart - 1;
            _builder.Append("/>");
            Outline.CloseElement(outlined, contentStart - 1, contentStart - 1, _builder.Length);
        }
        else
        {
            var contentEnd = _builder.Length;
            _builder.Append("</").Append(element.Name).Append('>');
            Outline.CloseElement(outlined, contentStart, contentEnd, _builder.Length);
        }
    }

    /// <summary>Content made only of optional substitutions that this record leaves empty vanishes with its attribute or element.</summary>
    private static bool IsOmitted(BinXmlNode[] content, SubstitutionValue[] values)
    {
        foreach (var node in content)
        {
            if (node is not BinXmlSubstitution { Optional: true } substitution
                || (substitution.Index < values.Length && !values[substitution.Index].IsEmpty))
            {
                return false;
            }
        }

        return content.Length > 0;
    }

    private static BinXmlSubstitution? FindArrayContent(BinXmlElement element, SubstitutionValue[] values)
    {
        foreach (var node in element.Content)
        {
            if (node is BinXmlSubstitution substitution && substitution.Index < values.Length
                && (values[substitution.Index].Type & BinXmlToken.ArrayFlag) != 0)
            {
                return substitution;
            }
        }

        return null;
    }

    private void RenderSubstitution(
        BinXmlSubstitution substitution, SubstitutionValue[] values, XmlEscaping escaping, ArrayItem item, int depth)
    {
        if (substitution.Index >= values.Length)
        {
            return;
        }

        var value = values[substitution.Index];
        if (value.IsEmpty)
        {
            return;
        }

        var type = value.Type;
        if ((type & BinXmlToken.ArrayFlag) != 0)
        {
            var itemType = (byte)(type & ~BinXmlToken.ArrayFlag);
            if (item.IsSet && item.Index == substitution.Index)
            {
                BinXmlValueFormatter.Append(_builder, Chunk.AsSpan(item.Offset, item.Length), itemType, escaping);
                return;
            }

            RenderJoinedArray(value, itemType, escaping);
            return;
        }

        if (type == (byte)BinXmlValueType.BinXml)
        {
            if (depth >= MaximumDepth)
            {
                throw new EvtxFormatException($"embedded binary XML nested deeper than {MaximumDepth} levels at chunk offset {value.Offset}");
            }

            RenderNodes(parser.ParseFragment(value.Offset, value.Offset + value.Size, depth + 1), [], escaping, default, depth + 1);
            return;
        }

        BinXmlValueFormatter.Append(_builder, Chunk.AsSpan(value.Offset, value.Size), type, escaping);
    }

    /// <summary>An array in an attribute (or beside other content) cannot repeat its element: its items are comma-separated.</summary>
    private void RenderJoinedArray(SubstitutionValue value, byte itemType, XmlEscaping escaping)
    {
        var items = BinXmlValueFormatter.SplitArray(Chunk.AsSpan(value.Offset, value.Size), (BinXmlValueType)itemType);
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _builder.Append(',');
            }

            BinXmlValueFormatter.Append(_builder, Chunk.AsSpan(value.Offset + items[i].Offset, items[i].Length), itemType, escaping);
        }
    }

    /// <summary>The array item an element repetition renders in place of its array substitution.</summary>
    private readonly record struct ArrayItem(int Index, int Offset, int Length, bool IsSet);
}
