using System.Text;
using Ferret.Ingest.Evtx;

namespace Ferret.Ingest.Tests.Evtx;

public sealed class BinXmlValueFormatterTests
{
    public static TheoryData<string, byte, string, string> Values => new()
    {
        { "null", 0x00, "", "" },
        { "UTF-16 string, trailing NUL dropped", 0x01, "41 00 26 00 42 00 00 00", "A&amp;B" },
        { "ANSI string", 0x02, "68 69 3C 00", "hi&lt;" },
        { "int8", 0x03, "FF", "-1" },
        { "uint8", 0x04, "FF", "255" },
        { "int16", 0x05, "FE FF", "-2" },
        { "uint16", 0x06, "FE FF", "65534" },
        { "int32", 0x07, "FF FF FF FF", "-1" },
        { "uint32", 0x08, "FF FF FF FF", "4294967295" },
        { "int64", 0x09, "FF FF FF FF FF FF FF FF", "-1" },
        { "uint64", 0x0A, "FF FF FF FF FF FF FF FF", "18446744073709551615" },
        { "real32", 0x0B, "00 00 C0 3F", "1.5" },
        { "real64", 0x0C, "00 00 00 00 00 00 04 40", "2.5" },
        { "boolean true", 0x0D, "01 00 00 00", "true" },
        { "boolean false", 0x0D, "00 00 00 00", "false" },
        { "irregular boolean is true", 0x0D, "02 00 00 00", "true" },
        { "binary as upper-case hex", 0x0E, "DE AD be ef", "DEADBEEF" },
        { "GUID upper-case in braces", 0x0F, "5F 38 70 57 2A C2 E0 43 BF 4C 06 F5 69 8F FB D9", "{5770385F-C22A-43E0-BF4C-06F5698FFBD9}" },
        { "size_t (4 bytes) in decimal", 0x10, "04 00 00 00", "4" },
        { "size_t (8 bytes) in decimal", 0x10, "4C 02 00 00 00 00 00 00", "588" },
        { "FILETIME with 100 ns precision", 0x11, "59 C0 E3 3D 40 3E D5 01", "2019-07-19T14:42:51.446280900Z" },
        { "FILETIME zero is 1601", 0x11, "00 00 00 00 00 00 00 00", "1601-01-01T00:00:00.000000000Z" },
        { "SYSTEMTIME", 0x12, "E3 07 03 00 02 00 13 00 17 00 23 00 37 00 7B 00", "2019-03-19T23:35:55.123Z" },
        { "SID local system", 0x13, "01 01 00 00 00 00 00 05 12 00 00 00", "S-1-5-18" },
        { "SID domain account", 0x13, "01 05 00 00 00 00 00 05 15 00 00 00 F2 0A EA 48 BD 22 AE C4 A6 FF 26 57 F4 01 00 00", "S-1-5-21-1223297778-3299746493-1462173606-500" },
        { "hex int32", 0x14, "E7 03 00 00", "0x3e7" },
        { "hex int64", 0x15, "00 00 00 00 00 00 00 80", "0x8000000000000000" },
        { "hex int64 is not zero-padded", 0x15, "E7 03 00 00 00 00 00 00", "0x3e7" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Value_is_rendered_as_windows_renders_it(string what, byte type, string hex, string expected)
    {
        var builder = new StringBuilder();
        BinXmlValueFormatter.Append(builder, Bytes(hex), type);
        Assert.True(expected == builder.ToString(), $"{what}: expected {expected}, got {builder}");
    }

    public static TheoryData<string, byte, string, string[]> Arrays => new()
    {
        { "UTF-16 strings split at NUL", 0x01, "61 00 00 00 62 00 63 00 00 00", ["a", "bc"] },
        { "uint16 items", 0x06, "01 00 02 00 03 00", ["1", "2", "3"] },
        { "hex int32 items", 0x14, "01 00 00 00 FF 00 00 00", ["0x1", "0xff"] },
        { "SIDs carry their own length", 0x13, "01 01 00 00 00 00 00 05 12 00 00 00 01 02 00 00 00 00 00 05 20 00 00 00 20 02 00 00", ["S-1-5-18", "S-1-5-32-544"] },
        { "GUIDs", 0x0F, "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 01 FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF FF",
            ["{00000000-0000-0000-0000-000000000001}", "{FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF}"] },
    };

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Array_value_is_split_into_its_items(string what, byte itemType, string hex, string[] expected)
    {
        var data = Bytes(hex);
        var items = BinXmlValueFormatter.SplitArray(data, (BinXmlValueType)itemType).Select(item =>
        {
            var builder = new StringBuilder();
            BinXmlValueFormatter.Append(builder, data.AsSpan(item.Offset, item.Length), itemType);
            return builder.ToString();
        });
        Assert.True(expected.SequenceEqual(items), $"{what}: got {string.Join(" | ", items)}");
    }

    [Fact]
    public void Apostrophe_is_escaped_in_single_quoted_attributes_but_not_in_text()
    {
        var text = new StringBuilder();
        var attribute = new StringBuilder();
        var value = Bytes("27 00 22 00 3E 00");
        BinXmlValueFormatter.Append(text, value, 0x01, XmlEscaping.Text);
        BinXmlValueFormatter.Append(attribute, value, 0x01, XmlEscaping.Attribute);
        Assert.Equal("'\"&gt;", text.ToString());
        Assert.Equal("&apos;\"&gt;", attribute.ToString());
    }

    private static byte[] Bytes(string hex) => hex.Length == 0 ? [] : Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}
