using System.Net;
using Ferret.Server.Hosting;

namespace Ferret.Server.Tests.Infrastructure;

/// <summary>
/// A server inside the test process, for tests that drive its scheduler or call its objects directly: loopback only,
/// every port (HEC, REST and web) a free one, so it never takes 8088 or 8000 from the tests that need those, and the
/// scheduler left to the test (it calls <c>RunDueAsync</c> on its own clock).
/// </summary>
internal static class InProcessServer
{
    public static ServerSettings Settings(string data) => new()
    {
        DataDirectory = data,
        ListenAddress = IPAddress.Loopback,
        HecPort = FreePort.Next(),
        RestPort = FreePort.Next(),
        WebPort = FreePort.Next(),
        RunScheduler = false,
    };

    public static async Task<FerretServer> StartAsync(ServerSettings settings)
    {
        var server = new FerretServer(settings, console: null);
        await server.StartAsync();
        return server;
    }
}
