using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ferret.Engine.Tests.GeoIp;

/// <summary>
/// Test-only writer of small MaxMind DB files, from the public format description (MaxMind DB File Format
/// Specification 2.0): networks go into a binary trie (IPv4 networks of an IPv6 tree under ::/96), nodes are
/// numbered breadth-first, each distinct record is written once in the data section, and map keys after their first
/// use are written as pointers so the reader's pointer decoding is exercised. Values: string, double, int (uint32),
/// long (uint64), bool, maps (IDictionary&lt;string, object&gt;) and arrays (object[]).
/// </summary>
internal sealed class MmdbTestWriter(int ipVersion = 6, int recordSize = 28)
{
    private static readonly byte[] MetadataMarker = [0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8];
    private readonly TrieNode _root = new();
    private readonly List<object> _records = [];

    public string DatabaseType { get; init; } = "Ferret-Test-City";

    public string[] Languages { get; init; } = ["en", "de"];

    public MmdbTestWriter Add(string cidr, object record)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]);
        var length = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = address.GetAddressBytes();
        if (ipVersion == 6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes = [.. new byte[12], .. bytes];
            length += 96;
        }

        var index = _records.IndexOf(record);
        if (index < 0)
        {
            _records.Add(record);
            index = _records.Count - 1;
        }

        var node = _root;
        for (var bit = 0; bit < length; bit++)
        {
            var side = (bytes[bit >> 3] >> (7 - (bit & 7))) & 1;
            if (bit == length - 1)
            {
                node.Data[side] = index;
            }
            else
            {
                node.Children[side] ??= new TrieNode();
                node = node.Children[side]!;
            }
        }

        return this;
    }

    public byte[] Build()
    {
        var data = new DataWriter();
        var recordOffsets = _records.Select(data.Write).ToList();
        var nodes = new List<TrieNode>();
        var queue = new Queue<TrieNode>([_root]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            node.Number = nodes.Count;
            nodes.Add(node);
            foreach (var child in node.Children.OfType<TrieNode>())
            {
                queue.Enqueue(child);
            }
        }

        using var output = new MemoryStream();
        foreach (var node in nodes)
        {
            var records = new long[2];
            for (var side = 0; side < 2; side++)
            {
                records[side] = node.Children[side] is { } child ? child.Number
                    : node.Data[side] is { } record ? nodes.Count + 16L + recordOffsets[record]
                    : nodes.Count;
            }

            WriteNode(output, records[0], records[1]);
        }

        output.Write(new byte[16]);
        output.Write(data.ToArray());
        output.Write(MetadataMarker);
        var metadata = new DataWriter();
        metadata.Write(new Dictionary<string, object>
        {
            ["node_count"] = nodes.Count,
            ["record_size"] = recordSize,
            ["ip_version"] = ipVersion,
            ["database_type"] = DatabaseType,
            ["languages"] = Languages.Cast<object>().ToArray(),
            ["binary_format_major_version"] = 2,
            ["binary_format_minor_version"] = 0,
            ["build_epoch"] = 1714521600L,
            ["description"] = new Dictionary<string, object> { ["en"] = "Ferret test database" },
        });
        output.Write(metadata.ToArray());
        return output.ToArray();
    }

    private void WriteNode(Stream output, long left, long right)
    {
        Span<byte> b = stackalloc byte[8];
        switch (recordSize)
        {
            case 24:
                b[0] = (byte)(left >> 16); b[1] = (byte)(left >> 8); b[2] = (byte)left;
                b[3] = (byte)(right >> 16); b[4] = (byte)(right >> 8); b[5] = (byte)right;
                output.Write(b[..6]);
                break;
            case 28:
                b[0] = (byte)(left >> 16); b[1] = (byte)(left >> 8); b[2] = (byte)left;
                b[3] = (byte)(((left >> 20) & 0xF0) | ((right >> 24) & 0x0F));
                b[4] = (byte)(right >> 16); b[5] = (byte)(right >> 8); b[6] = (byte)right;
                output.Write(b[..7]);
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(b, (uint)left);
                BinaryPrimitives.WriteUInt32BigEndian(b[4..], (uint)right);
                output.Write(b);
                break;
        }
    }

    private sealed class TrieNode
    {
        public TrieNode?[] Children { get; } = new TrieNode?[2];

        public int?[] Data { get; } = new int?[2];

        public int Number { get; set; }
    }

    /// <summary>Encodes values as the data section does; strings used as map keys a second time become pointers.</summary>
    private sealed class DataWriter
    {
        private readonly List<byte> _out = [];
        private readonly Dictionary<string, int> _keys = new(StringComparer.Ordinal);

        public int Write(object value)
        {
            var offset = _out.Count;
            WriteValue(value);
            return offset;
        }

        public byte[] ToArray() => [.. _out];

        private void WriteValue(object value)
        {
            switch (value)
            {
                case string text:
                    var utf8 = Encoding.UTF8.GetBytes(text);
                    Control(2, utf8.Length);
                    _out.AddRange(utf8);
                    break;
                case double number:
                    Control(3, 8);
                    Span<byte> d = stackalloc byte[8];
                    BinaryPrimitives.WriteDoubleBigEndian(d, number);
                    _out.AddRange(d.ToArray());
                    break;
                case int number:
                    Unsigned(6, (ulong)number);
                    break;
                case long number:
                    Unsigned(9, (ulong)number);
                    break;
                case bool flag:
                    Control(14, flag ? 1 : 0);
                    break;
                case IDictionary<string, object> map:
                    Control(7, map.Count);
                    foreach (var (key, item) in map)
                    {
                        Key(key);
                        WriteValue(item);
                    }

                    break;
                case object[] array:
                    Control(11, array.Length);
                    foreach (var item in array)
                    {
                        WriteValue(item);
                    }

                    break;
                default:
                    throw new ArgumentException($"cannot encode {value.GetType().Name}");
            }
        }

        private void Key(string key)
        {
            if (_keys.TryGetValue(key, out var at))
            {
                Pointer(at);
                return;
            }

            _keys[key] = _out.Count;
            WriteValue(key);
        }

        private void Pointer(int target)
        {
            if (target < 2048)
            {
                _out.Add((byte)(0x20 | (target >> 8)));
                _out.Add((byte)target);
            }
            else
            {
                var value = target - 2048;
                _out.Add((byte)(0x20 | (1 << 3) | (value >> 16)));
                _out.Add((byte)(value >> 8));
                _out.Add((byte)value);
            }
        }

        private void Unsigned(int type, ulong value)
        {
            var bytes = new List<byte>();
            for (; value > 0; value >>= 8)
            {
                bytes.Insert(0, (byte)value);
            }

            Control(type, bytes.Count);
            _out.AddRange(bytes);
        }

        private void Control(int type, int size)
        {
            var sizeBits = size < 29 ? size : size < 285 ? 29 : size < 65821 ? 30 : 31;
            _out.Add((byte)(((type < 8 ? type : 0) << 5) | sizeBits));
            if (type >= 8)
            {
                _out.Add((byte)(type - 7));
            }

            switch (sizeBits)
            {
                case 29:
                    _out.Add((byte)(size - 29));
                    break;
                case 30:
                    _out.Add((byte)((size - 285) >> 8));
                    _out.Add((byte)(size - 285));
                    break;
                case 31:
                    _out.Add((byte)((size - 65821) >> 16));
                    _out.Add((byte)((size - 65821) >> 8));
                    _out.Add((byte)(size - 65821));
                    break;
            }
        }
    }
}
