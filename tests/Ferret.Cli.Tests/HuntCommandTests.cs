using Ferret.Testing;

namespace Ferret.Cli.Tests;

public sealed class HuntCommandTests
{
    [Fact]
    public void Hunt_without_arguments_runs_the_embedded_sample()
    {
        var result = CliRunner.Run("hunt");

        Assert.Equal(0, result.ExitCode);
        GoldenFile.AssertMatches(CliRunner.GoldenFolder, "hunt-sample.stdout.txt", result.Stdout);
        GoldenFile.AssertMatches(CliRunner.GoldenFolder, "hunt-sample.stderr.txt", result.Stderr);
    }

    [Fact]
    public void Hunt_notables_writes_notable_and_risk_events_as_json_lines()
    {
        var result = CliRunner.Run("hunt", "--format", "notables");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Count(l => l.StartsWith("{\"index\":\"notable\"", StringComparison.Ordinal)));
        Assert.Equal(6, lines.Count(l => l.StartsWith("{\"index\":\"risk\"", StringComparison.Ordinal)));

        // The sample's risk incidents: ES's rule names, and the findings that added up to each.
        using var incident = System.Text.Json.JsonDocument.Parse(lines.Single(l => l.Contains("\"search_name\":\"Risk - 24 Hour Risk Threshold Exceeded - Rule\"", StringComparison.Ordinal)));
        Assert.Equal(128, incident.RootElement.GetProperty("risk_score").GetDouble());
        Assert.Equal(2, incident.RootElement.GetProperty("contributing_findings").GetArrayLength());
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

    [Fact]
    public void Test_on_the_sample_passes_every_detection_and_writes_junit()
    {
        var junit = Path.Combine(Path.GetTempPath(), $"ferret-junit-{Guid.NewGuid():N}.xml");
        try
        {
            var result = CliRunner.Run("test", "--content", "samples", "--attack-data", ".", "--junit", junit);

            Assert.Equal(0, result.ExitCode);
            GoldenFile.AssertMatches(CliRunner.GoldenFolder, "test-sample.stdout.txt", result.Stdout);
            Assert.Contains("<testsuites name=\"ferret test\" tests=\"4\" failures=\"0\"", File.ReadAllText(junit), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(junit);
        }
    }

    [Fact]
    public void Test_reads_a_limits_file_and_reports_a_setting_it_does_not_know_with_its_line()
    {
        var limits = Path.Combine(Path.GetTempPath(), $"ferret-limits-{Guid.NewGuid():N}.conf");
        File.WriteAllText(limits, "[subsearch]\nmaxout = 500\nnot_a_limit = 3\n");
        try
        {
            var result = CliRunner.Run("test", "--content", "samples", "--attack-data", ".", "--limits", limits);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("line 3", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("not_a_limit", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(limits);
        }
    }

    [Fact]
    public void Test_with_a_limits_file_that_does_not_exist_stops_with_exit_code_2()
    {
        var result = CliRunner.Run("test", "--content", "samples", "--attack-data", ".", "--limits", "/nonexistent/limits.conf");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read --limits /nonexistent/limits.conf", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv", "minimal")]
    [InlineData("csv", "standard")]
    [InlineData("csv", "verbose")]
    [InlineData("json", "standard")]
    public void Hunt_output_profiles_are_pinned(string format, string profile)
    {
        var result = CliRunner.Run("hunt", "-c", "samples", "-i", "samples/logs", "-f", format, "--profile", profile);

        Assert.Equal(0, result.ExitCode);
        GoldenFile.AssertMatches(CliRunner.GoldenFolder, $"hunt-sample.{profile}.{format}", result.Stdout);
    }

    [Fact]
    public void Hunt_shows_times_in_the_zone_asked_for()
    {
        var result = CliRunner.Run("hunt", "-f", "csv", "--time-zone", "Asia/Tokyo");

        Assert.Contains("2026-03-02T18:14:07.000+09:00", result.Stdout, StringComparison.Ordinal);
    }
}
