using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Ferret.Benchmarks.Server;

/// <summary>
/// HEC ingest with acknowledgement from a loopback client: <c>hec-load FERRET_DLL [EVENTS] [SECONDS] [CONNECTIONS] [BATCH]</c>
/// starts <c>ferret serve</c> as its own process on free loopback ports with a token that has indexer acknowledgement on,
/// sends ~1 KB JSON events in batches of BATCH on CONNECTIONS connections (each request waits for its ackId, i.e. for
/// the commit), and stops at EVENTS events or SECONDS seconds, whichever comes first. Prints events/s, MB/s and the
/// server's peak resident memory (VmHWM), then stops the server.
/// </summary>
internal static class HecLoad
{
    private const string Token = "bench-token";

    public static async Task<int> RunAsync(string[] args)
    {
        var dll = args[0];
        var total = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 400_000;
        var limit = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        var connections = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
        var batch = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 500;
        var data = Path.Combine(Path.GetTempPath(), "ferret-hec-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        await File.WriteAllTextAsync(Path.Combine(data, "ferret-serve.json"), $$"""{ "hecTokens": [{ "token": "{{Token}}", "useAck": true, "defaultIndex": "main" }] }""");
        var hecPort = FreePort();
        using var server = StartServer(dll, data, hecPort, FreePort());
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler
            {
                // The server's own self-signed certificate, generated into its data folder, is the one to trust.
                SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && IsServers(certificate, data) },
                MaxConnectionsPerServer = connections,
            });
            var url = new Uri($"https://127.0.0.1:{hecPort}/services/collector/event");
            await WaitReady(client, hecPort, server);
            var body = Body(batch, out var bytesPerBatch);
            var sent = 0L;
            var clock = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, connections).Select(async _ =>
            {
                var channel = Guid.NewGuid().ToString();
                while (clock.Elapsed < limit && Interlocked.Add(ref sent, batch) <= total)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Splunk", Token);
                    request.Headers.Add("X-Splunk-Request-Channel", channel);
                    using var response = await client.SendAsync(request);
                    var answer = await response.Content.ReadAsStringAsync();
                    if (!response.IsSuccessStatusCode || !answer.Contains("\"ackId\"", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"HEC answered {(int)response.StatusCode}: {answer}");
                    }
                }
            }).ToList();
            await Task.WhenAll(workers);
            var elapsed = clock.Elapsed.TotalSeconds;
            var events = Math.Min(Interlocked.Read(ref sent), total);
            events -= events % batch;
            Console.WriteLine($"events: {events:N0} in {elapsed:0.00} s on {connections} connections, {batch} events per request, ~{bytesPerBatch / batch} bytes per event");
            Console.WriteLine($"throughput: {events / elapsed:N0} events/s, {events / batch * bytesPerBatch / elapsed / 1024 / 1024:0.0} MiB/s (acknowledged)");
            Console.WriteLine($"server peak RSS: {PeakMemoryMiB(server.Id)} MiB");
            var cpu = CpuSeconds(server.Id);
            Console.WriteLine($"server CPU: {cpu:0.0} s (user + system) = {events / cpu:N0} events per CPU second; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            return 0;
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>BATCH concatenated envelopes, each with a ~1 KB Windows-like event text.</summary>
    private static byte[] Body(int batch, out int bytes)
    {
        var text = new StringBuilder();
        var filler = new string('x', 800);
        for (var i = 0; i < batch; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""{"time": {{1_700_000_000 + i}}, "host": "wks-{{i % 50:000}}", "sourcetype": "bench:event", "source": "bench", "event": "EventCode=4688 NewProcessName=C:\\Windows\\System32\\cmd.exe CommandLine=\"cmd.exe /c whoami {{i}}\" SubjectUserName=user{{i % 97}} {{filler}}"}""");
            text.Append('\n');
        }

        var body = Encoding.UTF8.GetBytes(text.ToString());
        bytes = body.Length;
        return body;
    }

    private static Process StartServer(string dll, string data, int hecPort, int restPort)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { dll, "serve", "--data", data, "--hec-port", $"{hecPort}", "--rest-port", $"{restPort}", "--admin-password", "bench" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    private static async Task WaitReady(HttpClient client, int port, Process server)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60) && !server.HasExited)
        {
            try
            {
                using var response = await client.GetAsync(new Uri($"https://127.0.0.1:{port}/services/collector/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("ferret serve did not start");
    }

    private static bool IsServers(System.Security.Cryptography.X509Certificates.X509Certificate certificate, string data)
    {
        var path = Path.Combine(data, "server.pfx");
        if (!File.Exists(path))
        {
            return false;
        }

        using var expected = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(path, null);
        return certificate.GetCertHashString() == expected.GetCertHashString();
    }

    /// <summary>The process's user + system CPU time (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s): what
    /// the work cost, steadier than wall time on a shared machine.</summary>
    internal static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private static long PeakMemoryMiB(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
