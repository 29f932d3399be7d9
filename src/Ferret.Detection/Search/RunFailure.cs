using Ferret.Engine.GeoIp;

namespace Ferret.Detection.Search;

/// <summary>How a search that failed while running is reported: a missing GeoIP database is an SPL3001 diagnostic
/// the run could only raise when it started (it already says what to do), anything else names the exception.</summary>
public static class RunFailure
{
    public static string Describe(Exception error) => error switch
    {
        GeoIpUnavailableException unavailable => $"{unavailable.Diagnostic.Code}: {unavailable.Diagnostic.Message}",
        _ => $"failed while running: {error.GetType().Name}: {error.Message}",
    };
}
