namespace Ferret.Server.Tests.Infrastructure;

internal static class Https
{
    /// <summary>A client that accepts the server's self-signed certificate (as clients of a new Splunk do with -k).</summary>
    public static HttpClient Client() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };
}
