using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ferret.Engine.GeoIp;

/// <summary>
/// One legacy GeoIP database file (the ".dat" format of MaxMind's retired GeoIP C library), country editions only:
/// "GeoIP Country Edition" (IPv4, database type 1) and "GeoIP Country V6 Edition" (type 12). The file is a binary
/// tree from byte 0: node N is 6 bytes at N * 6, a left and a right record of 3 little-endian bytes each. Walking
/// the address from its top bit, a record below 16776960 (0xFFFF00, the "country begin" segment) is the next node;
/// one at or above it is 16776960 + a country index (0 = none). The last 20 bytes may hold the structure info:
/// three 0xFF bytes then the database type (types above 105 are stored plus 105). A file with no structure info
/// is an IPv4 country edition (what the library assumes).
/// </summary>
internal sealed class LegacyGeoIpFile
{
    private const int CountryBegin = 16776960;
    private const int RecordBytes = 3;
    private const int StructureInfoMaxSize = 20;
    private const int CountryEdition = 1;
    private const int CountryEditionV6 = 12;

    private readonly byte[] _bytes;

    private LegacyGeoIpFile(string path, byte[] bytes, bool isIPv6, string? info)
    {
        Path = path;
        _bytes = bytes;
        IsIPv6 = isIPv6;
        Info = info;
    }

    public string Path { get; }

    public bool IsIPv6 { get; }

    /// <summary>The build text the file carries (e.g. "GEO-106FREE 20240704 Build 1 ..."), when present.</summary>
    public string? Info { get; }

    public static LegacyGeoIpFile Parse(string path, byte[] bytes)
    {
        if (bytes.Length < 2 * RecordBytes)
        {
            throw GeoIpDatabaseException.Corrupt(path, $"the file has {bytes.Length} bytes, too few for a legacy GeoIP database (or an .mmdb file without its metadata)");
        }

        var type = 0;
        for (var i = 0; i < StructureInfoMaxSize; i++)
        {
            var at = bytes.Length - RecordBytes - i;
            if (at < 1)
            {
                break;
            }

            if (at + 3 < bytes.Length && bytes[at] == 0xFF && bytes[at + 1] == 0xFF && bytes[at + 2] == 0xFF)
            {
                type = bytes[at + 3] >= 106 ? bytes[at + 3] - 105 : bytes[at + 3];
                break;
            }
        }

        if (type == 0)
        {
            if (!path.EndsWith(".dat", StringComparison.OrdinalIgnoreCase))
            {
                throw new GeoIpDatabaseException($"the geolocation database {path} is neither a MaxMind DB (no metadata marker) nor a legacy GeoIP database (no structure info, and not named .dat)");
            }

            type = CountryEdition;
        }

        if (type is not (CountryEdition or CountryEditionV6))
        {
            throw new GeoIpDatabaseException($"the geolocation database {path} is a legacy GeoIP database of type {type}; Ferret reads only the country editions (type 1, and 12 for IPv6)");
        }

        CheckTree(path, bytes, type == CountryEditionV6 ? 128 : 32);
        return new LegacyGeoIpFile(path, bytes, type == CountryEditionV6, ReadInfo(bytes));
    }

    /// <summary>
    /// Walks every node reachable from the root once: each record must be a node inside the file or a country index
    /// of the table, and no path may be deeper than the address. A truncated or damaged file fails here, when opened,
    /// rather than giving answers from bytes that are not the tree.
    /// </summary>
    private static void CheckTree(string path, byte[] bytes, int depth)
    {
        var nodes = bytes.Length / (2 * RecordBytes);
        var level = new List<int> { 0 };
        var seen = new System.Collections.BitArray(nodes);
        seen[0] = true;
        for (var bit = 0; level.Count > 0; bit++)
        {
            if (bit >= depth)
            {
                throw GeoIpDatabaseException.Corrupt(path, $"the tree is deeper than the {depth} bits of an address");
            }

            var next = new List<int>();
            foreach (var node in level)
            {
                for (var side = 0; side < 2; side++)
                {
                    var at = (node * 2 * RecordBytes) + (side * RecordBytes);
                    var record = bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
                    if (record >= CountryBegin)
                    {
                        if (record - CountryBegin >= LegacyCountryTable.Count)
                        {
                            throw GeoIpDatabaseException.Corrupt(path, $"node {node} holds country index {record - CountryBegin}, beyond the {LegacyCountryTable.Count} known countries");
                        }
                    }
                    else if (record >= nodes)
                    {
                        throw GeoIpDatabaseException.Corrupt(path, $"node {node} leads to node {record}, beyond the end of the file ({bytes.Length} bytes hold {nodes} nodes)");
                    }
                    else if (!seen[record])
                    {
                        seen[record] = true;
                        next.Add(record);
                    }
                }
            }

            level = next;
        }
    }

    /// <summary>The country index for an address (0 = none); IPv4 addresses in an IPv6 file are looked up as ::a.b.c.d.</summary>
    public int CountryIndex(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (IsIPv6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes = [.. new byte[12], .. bytes];
        }
        else if (!IsIPv6 && address.AddressFamily != AddressFamily.InterNetwork)
        {
            return 0;
        }

        var offset = 0;
        for (var bit = 0; bit < bytes.Length * 8; bit++)
        {
            var at = ((long)offset * 2 * RecordBytes) + ((((bytes[bit >> 3] >> (7 - (bit & 7))) & 1) == 1) ? RecordBytes : 0);
            if (at + RecordBytes > _bytes.Length)
            {
                throw GeoIpDatabaseException.Corrupt(Path, $"node {offset} lies beyond the end of the file ({_bytes.Length} bytes) while looking up {address}");
            }

            var record = _bytes[at] | (_bytes[at + 1] << 8) | (_bytes[at + 2] << 16);
            if (record >= CountryBegin)
            {
                return record - CountryBegin;
            }

            offset = record;
        }

        throw GeoIpDatabaseException.Corrupt(Path, $"the tree is deeper than the {bytes.Length * 8} bits of {address}");
    }

    /// <summary>The database info text: after three zero bytes near the end (the library looks back up to 100 bytes).</summary>
    private static string? ReadInfo(byte[] bytes)
    {
        var tail = bytes.AsSpan(Math.Max(0, bytes.Length - 3 - 100));
        var marker = tail.LastIndexOf((ReadOnlySpan<byte>)[0, 0, 0]);
        if (marker < 0)
        {
            return null;
        }

        var text = tail[(marker + 3)..];
        var end = text.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xFF, 0xFF]);
        return Encoding.Latin1.GetString(end < 0 ? text : text[..end]).Trim();
    }
}
