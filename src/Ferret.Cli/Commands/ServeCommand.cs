using System.CommandLine;
using System.Runtime.InteropServices;
using Ferret.Server.Hosting;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret serve --data DIR [--content DIR] [--hec-token T]... [--admin-password PW] [--enable GLOB]... [--index NAME]...</c>:
/// a Splunk-compatible server (HEC on 8088, REST on 8089, web pages on 8000, HTTPS, loopback by default) with a durable store and the
/// scheduler; settings also from <c>DIR/ferret-serve.json</c>. Runs until interrupted (Ctrl+C or SIGTERM).
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data", "-d") { Description = "The data folder: indexes, certificate, scheduler state, settings file.", Required = true };
        var content = new Option<string?>("--content", "-c") { Description = "An ESCU content folder (default: the embedded sample content)." };
        var apps = new Option<string[]>("--apps") { Description = "Splunk add-on folders layered over Ferret's knowledge. Repeatable.", AllowMultipleArgumentsPerToken = true };
        var token = new Option<string[]>("--hec-token") { Description = "A HEC token to accept (default index main). Repeatable." };
        var ack = new Option<bool>("--hec-ack") { Description = "Turn indexer acknowledgement on for the --hec-token tokens (requests then need a channel)." };
        var password = new Option<string?>("--admin-password") { Description = "The REST API's admin password (default: generated into DIR/admin-password)." };
        var listen = new Option<string>("--listen") { Description = "The address to listen on.", DefaultValueFactory = _ => "127.0.0.1" };
        var hecPort = new Option<int>("--hec-port") { Description = "The HEC port.", DefaultValueFactory = _ => 8088 };
        var restPort = new Option<int>("--rest-port") { Description = "The REST (management) port.", DefaultValueFactory = _ => 8089 };
        var webPort = new Option<int>("--web-port") { Description = "The web pages' port (Incident Review, search, detections).", DefaultValueFactory = _ => 8000 };
        var certificate = new Option<string?>("--cert") { Description = "A PKCS#12 certificate with its key (default: self-signed, generated into DIR)." };
        var certificatePassword = new Option<string?>("--cert-password") { Description = "The password of --cert." };
        var index = new Option<string[]>("--index") { Description = "Declare an index besides main, notable, risk, _internal and attack_data. Repeatable." };
        var enable = new Option<string[]>("--enable") { Description = "Schedule the detections whose name matches this glob (ESCU ships them disabled). Repeatable." };
        var riskRules = new Option<bool>("--risk-incident-rules") { Description = "Schedule Enterprise Security's default risk incident rules over index=risk (24-hour rule every 30 minutes, 7-day rule daily)." };
        var riskThresholds = new Option<string?>("--risk-rules") { Description = "Thresholds of the risk incident rules (name = value lines, as for ferret hunt --risk-rules). Default: Enterprise Security's.", HelpName = "FILE" };
        var command = new Command("serve", "Run a Splunk-compatible server: HEC ingest, a durable store, scheduled detections, REST search.")
        {
            data, content, apps, token, ack, password, listen, hecPort, restPort, webPort, certificate, certificatePassword, index, enable, riskRules, riskThresholds,
        };
        command.SetAction((parseResult, cancellation) => RunAsync(new ServeOptions
        {
            DataDirectory = parseResult.GetValue(data)!,
            ContentDirectory = parseResult.GetValue(content),
            AppDirectories = parseResult.GetValue(apps) ?? [],
            HecTokens = parseResult.GetValue(token) ?? [],
            HecAck = parseResult.GetValue(ack),
            AdminPassword = parseResult.GetValue(password),
            Listen = parseResult.GetValue(listen)!,
            HecPort = parseResult.GetValue(hecPort),
            RestPort = parseResult.GetValue(restPort),
            WebPort = parseResult.GetValue(webPort),
            CertificatePath = parseResult.GetValue(certificate),
            CertificatePassword = parseResult.GetValue(certificatePassword),
            Indexes = parseResult.GetValue(index) ?? [],
            Enable = parseResult.GetValue(enable) ?? [],
            RiskIncidentRules = parseResult.GetValue(riskRules),
            RiskRulesFile = parseResult.GetValue(riskThresholds),
        }, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ServeOptions options, CancellationToken cancellation)
    {
        FerretServer server;
        try
        {
            server = await ServerLauncher.StartAsync(options, Console.Error);
        }
        catch (Exception error) when (error is IOException or ArgumentException or InvalidDataException or UnauthorizedAccessException
            or System.Security.Cryptography.CryptographicException or Ferret.Content.ContentException)
        {
            Console.Error.WriteLine($"ferret serve: {error.Message}");
            return 2;
        }

        await using (server)
        {
            var stopped = new TaskCompletionSource();
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stopped.TrySetResult();
            });
            await using var interrupt = cancellation.Register(() => stopped.TrySetResult());
            await stopped.Task;
            Console.Error.WriteLine("ferret serve: stopping");
        }

        return 0;
    }
}
