namespace Ferret.Engine.GeoIp;

/// <summary>What <see cref="GeoIpDatabaseLocator.Resolve(string?)"/> found: a database, or nothing (with where it looked),
/// or an error when a database was named but cannot be used.</summary>
public sealed record GeoIpResolution(IGeoIpDatabase? Database, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// Finds the IP geolocation database for <c>iplocation</c>: an explicit path (the CLI's <c>--geoip FILE</c>), else
/// the <c>FERRET_GEOIP</c> environment variable, else the first file found among well-known places, city databases
/// before country ones, MaxMind DB before the legacy format (see docs/geoip.md).
/// </summary>
public static class GeoIpDatabaseLocator
{
    public const string EnvironmentVariable = "FERRET_GEOIP";

    /// <summary>Folders probed in order: where Debian, Fedora, geoipupdate, Homebrew and Splunk put their databases.</summary>
    private static readonly string[] ProbedFolders =
        ["/usr/share/GeoIP", "/var/lib/GeoIP", "/usr/local/share/GeoIP", "/opt/homebrew/var/GeoIP", "$SPLUNK_HOME/share", "/opt/splunk/share"];

    /// <summary>The probed folders, $SPLUNK_HOME resolved (left out when it is not set).</summary>
    public static IReadOnlyList<string> DefaultDirectories { get; } = DirectoriesOf(Environment.GetEnvironmentVariable("SPLUNK_HOME"));

    /// <summary>File name patterns probed in each folder, best first.</summary>
    public static IReadOnlyList<string> FilePatterns { get; } =
    [
        "GeoLite2-City.mmdb", "GeoIP2-City.mmdb", "dbip-city-lite*.mmdb", "GeoLite2-Country.mmdb", "GeoIP2-Country.mmdb",
        "dbip-country-lite*.mmdb", "GeoIP.dat", "GeoIPv6.dat",
    ];

    /// <summary>How to give Ferret a database, with where it looks: for messages.</summary>
    public static string HowToProvide =>
        $"Ferret takes --geoip FILE, else ${EnvironmentVariable}, else the first GeoLite2/GeoIP2/DB-IP .mmdb or GeoIP.dat found in "
        + $"{string.Join(", ", ProbedFolders)}; give a MaxMind DB such as GeoLite2-City.mmdb (what Splunk ships) or install "
        + "the legacy country database (Debian package geoip-database). See docs/geoip.md";

    public static GeoIpResolution Resolve(string? explicitPath) =>
        Resolve(explicitPath, Environment.GetEnvironmentVariable(EnvironmentVariable), DefaultDirectories);

    /// <summary>
    /// An explicit path or the environment variable must name a readable database (else <see cref="GeoIpResolution.Error"/>);
    /// a probed file that cannot be read is a warning and the next candidate is tried.
    /// </summary>
    public static GeoIpResolution Resolve(string? explicitPath, string? environmentValue, IReadOnlyList<string> directories)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return OpenNamed(explicitPath, "--geoip");
        }

        if (!string.IsNullOrWhiteSpace(environmentValue))
        {
            return OpenNamed(environmentValue, EnvironmentVariable);
        }

        var warnings = new List<string>();
        foreach (var candidate in Candidates(directories))
        {
            try
            {
                return new GeoIpResolution(GeoIpDatabase.Open(candidate), null, warnings);
            }
            catch (GeoIpDatabaseException error)
            {
                warnings.Add($"{error.Message}; skipped");
            }
        }

        return new GeoIpResolution(null, null, warnings);
    }

    /// <summary>The files that exist, in probing order (a GeoIPv6.dat beside a GeoIP.dat is opened with it, not alone).</summary>
    public static IEnumerable<string> Candidates(IReadOnlyList<string> directories)
    {
        foreach (var pattern in FilePatterns)
        {
            foreach (var directory in directories.Where(Directory.Exists))
            {
                foreach (var file in Directory.EnumerateFiles(directory, pattern).Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
        }
    }

    private static GeoIpResolution OpenNamed(string path, string origin)
    {
        if (!File.Exists(path))
        {
            return new GeoIpResolution(null, $"the geolocation database given by {origin} does not exist: {path}", []);
        }

        try
        {
            return new GeoIpResolution(GeoIpDatabase.Open(path), null, []);
        }
        catch (GeoIpDatabaseException error)
        {
            return new GeoIpResolution(null, $"{error.Message} (given by {origin})", []);
        }
    }

    private static string[] DirectoriesOf(string? splunkHome) =>
    [
        .. ProbedFolders.Where(f => !f.StartsWith('$'))
            .Concat(string.IsNullOrWhiteSpace(splunkHome) ? [] : [System.IO.Path.Combine(splunkHome, "share")])
            .OrderBy(f => f == "/opt/splunk/share"),
    ];
}
