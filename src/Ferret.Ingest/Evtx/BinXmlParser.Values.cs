namespace Ferret.Ingest.Evtx;

internal sealed partial class BinXmlParser
{
    /// <summary>Text, character and entity references, CDATA, processing instructions and substitutions.</summary>
    private BinXmlNode ParseValueNode(ref int position, int end, byte token)
    {
        var kind = (byte)(token & ~BinXmlToken.MoreDataFlag);
        switch (kind)
        {
            case BinXmlToken.Value:
                return ParseValueText(ref position, end);
            case BinXmlToken.NormalSubstitution:
            case BinXmlToken.OptionalSubstitution:
                Require(position, 4, end);
                var substitution = new BinXmlSubstitution(
                    ReadUInt16(position + 1), (BinXmlValueType)_chunk[position + 3], kind == BinXmlToken.OptionalSubstitution);
                position += 4;
                return substitution;
            case BinXmlToken.CharReference:
                Require(position, 3, end);
                var code = ReadUInt16(position + 1);
                position += 3;
                return new BinXmlCharReference(code);
            case BinXmlToken.EntityReference:
                Require(position, 5, end);
                var entityOffset = ReadInt32(position + 1);
                position += 5;
                return new BinXmlEntityReference(ReadName(entityOffset, ref position, end));
            case BinXmlToken.CDataSection:
                return new BinXmlCData(ReadLengthPrefixedText(ref position, end));
            case BinXmlToken.ProcessingInstructionTarget:
                Require(position, 5, end);
                var targetOffset = ReadInt32(position + 1);
                position += 5;
                var target = ReadName(targetOffset, ref position, end);
                var data = position < end && _chunk[position] == BinXmlToken.ProcessingInstructionData
                    ? ReadLengthPrefixedText(ref position, end)
                    : string.Empty;
                return new BinXmlProcessingInstruction(target, data);
            default:
                throw new EvtxFormatException($"unknown binary XML token 0x{token:x2} at chunk offset {position}");
        }
    }

    /// <summary>A value token: its type, then the value (a length-prefixed UTF-16 string in every file seen so far).</summary>
    private BinXmlText ParseValueText(ref int position, int end)
    {
        Require(position, 2, end);
        var type = (BinXmlValueType)_chunk[position + 1];
        position += 2;
        if (type == BinXmlValueType.String)
        {
            Require(position, 2, end);
            var characters = ReadUInt16(position);
            Require(position + 2, characters * 2, end);
            var text = ReadUtf16(position + 2, characters);
            position += 2 + (characters * 2);
            return new BinXmlText(text);
        }

        var size = BinXmlValueFormatter.FixedSize(type);
        if (size <= 0)
        {
            throw new EvtxFormatException($"value token of type 0x{(byte)type:x2} without a known size at chunk offset {position}");
        }

        Require(position, size, end);
        var builder = new System.Text.StringBuilder();
        BinXmlValueFormatter.Append(builder, _chunk.AsSpan(position, size), (byte)type);
        position += size;
        return new BinXmlText(builder.ToString());
    }

    /// <summary>CDATA and processing-instruction data: token, UTF-16 character count, characters.</summary>
    private string ReadLengthPrefixedText(ref int position, int end)
    {
        Require(position, 3, end);
        var characters = ReadUInt16(position + 1);
        Require(position + 3, characters * 2, end);
        var text = ReadUtf16(position + 3, characters);
        position += 3 + (characters * 2);
        return text;
    }

    /// <summary>
    /// A name (element, attribute, entity, PI target) lives in the chunk at <paramref name="nameOffset"/>: next-offset
    /// (4), hash (2), character count (2), UTF-16 characters, a NUL. When the offset is where we stand, the name is
    /// defined inline and the stream continues after it; otherwise it was defined earlier in the chunk.
    /// </summary>
    private string ReadName(int nameOffset, ref int position, int end)
    {
        if (nameOffset == position)
        {
            Require(position, 8, end);
            var characters = ReadUInt16(position + 6);
            var length = 8 + (characters * 2) + 2;
            Require(position, length, end);
            if (!_names.TryGetValue(nameOffset, out var inline))
            {
                inline = ReadKeptName(position + 8, characters);
                _names[nameOffset] = inline;
            }

            position += length;
            return inline;
        }

        if (_names.TryGetValue(nameOffset, out var cached))
        {
            return cached;
        }

        if (nameOffset < EvtxLayout.ChunkHeaderSize || nameOffset + 8 > _chunk.Length)
        {
            throw new EvtxFormatException($"name offset {nameOffset} is outside the chunk (at chunk offset {position})");
        }

        var count = ReadUInt16(nameOffset + 6);
        if (nameOffset + 8 + (count * 2) > _chunk.Length)
        {
            throw new EvtxFormatException($"name at chunk offset {nameOffset} runs past the end of the chunk");
        }

        var name = ReadKeptName(nameOffset + 8, count);
        _names[nameOffset] = name;
        return name;
    }
}
