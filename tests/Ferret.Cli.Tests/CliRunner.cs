using System.Diagnostics;

namespace Ferret.Cli.Tests;

/// <summary>Runs the built CLI (ferret.dll beside the tests) as a process, as a user would, with timings off.</summary>
internal static class CliRunner
{
    /// <summary>Where this project's golden files of CLI output live, relative to the repository root.</summary>
    public const string GoldenFolder = "tests/Ferret.Cli.Tests/Golden";

    public sealed record CliResult(int ExitCode, string Stdout, string Stderr);

    public static CliResult Run(params string[] arguments) => RunWithInput(null, arguments);

    /// <summary>Runs the CLI with <paramref name="standardInput"/> written to its stdin (null: stdin left alone).</summary>
    public static CliResult RunWithInput(string? standardInput, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = standardInput is not null,
            WorkingDirectory = Ferret.Testing.SharedCorpus.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ferret.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["FERRET_NO_TIMING"] = "1";
        start.Environment["COLUMNS"] = "120";
        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
            process.StandardInput.Close();
        }

        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return new CliResult(process.ExitCode, stdout, stderr.Result);
    }
}
