using System.Net;
using System.Net.Sockets;

namespace Ferret.Server.Tests.Infrastructure;

internal static class FreePort
{
    /// <summary>A loopback TCP port nothing listens on now (the OS's choice).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
