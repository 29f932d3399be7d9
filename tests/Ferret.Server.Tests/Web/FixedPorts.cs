using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ferret.Server.Tests.Web;

/// <summary>
/// Fixed ports (replay.py's 8088, Splunk Web's 8000) held for one test: a machine-wide lock per port
/// (<c>/tmp/ferret-port-N.lock</c>, an flock as <c>flock(1)</c> takes it, so other test runs on this machine wait too),
/// then a wait until nothing listens there. Both waits give up after <see cref="Patience"/> with a clear message.
/// </summary>
internal sealed class FixedPorts : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    private readonly List<FileStream> _locks = [];

    private FixedPorts()
    {
    }

    public static async Task<FixedPorts> HoldAsync(params int[] ports)
    {
        var held = new FixedPorts();
        try
        {
            foreach (var port in ports)
            {
                held._locks.Add(await LockAsync(port));
                await WaitFreeAsync(port);
            }
        }
        catch
        {
            held.Dispose();
            throw;
        }

        return held;
    }

    public void Dispose()
    {
        foreach (var file in _locks)
        {
            file.Dispose();
        }
    }

    private static async Task<FileStream> LockAsync(int port)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ferret-port-{port}.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive flock on Unix.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < Patience)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task WaitFreeAsync(int port)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return;
            }
            catch (SocketException) when (waited.Elapsed < Patience)
            {
                await Task.Delay(1000);
            }
            catch (SocketException error)
            {
                throw new TimeoutException($"port {port} stayed taken for {Patience.TotalMinutes} minutes: {error.Message}");
            }
        }
    }
}
