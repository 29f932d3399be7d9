using System.Diagnostics;
using Ferret.Testing;

namespace Ferret.Cli.Tests.Publishing;

/// <summary>
/// <c>ferret build</c> and <c>ferret docs</c> run as a user runs them (the built ferret.dll in a child
/// process); their output is pinned by golden files under Publishing/Golden (<c>FERRET_UPDATE_GOLDEN=1</c>
/// rewrites them). Temporary paths are replaced by <c>OUT</c> before comparing.
/// </summary>
public sealed class PublishingCommandTests
{
    private static string SmallContent =>
        Path.Combine(SharedCorpus.RepositoryRoot, "tests", "Ferret.Content.Tests", "Fixtures", "content");

    [Fact]
    public void Build_prints_what_it_wrote_and_the_content_problems()
    {
        var output = Directory.CreateTempSubdirectory("ferret-cli-build-").FullName;
        try
        {
            var (exitCode, stdout, stderr) = Run("build", "--content", SmallContent, "--output", output, "--app-version", "1.0.0");

            Assert.Equal(0, exitCode);
            AssertGolden("build.stdout.txt", stdout.Replace(output, "OUT", StringComparison.Ordinal));
            AssertGolden("build.stderr.txt", stderr.Replace(SmallContent, "CONTENT", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(output, "DA-ESS-ContentUpdate", "default", "savedsearches.conf")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Docs_prints_how_many_pages_it_wrote()
    {
        var output = Directory.CreateTempSubdirectory("ferret-cli-docs-").FullName;
        try
        {
            var (exitCode, stdout, _) = Run("docs", "--content", SmallContent, "--output", output, "--format", "text");

            Assert.Equal(0, exitCode);
            AssertGolden("docs.stdout.txt", stdout.Replace(output, "OUT", StringComparison.Ordinal));
            Assert.True(File.Exists(Path.Combine(output, "detections", "fixture_v4_scheduled_task.txt")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Docs_with_a_broken_test_results_file_fails_naming_it()
    {
        var folder = Directory.CreateTempSubdirectory("ferret-cli-docs-").FullName;
        try
        {
            var results = Path.Combine(folder, "results.json");
            File.WriteAllText(results, "not json");

            var (exitCode, _, stderr) = Run("docs", "--content", SmallContent, "--output", folder, "--test-results", results);

            Assert.Equal(2, exitCode);
            Assert.Contains("results.json: line 1", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("build")]
    [InlineData("docs")]
    public void Help_lists_the_options(string command)
    {
        var (exitCode, stdout, _) = Run(command, "--help");

        Assert.Equal(0, exitCode);
        AssertGolden($"{command}.help.txt", stdout);
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ferret.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["COLUMNS"] = "120";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet ferret.dll");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result.Replace("\r\n", "\n", StringComparison.Ordinal), stderr.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static void AssertGolden(string name, string actual) =>
        GoldenFile.AssertMatches("tests/Ferret.Cli.Tests/Publishing/Golden", name, actual);
}
