using Ferret.Engine.GeoIp;

namespace Ferret.Engine.Tests.GeoIp;

public sealed class GeoIpDatabaseLocatorTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ferret-geoip-locator-").FullName;

    [Fact]
    public void An_explicit_path_wins_over_the_environment_and_the_probed_folders()
    {
        var explicitPath = Write("mine.mmdb", TestDatabases.CityBytes());
        Write("GeoLite2-City.mmdb", TestDatabases.CityBytes(4, 24));
        var resolution = GeoIpDatabaseLocator.Resolve(explicitPath, "/nowhere/x.mmdb", [_folder]);
        Assert.Null(resolution.Error);
        Assert.Equal(explicitPath, resolution.Database?.Path);
    }

    [Fact]
    public void A_named_database_that_is_missing_or_corrupt_is_an_error_naming_it_and_who_named_it()
    {
        var missing = GeoIpDatabaseLocator.Resolve(null, "/nowhere/x.mmdb", [_folder]);
        Assert.Null(missing.Database);
        Assert.Contains("/nowhere/x.mmdb", missing.Error, StringComparison.Ordinal);
        Assert.Contains(GeoIpDatabaseLocator.EnvironmentVariable, missing.Error, StringComparison.Ordinal);

        var corrupt = Write("bad.mmdb", TestDatabases.CityBytes()[..100]);
        var error = GeoIpDatabaseLocator.Resolve(corrupt, null, [_folder]).Error;
        Assert.Contains(corrupt, error, StringComparison.Ordinal);
        Assert.Contains("--geoip", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Probing_prefers_a_city_database_and_skips_an_unreadable_one_with_a_warning()
    {
        Write("GeoIP.dat", [.. new byte[] { 0x4A, 0xFF, 0xFF, 0x38, 0xFF, 0xFF }]);
        Write("GeoLite2-Country.mmdb", TestDatabases.CityBytes(4, 32));
        Write("GeoLite2-City.mmdb", [1, 2, 3]);
        var resolution = GeoIpDatabaseLocator.Resolve(null, null, [Path.Combine(_folder, "absent"), _folder]);
        Assert.Null(resolution.Error);
        Assert.EndsWith("GeoLite2-Country.mmdb", resolution.Database?.Path, StringComparison.Ordinal);
        Assert.Contains("GeoLite2-City.mmdb", Assert.Single(resolution.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Probing_falls_back_to_the_legacy_country_database()
    {
        Write("GeoIP.dat", [0x4A, 0xFF, 0xFF, 0x38, 0xFF, 0xFF]);
        var database = GeoIpDatabaseLocator.Resolve(null, null, [_folder]).Database;
        Assert.IsType<LegacyGeoIpDatabase>(database);
        Assert.Equal("France", database.Lookup("8.8.8.8")?.Country);
    }

    [Fact]
    public void Nothing_found_is_no_database_and_no_error()
    {
        var resolution = GeoIpDatabaseLocator.Resolve(null, "  ", [_folder]);
        Assert.Equal((null, null), (resolution.Database, resolution.Error));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
