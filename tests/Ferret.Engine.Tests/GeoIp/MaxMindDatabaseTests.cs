using Ferret.Engine.GeoIp;

namespace Ferret.Engine.Tests.GeoIp;

public sealed class MaxMindDatabaseTests
{
    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void A_city_record_gives_names_subdivision_and_coordinates_for_every_record_size(int recordSize)
    {
        var database = TestDatabases.City(6, recordSize);
        var london = database.Lookup("81.2.69.160");
        Assert.NotNull(london);
        Assert.Equal(("London", "United Kingdom", "England", "GB"), (london.City, london.Country, london.Region, london.CountryCode));
        Assert.Equal((51.5142, -0.0931), (london.Latitude, london.Longitude));
        Assert.Equal(("Europe", "Europe/London", null), (london.Continent, london.Timezone, london.MetroCode));
        Assert.Equal("Boston", database.Lookup("8.8.8.8")?.City);
        Assert.Equal("506", database.Lookup("8.8.8.8")?.MetroCode);
    }

    [Fact]
    public void IPv4_addresses_are_found_under_the_IPv4_subtree_of_an_IPv6_database_in_every_spelling()
    {
        var database = TestDatabases.City();
        Assert.Equal("London", database.Lookup("::ffff:81.2.69.1")?.City);
        Assert.Equal("London", database.Lookup(" 81.2.69.0/24 ")?.City);
        Assert.Equal("Boston", database.Lookup("2001:db9:1::5")?.City);
        Assert.Equal("London", database.Lookup("2a02:cf47:ffff::1")?.City);
        Assert.Null(database.Lookup("2a02:cf48::1"));
    }

    [Fact]
    public void An_IPv4_only_database_finds_IPv4_and_nothing_for_IPv6()
    {
        var database = TestDatabases.City(ipVersion: 4, recordSize: 24);
        Assert.Equal("London", database.Lookup("81.2.69.7")?.City);
        Assert.Null(database.Lookup("2001:db9::1"));
    }

    [Theory]
    [InlineData("81.2.70.1")]
    [InlineData("9.9.9.9")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("fe80::1")]
    [InlineData("not an ip")]
    [InlineData("81.2.69")]
    [InlineData("1234")]
    [InlineData("")]
    public void Unknown_internal_and_invalid_addresses_have_no_location(string address) =>
        Assert.Null(TestDatabases.City().Lookup(address));

    [Fact]
    public void A_record_without_a_city_leaves_city_and_region_null_and_names_follow_the_language()
    {
        var database = TestDatabases.City();
        var paris = database.Lookup("1.2.3.4", "de");
        Assert.NotNull(paris);
        Assert.Equal(("Frankreich", null, null, 48.8582), (paris.Country, paris.City, paris.Region, paris.Latitude));
        Assert.Equal("Vereinigtes Königreich", database.Lookup("81.2.69.1", "de")?.Country);
        Assert.Equal("United Kingdom", database.Lookup("81.2.69.1", "fr")?.Country);
    }

    [Fact]
    public void Long_strings_booleans_and_arrays_decode()
    {
        var database = TestDatabases.City();
        Assert.Equal(TestDatabases.LongCityName, database.Lookup("5.6.7.8")?.City);
        var record = Assert.IsType<Dictionary<string, object?>>(database.FindRecord(System.Net.IPAddress.Parse("5.6.7.8")));
        Assert.Equal([true, false, 7UL], Assert.IsType<List<object?>>(record["flags"]));
    }

    [Fact]
    public void The_metadata_is_read()
    {
        var database = TestDatabases.City();
        Assert.Equal("Ferret-Test-City", database.DatabaseType);
        Assert.Equal(["en", "de"], database.Languages);
        Assert.Equal("MaxMind DB Ferret-Test-City, built 2024-05-01", database.Description);
    }

    [Fact]
    public void A_truncated_file_names_the_file_and_the_missing_metadata()
    {
        var bytes = TestDatabases.CityBytes();
        var path = TempFile(bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<GeoIpDatabaseException>(() => GeoIpDatabase.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_node_count_is_caught_by_the_zero_separator_check()
    {
        var bytes = TestDatabases.CityBytes();
        var at = bytes.AsSpan().LastIndexOf("node_count"u8) + "node_count"u8.Length;
        Assert.Equal(0xC0, bytes[at] & 0xE0);
        bytes[at + (bytes[at] & 0x1F)] ^= 0x01;
        var error = Assert.Throws<GeoIpDatabaseException>(() => new MaxMindDatabase("bad.mmdb", bytes));
        Assert.Contains("bad.mmdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("zero bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_data_section_fails_the_lookup_with_a_message_not_a_wrong_answer()
    {
        var bytes = TestDatabases.CityBytes();
        var at = bytes.AsSpan().IndexOf("London"u8);
        bytes[at - 1] = 0xE0 | 30;
        var database = new MaxMindDatabase("damaged.mmdb", bytes);
        var error = Assert.Throws<GeoIpDatabaseException>(() => database.Lookup("81.2.69.1"));
        Assert.Contains("damaged.mmdb", error.Message, StringComparison.Ordinal);
        Assert.Contains("data section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_pointing_past_the_data_section_is_reported()
    {
        var bytes = TestDatabases.CityBytes(ipVersion: 4, recordSize: 32);
        bytes[4] = 0x7F;
        var database = new MaxMindDatabase("tree.mmdb", bytes);
        var error = Assert.Throws<GeoIpDatabaseException>(() => database.Lookup("200.1.1.1"));
        Assert.Contains("tree.mmdb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_neither_format_is_rejected_with_its_name()
    {
        var path = TempFile("hello, this is not a database"u8.ToArray());
        var error = Assert.Throws<GeoIpDatabaseException>(() => GeoIpDatabase.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    internal static string TempFile(byte[] bytes, string name = "db.mmdb")
    {
        var directory = Directory.CreateTempSubdirectory("ferret-geoip-");
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
