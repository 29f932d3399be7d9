namespace Ferret.Cli.Tests;

public sealed class HuntCommandTests
{
    [Fact]
    public void Hunt_without_arguments_runs_the_embedded_sample()
    {
        var result = CliRunner.Run("hunt");

        Assert.Equal(0, result.ExitCode);
        GoldenFile.AssertMatches("hunt-sample.stdout.txt", result.Stdout);
        GoldenFile.AssertMatches("hunt-sample.stderr.txt", result.Stderr);
    }

    [Fact]
    public void Hunt_json_writes_notable_and_risk_events_as_json_lines()
    {
        var result = CliRunner.Run("hunt", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Count(l => l.StartsWith("{\"index\":\"notable\"", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(l => l.StartsWith("{\"index\":\"risk\"", StringComparison.Ordinal)));
    }

    [Fact]
    public void Hunt_writes_a_self_contained_report()
    {
        var report = Path.Combine(Path.GetTempPath(), $"ferret-report-{Guid.NewGuid():N}.html");
        try
        {
            var result = CliRunner.Run("hunt", "--report", report);

            Assert.Equal(0, result.ExitCode);
            var html = File.ReadAllText(report);
            Assert.Contains("Sample WMI Subscription Bound To Active Consumer", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script src", html, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(report);
        }
    }

    [Fact]
    public void Hunt_with_content_but_no_input_says_what_is_missing()
    {
        var result = CliRunner.Run("hunt", "--content", "samples");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--content needs --input", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hunt")]
    [InlineData("test")]
    public void Help_is_pinned(string command)
    {
        var result = CliRunner.Run(command, "--help");

        Assert.Equal(0, result.ExitCode);
        GoldenFile.AssertMatches($"{command}-help.txt", result.Stdout);
    }

    [Fact]
    public void Test_on_the_sample_passes_every_detection_and_writes_junit()
    {
        var junit = Path.Combine(Path.GetTempPath(), $"ferret-junit-{Guid.NewGuid():N}.xml");
        try
        {
            var result = CliRunner.Run("test", "--content", "samples", "--attack-data", ".", "--junit", junit);

            Assert.Equal(0, result.ExitCode);
            GoldenFile.AssertMatches("test-sample.stdout.txt", result.Stdout);
            Assert.Contains("<testsuites name=\"ferret test\" tests=\"4\" failures=\"0\"", File.ReadAllText(junit), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(junit);
        }
    }
}
