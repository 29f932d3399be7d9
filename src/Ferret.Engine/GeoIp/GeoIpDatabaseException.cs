namespace Ferret.Engine.GeoIp;

/// <summary>A geolocation database that cannot be read: the message names the file and what is wrong with it.</summary>
public sealed class GeoIpDatabaseException : Exception
{
    public GeoIpDatabaseException()
    {
    }

    public GeoIpDatabaseException(string message)
        : base(message)
    {
    }

    public GeoIpDatabaseException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public static GeoIpDatabaseException Corrupt(string path, string what) =>
        new($"the geolocation database {path} is corrupt or truncated: {what}");
}
