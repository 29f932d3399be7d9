namespace Ferret.Server.Rest;

/// <summary>
/// What <c>/services/server/info</c> says. The version is one of Splunk 9.1 because clients choose their API by it:
/// splunk-sdk-python uses the v2 search endpoints from 9.0.2 on, which Ferret serves.
/// </summary>
internal static class ServerInfo
{
    public const string Version = "9.1.0";

    public const string Build = "ferret";

    private static readonly string[] Roles = ["indexer", "search_head"];

    public static IReadOnlyList<KeyValuePair<string, object?>> Content(string serverName, DateTimeOffset started) =>
    [
        new("version", Version),
        new("build", Build),
        new("product_type", "enterprise"),
        new("serverName", serverName),
        new("host", serverName),
        new("os_name", "Linux"),
        new("cpu_arch", System.Runtime.InteropServices.RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant()),
        new("numberOfCores", Environment.ProcessorCount),
        new("startup_time", started.ToUnixTimeSeconds()),
        new("server_roles", Roles),
        new("mode", "normal"),
        new("isFree", false),
        new("eai:acl", AtomFeed.Acl("system", "nobody").Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)).ToList()),
    ];
}
