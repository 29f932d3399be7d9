using System.Net;

namespace Ferret.Engine.GeoIp;

/// <summary>What the file readers share: text to address, internal addresses, and opening a file by its content.</summary>
public abstract class GeoIpDatabase : IGeoIpDatabase
{
    public abstract string Path { get; }

    public abstract string Description { get; }

    public abstract IReadOnlyList<string> Languages { get; }

    public GeoIpLocation? Lookup(string address, string language = "en")
    {
        var parsed = IpAddressText.Parse(address);
        return parsed is null || IpAddressText.IsInternal(parsed) ? null : Find(parsed, language);
    }

    /// <summary>Looks up a public address (IPv4 addresses are given as IPv4, never mapped to IPv6).</summary>
    protected abstract GeoIpLocation? Find(IPAddress address, string language);

    /// <summary>
    /// Opens a MaxMind DB (.mmdb) or a legacy GeoIP country database (.dat), told apart by content (the MaxMind DB
    /// metadata marker; a file named .mmdb must be one). A legacy IPv4 file named GeoIP.dat is paired with a GeoIPv6.dat next to it.
    /// Throws <see cref="GeoIpDatabaseException"/> for a missing, unreadable or corrupt file.
    /// </summary>
    public static GeoIpDatabase Open(string path)
    {
        var bytes = ReadAll(path);
        if (MaxMindDatabase.HasMetadataMarker(bytes) || path.EndsWith(".mmdb", StringComparison.OrdinalIgnoreCase))
        {
            return new MaxMindDatabase(path, bytes);
        }

        var file = LegacyGeoIpFile.Parse(path, bytes);
        if (file.IsIPv6)
        {
            return new LegacyGeoIpDatabase(null, file);
        }

        var sibling = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".", "GeoIPv6.dat");
        var v6 = File.Exists(sibling) && !string.Equals(System.IO.Path.GetFullPath(sibling), System.IO.Path.GetFullPath(path), StringComparison.Ordinal)
            ? LegacyGeoIpFile.Parse(sibling, ReadAll(sibling))
            : null;
        return new LegacyGeoIpDatabase(file, v6 is { IsIPv6: true } ? v6 : null);
    }

    private static byte[] ReadAll(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new GeoIpDatabaseException($"cannot read the geolocation database {path}: {error.Message}", error);
        }
    }
}
