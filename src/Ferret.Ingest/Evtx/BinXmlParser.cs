using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Ferret.Ingest.Evtx;

/// <summary>
/// Parses the binary XML of one chunk into <see cref="BinXmlNode"/>s. Names and template definitions are
/// referenced by their offset inside the chunk, so both are cached per chunk (<see cref="BeginChunk"/> resets
/// the caches). Every read is bounds-checked; bad bytes raise <see cref="EvtxFormatException"/> naming the offset.
/// </summary>
internal sealed partial class BinXmlParser
{
    /// <summary>Deeper nesting than this is corrupt data, not an event (Windows events nest a handful of levels).</summary>
    private const int MaximumDepth = 64;

    /// <summary>Names kept across chunks: the same few hundred element and attribute names recur in every chunk, and
    /// the mapper's field names are these strings.</summary>
    private const int MaxKeptNames = 4096;

    private readonly Dictionary<int, string> _names = [];
    private readonly HashSet<string> _keptNames = new(StringComparer.Ordinal);
    private readonly Dictionary<int, BinXmlTemplate> _templates = [];
    private byte[] _chunk = [];

    public byte[] Chunk => _chunk;

    public void BeginChunk(byte[] chunk)
    {
        _chunk = chunk;
        _names.Clear();
        _templates.Clear();
    }

    /// <summary>
    /// Parses a fragment between two chunk offsets. Start tags carry a 2-byte dependency identifier only inside
    /// template definitions; raw element content (a record without a template, or elements directly inside an
    /// embedded BinXml value, as CAPI2's UserData has) lacks it.
    /// </summary>
    public BinXmlNode[] ParseFragment(int start, int end, int depth = 0, bool inTemplate = false)
    {
        var position = start;
        return ParseNodes(ref position, end, depth, insideElement: false, inTemplate);
    }

    private BinXmlNode[] ParseNodes(ref int position, int end, int depth, bool insideElement, bool inTemplate)
    {
        if (depth > MaximumDepth)
        {
            throw new EvtxFormatException($"binary XML nested deeper than {MaximumDepth} levels at chunk offset {position}");
        }

        List<BinXmlNode>? nodes = null;
        while (position < end)
        {
            var token = _chunk[position];
            var kind = (byte)(token & ~BinXmlToken.MoreDataFlag);
            switch (kind)
            {
                case BinXmlToken.EndOfFragment:
                    position++;
                    return nodes is null ? [] : [.. nodes];
                case BinXmlToken.EndElement when insideElement:
                    position++;
                    return nodes is null ? [] : [.. nodes];
                case BinXmlToken.FragmentHeader:
                    Require(position, 4, end);
                    position += 4;
                    break;
                case BinXmlToken.OpenStartElement:
                    (nodes ??= []).Add(ParseElement(ref position, end, depth + 1, inTemplate));
                    break;
                case BinXmlToken.TemplateInstance:
                    (nodes ??= []).Add(ParseTemplateInstance(ref position, end, depth + 1));
                    break;
                default:
                    (nodes ??= []).Add(ParseValueNode(ref position, end, token));
                    break;
            }
        }

        if (insideElement)
        {
            throw new EvtxFormatException($"element content runs past the end of its data (chunk offset {end})");
        }

        return nodes is null ? [] : [.. nodes];
    }

    private BinXmlElement ParseElement(ref int position, int end, int depth, bool inTemplate)
    {
        var token = _chunk[position];
        var headerSize = inTemplate ? 11 : 9;
        Require(position, headerSize, end);
        var nameOffset = ReadInt32(position + headerSize - 4);
        position += headerSize;
        var name = ReadName(nameOffset, ref position, end);
        if ((token & BinXmlToken.MoreDataFlag) != 0)
        {
            Require(position, 4, end);
            position += 4;
        }

        List<BinXmlAttribute>? attributes = null;
        while (true)
        {
            Require(position, 1, end);
            var next = _chunk[position];
            var kind = (byte)(next & ~BinXmlToken.MoreDataFlag);
            if (kind == BinXmlToken.Attribute)
            {
                (attributes ??= []).Add(ParseAttribute(ref position, end));
                continue;
            }

            BinXmlAttribute[] attributeArray = attributes is null ? [] : [.. attributes];
            switch (kind)
            {
                case BinXmlToken.CloseEmptyElement:
                    position++;
                    return new BinXmlElement(name, attributeArray, []);
                case BinXmlToken.CloseStartElement:
                    position++;
                    return new BinXmlElement(name, attributeArray, ParseNodes(ref position, end, depth, insideElement: true, inTemplate));
                default:
                    throw new EvtxFormatException(
                        $"unexpected token 0x{next:x2} in the start tag of <{name}> at chunk offset {position}");
            }
        }
    }

    private BinXmlAttribute ParseAttribute(ref int position, int end)
    {
        Require(position, 5, end);
        var nameOffset = ReadInt32(position + 1);
        position += 5;
        var name = ReadName(nameOffset, ref position, end);
        List<BinXmlNode>? value = null;
        while (position < end && IsAttributeValueToken(_chunk[position]))
        {
            (value ??= []).Add(ParseValueNode(ref position, end, _chunk[position]));
        }

        return new BinXmlAttribute(name, value is null ? [] : [.. value]);
    }

    private static bool IsAttributeValueToken(byte token) =>
        (byte)(token & ~BinXmlToken.MoreDataFlag) is BinXmlToken.Value or BinXmlToken.NormalSubstitution
            or BinXmlToken.OptionalSubstitution or BinXmlToken.CharReference or BinXmlToken.EntityReference;

    private void Require(int position, int length, int end)
    {
        if (position < 0 || length < 0 || position + length > end || position + length > _chunk.Length)
        {
            throw new EvtxFormatException($"binary XML needs {length} bytes at chunk offset {position} but its data ends at {end}");
        }
    }

    private int ReadInt32(int offset) => BinaryPrimitives.ReadInt32LittleEndian(_chunk.AsSpan(offset));

    private ushort ReadUInt16(int offset) => BinaryPrimitives.ReadUInt16LittleEndian(_chunk.AsSpan(offset));

    private string ReadUtf16(int offset, int characters) =>
        new(MemoryMarshal.Cast<byte, char>(_chunk.AsSpan(offset, characters * 2)));

    /// <summary>A name's characters as the string this parser already holds for them, when it has one.</summary>
    private string ReadKeptName(int offset, int characters)
    {
        var text = MemoryMarshal.Cast<byte, char>(_chunk.AsSpan(offset, characters * 2));
        if (_keptNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var kept))
        {
            return kept;
        }

        var name = new string(text);
        if (_keptNames.Count < MaxKeptNames)
        {
            _keptNames.Add(name);
        }

        return name;
    }
}
