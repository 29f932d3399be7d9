using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Ferret.Engine.GeoIp;

/// <summary>
/// A MaxMind DB file (.mmdb: GeoLite2/GeoIP2 City or Country, DB-IP lite), the format Splunk ships for iplocation.
/// Layout (MaxMind DB File Format Specification 2.0): a binary search tree of <c>node_count</c> nodes, each two
/// records of 24, 28 or 32 bits (left = bit 0, right = bit 1); 16 zero bytes; the data section; then the marker
/// <c>\xAB\xCD\xEFMaxMind.com</c> and the metadata map. A record equal to node_count means "not found"; a larger one
/// points into the data section at (record - node_count - 16). An IPv6 tree holds IPv4 addresses under ::/96.
/// The whole file is read into memory once; lookups are lock-free and decoded records are cached by offset.
/// </summary>
public sealed partial class MaxMindDatabase : GeoIpDatabase
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];
    private const int MetadataSearchWindow = 128 * 1024;

    private readonly byte[] _bytes;
    private readonly MaxMindDecoder _data;
    private readonly int _nodeCount;
    private readonly int _recordSize;
    private readonly int _nodeBytes;
    private readonly int _ipVersion;
    private readonly int _ipv4Start;
    private readonly ConcurrentDictionary<int, object?> _records = new();

    public MaxMindDatabase(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
        var markerAt = FindMetadataMarker(bytes);
        if (markerAt < 0)
        {
            throw GeoIpDatabaseException.Corrupt(path, "the MaxMind DB metadata marker was not found in the last 128 KiB (not a .mmdb file, or truncated)");
        }

        var metadataStart = markerAt + MetadataMarker.Length;
        if (new MaxMindDecoder(bytes, metadataStart, bytes.Length, path, "metadata").Decode(0) is not Dictionary<string, object?> metadata)
        {
            throw GeoIpDatabaseException.Corrupt(path, "the metadata is not a map");
        }

        Metadata = metadata;
        var major = Unsigned(metadata, "binary_format_major_version");
        if (major != 2)
        {
            throw new GeoIpDatabaseException($"the geolocation database {path} uses MaxMind DB format version {major}; Ferret reads version 2");
        }

        _nodeCount = checked((int)Unsigned(metadata, "node_count"));
        _recordSize = (int)Unsigned(metadata, "record_size");
        _ipVersion = (int)Unsigned(metadata, "ip_version");
        if (_recordSize is not (24 or 28 or 32))
        {
            throw GeoIpDatabaseException.Corrupt(path, $"record_size is {_recordSize} (must be 24, 28 or 32)");
        }

        if (_ipVersion is not (4 or 6))
        {
            throw GeoIpDatabaseException.Corrupt(path, $"ip_version is {_ipVersion} (must be 4 or 6)");
        }

        _nodeBytes = _recordSize / 4;
        var treeSize = (long)_nodeCount * _nodeBytes;
        if (treeSize + 16 > markerAt)
        {
            throw GeoIpDatabaseException.Corrupt(path, $"the search tree ({_nodeCount} nodes of {_nodeBytes} bytes) does not fit before the metadata at byte {markerAt}");
        }

        if (bytes.AsSpan((int)treeSize, 16).ContainsAnyExcept((byte)0))
        {
            throw GeoIpDatabaseException.Corrupt(path, $"the 16 zero bytes expected after the search tree at byte {treeSize} are not zero (wrong node_count or record_size)");
        }

        _data = new MaxMindDecoder(bytes, (int)treeSize + 16, markerAt, path, "data section");
        DatabaseType = metadata.GetValueOrDefault("database_type") as string ?? "unknown";
        Languages = metadata.GetValueOrDefault("languages") is List<object?> languages ? [.. languages.OfType<string>()] : ["en"];
        BuildTime = metadata.GetValueOrDefault("build_epoch") is ulong epoch ? DateTimeOffset.FromUnixTimeSeconds((long)Math.Min(epoch, (ulong)long.MaxValue / 1000)) : null;
        _ipv4Start = _ipVersion == 6 ? Ipv4StartNode() : 0;
    }

    public override string Path { get; }

    public override string Description => $"MaxMind DB {DatabaseType}" + (BuildTime is { } built ? $", built {built:yyyy-MM-dd}" : string.Empty);

    public override IReadOnlyList<string> Languages { get; }

    public string DatabaseType { get; }

    public DateTimeOffset? BuildTime { get; }

    /// <summary>The decoded metadata map (node_count, record_size, ip_version, database_type, languages, ...).</summary>
    public IReadOnlyDictionary<string, object?> Metadata { get; }

    internal static bool HasMetadataMarker(byte[] bytes) => FindMetadataMarker(bytes) >= 0;

    /// <summary>The raw record for an address (a map for city/country databases), or null when the tree has none.</summary>
    public object? FindRecord(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        int node;
        int bitCount;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            node = _ipv4Start;
            bitCount = 32;
        }
        else if (_ipVersion == 4)
        {
            return null;
        }
        else
        {
            node = 0;
            bitCount = 128;
        }

        for (var i = 0; i < bitCount && node < _nodeCount; i++)
        {
            var bit = (bytes[i >> 3] >> (7 - (i & 7))) & 1;
            node = ReadRecord(node, bit);
        }

        if (node == _nodeCount)
        {
            return null;
        }

        if (node < _nodeCount)
        {
            throw GeoIpDatabaseException.Corrupt(Path, $"the search tree is deeper than the {bitCount} bits of {address}");
        }

        var offset = node - _nodeCount - 16;
        return _records.GetOrAdd(offset, _data.Decode);
    }

    protected override GeoIpLocation? Find(IPAddress address, string language) =>
        FindRecord(address) is Dictionary<string, object?> record ? ToLocation(record, language) : null;

    /// <summary>The node reached after 96 zero bits: where IPv4 addresses start in an IPv6 tree.</summary>
    private int Ipv4StartNode()
    {
        var node = 0;
        for (var i = 0; i < 96 && node < _nodeCount; i++)
        {
            node = ReadRecord(node, 0);
        }

        return node;
    }

    private int ReadRecord(int node, int bit)
    {
        var at = (long)node * _nodeBytes;
        var b = _bytes.AsSpan((int)at, _nodeBytes);
        long value = _recordSize switch
        {
            24 => bit == 0 ? (b[0] << 16) | (b[1] << 8) | b[2] : (b[3] << 16) | (b[4] << 8) | b[5],
            // 28-bit records share the middle byte: its high nibble tops the left record, its low nibble the right.
            28 => bit == 0 ? ((b[3] & 0xF0) << 20) | (b[0] << 16) | (b[1] << 8) | b[2] : ((b[3] & 0x0F) << 24) | (b[4] << 16) | (b[5] << 8) | b[6],
            _ => bit == 0 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b) : System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(b[4..]),
        };
        if (value > _nodeCount + (long)(_data.SectionLength) + 16 || value > int.MaxValue)
        {
            throw GeoIpDatabaseException.Corrupt(Path, $"node {node} has a record {value} beyond the search tree and the data section");
        }

        return (int)value;
    }

    private static int FindMetadataMarker(byte[] bytes)
    {
        var windowStart = Math.Max(0, bytes.Length - MetadataSearchWindow);
        var at = bytes.AsSpan(windowStart).LastIndexOf(MetadataMarker);
        return at < 0 ? -1 : windowStart + at;
    }

    private ulong Unsigned(Dictionary<string, object?> metadata, string key) =>
        metadata.GetValueOrDefault(key) switch
        {
            ulong value => value,
            int value when value >= 0 => (ulong)value,
            null => throw GeoIpDatabaseException.Corrupt(Path, $"the metadata has no '{key}'"),
            var other => throw GeoIpDatabaseException.Corrupt(Path, $"the metadata's '{key}' is {other.GetType().Name}, not an unsigned integer"),
        };
}
