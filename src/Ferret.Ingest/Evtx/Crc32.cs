namespace Ferret.Ingest.Evtx;

/// <summary>
/// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the checksum EVTX headers and record areas carry.
/// Slicing-by-4 tables keep a whole chunk's check cheap next to decoding it.
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Tables = BuildTables();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Start, data));

    public const uint Start = 0xFFFFFFFFu;

    public static uint Finish(uint state) => ~state;

    public static uint Append(uint state, ReadOnlySpan<byte> data)
    {
        var tables = Tables;
        var crc = state;
        var i = 0;
        for (; i + 4 <= data.Length; i += 4)
        {
            crc ^= (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
            crc = tables[(3 * 256) + (crc & 0xFF)]
                ^ tables[(2 * 256) + ((crc >> 8) & 0xFF)]
                ^ tables[256 + ((crc >> 16) & 0xFF)]
                ^ tables[crc >> 24];
        }

        for (; i < data.Length; i++)
        {
            crc = tables[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTables()
    {
        var tables = new uint[4 * 256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            tables[n] = c;
        }

        for (var n = 0; n < 256; n++)
        {
            for (var t = 1; t < 4; t++)
            {
                var previous = tables[((t - 1) * 256) + n];
                tables[(t * 256) + n] = tables[previous & 0xFF] ^ (previous >> 8);
            }
        }

        return tables;
    }
}
