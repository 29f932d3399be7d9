namespace Ferret.Ingest.Evtx;

internal sealed partial class BinXmlParser
{
    private const int TemplateDefinitionHeaderSize = 24;

    /// <summary>
    /// A template instance: token, a byte, the template id (4), the definition's chunk offset (4); the definition
    /// follows inline when that offset is where we stand (first use in the chunk), then the substitution values:
    /// a count (4), that many (size u16, type u8, padding u8) descriptors, then the value bytes one after another.
    /// </summary>
    private BinXmlTemplateInstance ParseTemplateInstance(ref int position, int end, int depth)
    {
        Require(position, 10, end);
        var definitionOffset = ReadInt32(position + 6);
        position += 10;
        BinXmlTemplate template;
        if (definitionOffset == position)
        {
            Require(position, TemplateDefinitionHeaderSize, end);
            var dataSize = ReadInt32(position + 20);
            Require(position + TemplateDefinitionHeaderSize, dataSize, end);
            template = GetTemplate(definitionOffset, depth);
            position += TemplateDefinitionHeaderSize + dataSize;
        }
        else
        {
            template = GetTemplate(definitionOffset, depth);
        }

        return new BinXmlTemplateInstance(template, ParseSubstitutionValues(ref position, end));
    }

    private BinXmlTemplate GetTemplate(int definitionOffset, int depth)
    {
        if (_templates.TryGetValue(definitionOffset, out var cached))
        {
            return cached;
        }

        if (definitionOffset < EvtxLayout.ChunkHeaderSize || definitionOffset + TemplateDefinitionHeaderSize > _chunk.Length)
        {
            throw new EvtxFormatException($"template definition offset {definitionOffset} is outside the chunk");
        }

        var dataSize = ReadInt32(definitionOffset + 20);
        var start = definitionOffset + TemplateDefinitionHeaderSize;
        if (dataSize < 0 || start + dataSize > _chunk.Length)
        {
            throw new EvtxFormatException($"template at chunk offset {definitionOffset} claims {dataSize} bytes, past the end of the chunk");
        }

        var template = new BinXmlTemplate(definitionOffset, ParseFragment(start, start + dataSize, depth + 1, inTemplate: true));
        _templates[definitionOffset] = template;
        return template;
    }

    private SubstitutionValue[] ParseSubstitutionValues(ref int position, int end)
    {
        Require(position, 4, end);
        var count = ReadInt32(position);
        position += 4;
        if (count < 0 || (long)count * 4 > end - position)
        {
            throw new EvtxFormatException($"{count} substitution values do not fit in the record (chunk offset {position - 4})");
        }

        var values = new SubstitutionValue[count];
        var valueOffset = position + (count * 4);
        for (var i = 0; i < count; i++)
        {
            var descriptor = position + (i * 4);
            var size = ReadUInt16(descriptor);
            var type = _chunk[descriptor + 2];
            Require(valueOffset, size, end);
            values[i] = new SubstitutionValue(valueOffset, size, type);
            valueOffset += size;
        }

        position = valueOffset;
        return values;
    }
}
