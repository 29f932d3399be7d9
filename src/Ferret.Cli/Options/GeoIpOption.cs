using System.CommandLine;
using Ferret.Engine.GeoIp;

namespace Ferret.Cli.Options;

/// <summary>
/// <c>--geoip FILE</c>, shared by search, hunt and test: the IP geolocation database for <c>iplocation</c>. Without it
/// Ferret uses FERRET_GEOIP, then the well-known places (<see cref="GeoIpDatabaseLocator"/>, docs/geoip.md).
/// </summary>
internal static class GeoIpOption
{
    public static Option<string?> Create() => new("--geoip")
    {
        Description = "The IP geolocation database for iplocation: a MaxMind DB (.mmdb, e.g. GeoLite2-City.mmdb) or a legacy GeoIP.dat. "
            + $"Default: ${GeoIpDatabaseLocator.EnvironmentVariable}, else the first found in /usr/share/GeoIP, /var/lib/GeoIP and other well-known folders (docs/geoip.md).",
    };

    /// <summary>Finds the database and runs <paramref name="run"/> with it (null when none was found); a named database
    /// that cannot be used stops the command with exit code 2.</summary>
    public static int Run(string command, string? path, Func<IGeoIpDatabase?, int> run)
    {
        var resolution = GeoIpDatabaseLocator.Resolve(path);
        foreach (var warning in resolution.Warnings)
        {
            Console.Error.WriteLine($"ferret {command}: warning: {warning}");
        }

        if (resolution.Error is { } error)
        {
            Console.Error.WriteLine($"ferret {command}: {error}");
            return 2;
        }

        return run(resolution.Database);
    }
}
