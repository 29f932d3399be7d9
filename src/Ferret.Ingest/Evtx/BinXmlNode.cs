namespace Ferret.Ingest.Evtx;

/// <summary>
/// A parsed piece of binary XML. Templates are parsed once per chunk into these nodes and rendered many times
/// with each record's substitution values; nothing here points at record bytes except <see cref="BinXmlTemplateInstance"/>.
/// </summary>
internal abstract class BinXmlNode;

internal sealed class BinXmlElement(string name, BinXmlAttribute[] attributes, BinXmlNode[] content) : BinXmlNode
{
    public string Name { get; } = name;

    public BinXmlAttribute[] Attributes { get; } = attributes;

    public BinXmlNode[] Content { get; } = content;
}

internal sealed class BinXmlAttribute(string name, BinXmlNode[] value)
{
    public string Name { get; } = name;

    public BinXmlNode[] Value { get; } = value;
}

/// <summary>Literal text of a value token, already decoded (not yet escaped).</summary>
internal sealed class BinXmlText(string text) : BinXmlNode
{
    public string Text { get; } = text;
}

internal sealed class BinXmlCData(string text) : BinXmlNode
{
    public string Text { get; } = text;
}

internal sealed class BinXmlCharReference(ushort code) : BinXmlNode
{
    public ushort Code { get; } = code;
}

internal sealed class BinXmlEntityReference(string name) : BinXmlNode
{
    public string Name { get; } = name;
}

internal sealed class BinXmlProcessingInstruction(string target, string data) : BinXmlNode
{
    public string Target { get; } = target;

    public string Data { get; } = data;
}

/// <summary>A slot of a template that each record fills; an optional one vanishes (with its attribute) when empty.</summary>
internal sealed class BinXmlSubstitution(int index, BinXmlValueType declaredType, bool optional) : BinXmlNode
{
    public int Index { get; } = index;

    public BinXmlValueType DeclaredType { get; } = declaredType;

    public bool Optional { get; } = optional;
}

/// <summary>A template and the values of one use of it; the values are offsets into the chunk buffer.</summary>
internal sealed class BinXmlTemplateInstance(BinXmlTemplate template, SubstitutionValue[] values) : BinXmlNode
{
    public BinXmlTemplate Template { get; } = template;

    public SubstitutionValue[] Values { get; } = values;
}

/// <summary>A template definition, cached per chunk by the offset where it is defined.</summary>
internal sealed class BinXmlTemplate(int offset, BinXmlNode[] nodes)
{
    public int Offset { get; } = offset;

    public BinXmlNode[] Nodes { get; } = nodes;
}

/// <summary>One substitution value of a record: where its bytes are in the chunk, how many, and their type.</summary>
internal readonly record struct SubstitutionValue(int Offset, int Size, byte Type)
{
    public bool IsEmpty => Size == 0 || Type == (byte)BinXmlValueType.Null;
}
