using System.Globalization;

namespace Ferret.Engine.GeoIp;

public sealed partial class MaxMindDatabase
{
    /// <summary>
    /// Reads the GeoIP2/GeoLite2 City (and Country) record layout, which DB-IP's lite databases share:
    /// <c>city.names</c>, <c>country.names</c> (where the address is, not <c>registered_country</c>),
    /// <c>subdivisions[0].names</c>, <c>location.latitude/longitude/metro_code/time_zone</c>,
    /// <c>continent.names</c>. Names are taken in <paramref name="language"/>, else English.
    /// </summary>
    private static GeoIpLocation ToLocation(Dictionary<string, object?> record, string language)
    {
        var location = Map(record, "location");
        var subdivisions = record.GetValueOrDefault("subdivisions") as List<object?>;
        var country = Map(record, "country");
        return new GeoIpLocation
        {
            City = Name(Map(record, "city"), language),
            Country = Name(country, language),
            CountryCode = country?.GetValueOrDefault("iso_code") as string,
            Region = Name(subdivisions is { Count: > 0 } ? subdivisions[0] as Dictionary<string, object?> : null, language),
            Latitude = Number(location, "latitude"),
            Longitude = Number(location, "longitude"),
            Continent = Name(Map(record, "continent"), language),
            MetroCode = location?.GetValueOrDefault("metro_code") switch
            {
                ulong code => code.ToString(CultureInfo.InvariantCulture),
                int code => code.ToString(CultureInfo.InvariantCulture),
                string code => code,
                _ => null,
            },
            Timezone = location?.GetValueOrDefault("time_zone") as string,
        };
    }

    private static Dictionary<string, object?>? Map(Dictionary<string, object?>? parent, string key) =>
        parent?.GetValueOrDefault(key) as Dictionary<string, object?>;

    private static string? Name(Dictionary<string, object?>? place, string language)
    {
        if (Map(place, "names") is not { } names)
        {
            return null;
        }

        return names.GetValueOrDefault(language) as string ?? names.GetValueOrDefault("en") as string;
    }

    private static double? Number(Dictionary<string, object?>? parent, string key) => parent?.GetValueOrDefault(key) switch
    {
        double value => value,
        ulong value => value,
        int value => value,
        _ => null,
    };
}
