namespace Ferret.Ingest.Evtx;

/// <summary>
/// Where each element and attribute of one rendered record sits in its XML: written by <see cref="BinXmlRenderer"/>
/// while it renders, so the Windows mapper can take the fields from the binary XML walk itself instead of reading the
/// rendered text again. Elements are in document order; positions are character offsets into the rendered XML.
/// Markup whose text would need decoding (CDATA, processing instructions, character and unknown entity references)
/// marks the outline <see cref="HasIrregularMarkup"/>, and the mapper then reads the XML text as it reads any other.
/// One outline per renderer, reused record after record.
/// </summary>
internal sealed class RenderedOutline
{
    private OutlineElement[] _elements = new OutlineElement[64];
    private OutlineAttribute[] _attributes = new OutlineAttribute[64];
    private int[] _open = new int[16];
    private int _openCount;

    public int ElementCount { get; private set; }

    public int AttributeCount { get; private set; }

    /// <summary>True when the record holds markup the outline does not describe (see the class remarks).</summary>
    public bool HasIrregularMarkup { get; private set; }

    public ReadOnlySpan<OutlineElement> Elements => _elements.AsSpan(0, ElementCount);

    public ReadOnlySpan<OutlineAttribute> Attributes => _attributes.AsSpan(0, AttributeCount);

    public void Clear()
    {
        ElementCount = 0;
        AttributeCount = 0;
        _openCount = 0;
        HasIrregularMarkup = false;
    }

    public void MarkIrregular() => HasIrregularMarkup = true;

    /// <summary>An element starts at <paramref name="tagStart"/>; returns its index for <see cref="CloseElement"/>.</summary>
    public int OpenElement(string name, int tagStart)
    {
        if (_openCount > 0)
        {
            _elements[_open[_openCount - 1]].HasChildElement = true;
        }

        if (ElementCount == _elements.Length)
        {
            Array.Resize(ref _elements, _elements.Length * 2);
        }

        if (_openCount == _open.Length)
        {
            Array.Resize(ref _open, _open.Length * 2);
        }

        var index = ElementCount++;
        _elements[index] = new OutlineElement
        {
            Name = name,
            Depth = _openCount,
            TagStart = tagStart,
            FirstAttribute = AttributeCount,
        };
        _open[_openCount++] = index;
        return index;
    }

    /// <summary>An attribute of the element opened last, its value rendered between the two offsets.</summary>
    public void AddAttribute(int element, string name, int valueStart, int valueEnd)
    {
        if (ElementCount != element + 1)
        {
            // An element rendered inside an attribute value (embedded binary XML) is not markup the mapper reads.
            HasIrregularMarkup = true;
            return;
        }

        if (AttributeCount == _attributes.Length)
        {
            Array.Resize(ref _attributes, _attributes.Length * 2);
        }

        _attributes[AttributeCount++] = new OutlineAttribute(name, valueStart, valueEnd);
        _elements[element].AttributeCount++;
    }

    /// <summary>The element's content lies between the two offsets (equal for a self-closed element); it ends at <paramref name="end"/>.</summary>
    public void CloseElement(int element, int contentStart, int contentEnd, int end)
    {
        ref var closing = ref _elements[element];
        closing.ContentStart = contentStart;
        closing.ContentEnd = contentEnd;
        closing.End = end;
        _openCount--;
    }
}

/// <summary>One rendered element: its name, nesting depth (0 for the root), where its start tag begins, where its
/// content lies, where it ends, and its attributes (a range of <see cref="RenderedOutline.Attributes"/>).</summary>
internal struct OutlineElement
{
    public string Name;
    public int Depth;
    public int TagStart;
    public int ContentStart;
    public int ContentEnd;
    public int End;
    public int FirstAttribute;
    public int AttributeCount;
    public bool HasChildElement;

    public readonly bool IsEmpty => ContentStart == ContentEnd;
}

/// <summary>One rendered attribute: its name and where its (escaped) value lies.</summary>
internal readonly record struct OutlineAttribute(string Name, int ValueStart, int ValueEnd);
