using System.Net;
using System.Net.Sockets;

namespace Ferret.Engine.GeoIp;

/// <summary>
/// A legacy GeoIP country database: GeoIP.dat for IPv4, GeoIPv6.dat for IPv6 (Debian's geoip-database package
/// installs both in /usr/share/GeoIP). Country (and its continent) only: City, Region, lat and lon are unknown;
/// names are English only.
/// </summary>
public sealed class LegacyGeoIpDatabase : GeoIpDatabase
{
    private readonly LegacyGeoIpFile? _v4;
    private readonly LegacyGeoIpFile? _v6;

    internal LegacyGeoIpDatabase(LegacyGeoIpFile? v4, LegacyGeoIpFile? v6)
    {
        if (v4 is null && v6 is null)
        {
            throw new ArgumentException("a legacy GeoIP database needs at least one file");
        }

        _v4 = v4;
        _v6 = v6;
        Path = string.Join(" + ", new[] { v4?.Path, v6?.Path }.OfType<string>());
    }

    public override string Path { get; }

    public override string Description =>
        "legacy GeoIP Country Edition" + ((_v4 ?? _v6)!.Info is { Length: > 0 } info ? $" ({info})" : string.Empty)
        + (_v4 is null ? ", IPv6 only" : _v6 is null ? ", IPv4 only" : ", IPv4 and IPv6");

    public override IReadOnlyList<string> Languages { get; } = ["en"];

    protected override GeoIpLocation? Find(IPAddress address, string language)
    {
        var file = address.AddressFamily == AddressFamily.InterNetwork ? _v4 ?? _v6 : _v6;
        if (file is null)
        {
            return null;
        }

        var index = file.CountryIndex(address);
        if (index == 0)
        {
            return null;
        }

        if (LegacyCountryTable.Get(index) is not { } country)
        {
            throw GeoIpDatabaseException.Corrupt(file.Path, $"{address} leads to country index {index}, beyond the {LegacyCountryTable.Count} known countries");
        }

        return new GeoIpLocation { Country = country.Name, CountryCode = country.Code, Continent = country.Continent };
    }
}
