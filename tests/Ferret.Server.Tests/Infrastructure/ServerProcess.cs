using System.Diagnostics;
using System.Text;

namespace Ferret.Server.Tests.Infrastructure;

/// <summary>
/// <c>ferret serve</c> as a separate process on loopback, so a test can kill it as a crash would (SIGKILL). Started with
/// the test build's ferret.dll; ready once HEC's health endpoint answers. Disposing stops it if it still runs.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(Process process, int hecPort, int restPort, int webPort)
    {
        _process = process;
        HecPort = hecPort;
        RestPort = restPort;
        WebPort = webPort;
    }

    public int HecPort { get; }

    public int RestPort { get; }

    /// <summary>The web pages' port: <c>--web-port</c> when the arguments give it, else a free port.</summary>
    public int WebPort { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server and waits until it answers. A port can be taken between choosing it and the server
    /// binding it (a parallel test's server, or sockets of a killed server still closing): a start that fails only for a
    /// port in use is tried again on the same ports, a second later, up to ten times.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, int hecPort, int restPort, params string[] arguments)
    {
        const int Attempts = 10;
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(dataDirectory, hecPort, restPort, arguments);
            try
            {
                await server.WaitReadyAsync();
                return server;
            }
            catch (InvalidOperationException e) when (attempt < Attempts && e.Message.Contains("address already in use", StringComparison.Ordinal))
            {
                server.Dispose();
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    private static ServerProcess Launch(string dataDirectory, int hecPort, int restPort, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var webIndex = Array.IndexOf(arguments, "--web-port");
        var webPort = webIndex >= 0 ? int.Parse(arguments[webIndex + 1], System.Globalization.CultureInfo.InvariantCulture) : FreePort.Next();
        string[] ports = webIndex >= 0 ? [] : ["--web-port", $"{webPort}"];
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "ferret.dll"), "serve", "--data", dataDirectory, "--hec-port", $"{hecPort}", "--rest-port", $"{restPort}" }.Concat(ports).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new ServerProcess(process, hecPort, restPort, webPort);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return server;
    }

    /// <summary>Kills the process with SIGKILL (no shutdown code runs) and waits for it to be gone.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitReadyAsync()
    {
        using var client = Https.Client();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                // Until the output streams close, the server's last words may not have been read yet.
                _process.WaitForExit();
                throw new InvalidOperationException($"ferret serve exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri($"https://127.0.0.1:{HecPort}/services/collector/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"ferret serve did not answer within 90 s:\n{Output}");
    }
}
