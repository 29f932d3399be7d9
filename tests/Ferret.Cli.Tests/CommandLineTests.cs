using Ferret.Testing;

namespace Ferret.Cli.Tests;

/// <summary>The option vocabulary every subcommand shares, and its exit codes: 0 done, 1 findings or failures where a
/// subcommand defines them, 2 usage or input errors.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("hunt")]
    [InlineData("search")]
    [InlineData("test")]
    [InlineData("validate")]
    [InlineData("evtx dump")]
    public void Help_is_pinned(string command)
    {
        var result = CliRunner.Run([.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        GoldenFile.AssertMatches(CliRunner.GoldenFolder, $"{command.Replace(' ', '-')}-help.txt", result.Stdout);
    }

    [Fact]
    public void An_option_after_the_inputs_is_read_as_an_option()
    {
        var result = CliRunner.Run("hunt", "-c", "samples", "-i", "samples/logs", "--min-level", "medium", "-f", "csv");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rows.Length);
        Assert.Contains(",medium,Sample Scheduled Task Registered With Shell Action,", rows[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--no-such-option")]
    [InlineData("search", "index=*", "-i", "samples/logs", "--no-such-option")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--min-level", "nonsense")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--time-zone", "Mars/Olympus")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--earliest", "yesterday-ish")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--threads", "0")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--evtx-decoding-threads", "0")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--evtx-decoding-threads", "-2")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/logs", "--evtx-decoding-threads", "two")]
    [InlineData("hunt", "-c", "samples", "-i", "samples/no-such-folder")]
    [InlineData("search", "index=*", "-i", "samples/no-such-file.log")]
    [InlineData("search", "index=*")]
    [InlineData("search", "index=* | nosuchcommand", "-i", "samples/logs")]
    [InlineData("evtx", "dump", "samples/no-such-file.evtx")]
    [InlineData("validate", "-c", "samples/no-such-folder")]
    public void Usage_and_input_errors_exit_2_with_a_message(params string[] arguments)
    {
        var result = CliRunner.Run(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual(string.Empty, result.Stderr.Trim());
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Search_writes_its_results_to_the_output_named_after_the_inputs()
    {
        var output = Path.Combine(Path.GetTempPath(), $"ferret-search-{Guid.NewGuid():N}.csv");
        try
        {
            var result = CliRunner.Run("search", "EventCode=4698 | stats count", "-i", "samples/logs", "-o", output, "-f", "csv");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("count\n3\n", File.ReadAllText(output).Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>Splunk returns a historical search's events newest first, so head reads the end of a file written oldest
    /// first (Search Reference, "head command").</summary>
    [Fact]
    public void Head_2_over_a_file_gives_its_two_newest_events_newest_first()
    {
        var input = Path.Combine(Path.GetTempPath(), $"ferret-order-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllLines(input,
            [
                "{\"time\":\"2024-05-01T10:00:00Z\",\"n\":\"1\"}",
                "{\"time\":\"2024-05-01T10:01:00Z\",\"n\":\"2\"}",
                "{\"time\":\"2024-05-01T10:02:00Z\",\"n\":\"3\"}",
            ]);

            var result = CliRunner.Run("search", "* | head 2 | table n", "-i", input, "-f", "csv");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("n\n3\n2\n", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Fact]
    public void A_dash_input_reads_standard_input()
    {
        var log = File.ReadAllText(Path.Combine(Ferret.Testing.SharedCorpus.RepositoryRoot, "samples", "logs", "windows-security.log"));

        var result = CliRunner.RunWithInput(log, "search", "EventCode=4698 | stats count", "-i", "-", "-f", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"count\":\"3\"}\n", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_evtx_file_is_warned_about()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"ferret-empty-{Guid.NewGuid():N}.evtx");
        File.WriteAllBytes(empty, []);
        try
        {
            var result = CliRunner.Run("hunt", "-c", "samples", "-i", empty);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains($"{empty}: file: warning: no events in this file", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void The_old_detections_spelling_still_selects_detections()
    {
        var result = CliRunner.Run("hunt", "-c", "samples", "-i", "samples/logs", "--detections", "Sample WMIC*", "-f", "csv", "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(string.Empty, result.Stderr);
    }
}
