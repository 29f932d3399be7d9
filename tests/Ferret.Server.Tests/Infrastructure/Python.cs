using System.Diagnostics;
using Ferret.Testing;

namespace Ferret.Server.Tests.Infrastructure;

/// <summary>Runs a real Python client (replay.py, a splunk-sdk-python script) with Debian's python3, as CI installs it.</summary>
internal static class Python
{
    public static string Interpreter => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    public static (int ExitCode, string Output) Run(string script, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Interpreter)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-W");
        start.ArgumentList.Add("ignore");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in 3 minutes");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    /// <summary>The SDK's folder on PYTHONPATH; skips the test when the shared clients are absent.</summary>
    public static Dictionary<string, string> SdkEnvironment() => new()
    {
        ["PYTHONPATH"] = SharedCorpus.Require("clients/splunk-sdk-python"),
    };

    public static string Client(string name) => Path.Combine(AppContext.BaseDirectory, "Clients", name);
}
