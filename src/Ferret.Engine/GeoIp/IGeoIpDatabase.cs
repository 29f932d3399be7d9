namespace Ferret.Engine.GeoIp;

/// <summary>
/// An IP geolocation database opened read-only: safe to share between searches running on several threads.
/// </summary>
public interface IGeoIpDatabase
{
    /// <summary>The file (or files) the database was read from, for messages.</summary>
    string Path { get; }

    /// <summary>What the database is, e.g. "MaxMind DB GeoLite2-City, built 2024-05-01" or "legacy GeoIP Country Edition".</summary>
    string Description { get; }

    /// <summary>The languages its place names come in ("en" at least).</summary>
    IReadOnlyList<string> Languages { get; }

    /// <summary>
    /// Looks an address up. Null when the text is not an IP address, when the address is internal (private,
    /// loopback, link-local...) or when the database does not locate it. A corrupt database throws
    /// <see cref="GeoIpDatabaseException"/> naming the file and what is wrong.
    /// </summary>
    GeoIpLocation? Lookup(string address, string language = "en");
}

/// <summary>
/// Where an address is, with the names in the language asked for (English when the database lacks it). Every part
/// may be null: a country database knows only the country; a city database may know the country but not the city.
/// </summary>
public sealed record GeoIpLocation
{
    public string? City { get; init; }

    /// <summary>The country's full name, as Splunk's iplocation writes it (e.g. "United States").</summary>
    public string? Country { get; init; }

    /// <summary>The first subdivision (state, province).</summary>
    public string? Region { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? Continent { get; init; }

    public string? MetroCode { get; init; }

    public string? Timezone { get; init; }

    /// <summary>The two-letter ISO country code, when known.</summary>
    public string? CountryCode { get; init; }
}
