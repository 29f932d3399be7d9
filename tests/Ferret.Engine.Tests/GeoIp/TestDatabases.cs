using Ferret.Engine.GeoIp;

namespace Ferret.Engine.Tests.GeoIp;

/// <summary>Small MaxMind DB files written by <see cref="MmdbTestWriter"/>, with records shaped like GeoLite2-City's.</summary>
internal static class TestDatabases
{
    public static readonly string LongCityName = new('x', 300);

    public static Dictionary<string, object> London { get; } = City("London", "London", "United Kingdom", "Vereinigtes Königreich", "GB", "England", 51.5142, -0.0931, "Europe", "Europe/London", null);

    public static Dictionary<string, object> Boston { get; } = City("Boston", "Boston", "United States", "Vereinigte Staaten", "US", "Massachusetts", 42.3562, -71.0631, "North America", "America/New_York", 506);

    /// <summary>A country-level record: no city, no subdivision, a location without metro code or time zone.</summary>
    public static Dictionary<string, object> CountryOnly { get; } = new()
    {
        ["continent"] = Names("Europe", "Europa"),
        ["country"] = new Dictionary<string, object> { ["iso_code"] = "FR", ["names"] = new Dictionary<string, object> { ["en"] = "France", ["de"] = "Frankreich" } },
        ["location"] = new Dictionary<string, object> { ["latitude"] = 48.8582, ["longitude"] = 2.3387, ["accuracy_radius"] = 500 },
    };

    public static Dictionary<string, object> LongName { get; } = new()
    {
        ["city"] = Names(LongCityName, LongCityName),
        ["country"] = new Dictionary<string, object> { ["iso_code"] = "DE", ["names"] = new Dictionary<string, object> { ["en"] = "Germany" } },
        ["flags"] = new object[] { true, false, 7L },
    };

    public static byte[] CityBytes(int ipVersion = 6, int recordSize = 28)
    {
        var writer = new MmdbTestWriter(ipVersion, recordSize)
            .Add("81.2.69.0/24", London)
            .Add("1.2.3.0/24", CountryOnly)
            .Add("5.6.0.0/16", LongName)
            .Add("8.8.8.0/24", Boston);
        if (ipVersion == 6)
        {
            writer.Add("2001:db9::/32", Boston).Add("2a02:cf40::/29", London);
        }

        return writer.Build();
    }

    public static MaxMindDatabase City(int ipVersion = 6, int recordSize = 28) => new($"test-{ipVersion}-{recordSize}.mmdb", CityBytes(ipVersion, recordSize));

    private static Dictionary<string, object> City(string en, string de, string country, string countryDe, string iso, string region, double lat, double lon,
        string continent, string timezone, int? metro)
    {
        var location = new Dictionary<string, object> { ["latitude"] = lat, ["longitude"] = lon, ["time_zone"] = timezone, ["accuracy_radius"] = 10 };
        if (metro is { } code)
        {
            location["metro_code"] = code;
        }

        return new Dictionary<string, object>
        {
            ["city"] = new Dictionary<string, object> { ["geoname_id"] = 2643743, ["names"] = Names(en, de)["names"] },
            ["continent"] = Names(continent, continent),
            ["country"] = new Dictionary<string, object> { ["iso_code"] = iso, ["names"] = Names(country, countryDe)["names"] },
            ["location"] = location,
            ["subdivisions"] = new object[] { new Dictionary<string, object> { ["iso_code"] = "X", ["names"] = Names(region, region)["names"] } },
        };
    }

    private static Dictionary<string, object> Names(string en, string de) =>
        new() { ["names"] = new Dictionary<string, object> { ["en"] = en, ["de"] = de } };
}
