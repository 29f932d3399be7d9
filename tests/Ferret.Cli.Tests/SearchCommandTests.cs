namespace Ferret.Cli.Tests;

/// <summary><c>ferret search</c> compiles its search through the content's compile pipeline: the content's macros and
/// lookups, diagnostics at the line and column of the search as written, the searched span from --earliest/--latest.</summary>
public sealed class SearchCommandTests
{
    [Fact]
    public void A_search_uses_the_macros_and_lookups_of_its_content()
    {
        using var content = new ContentFolder();

        var result = CliRunner.Run("search", "`security_hosts` EventCode=4698 | stats count by host | lookup owners host OUTPUT owner | `as_table`",
            "-i", "samples/logs", "-c", content.Root, "-f", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"host\":\"wks-017.corp.ferret.test\",\"owner\":\"alice\"}\n", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("| makeresults | stast count", "error SPL3014 at 1:17: Unknown search command 'stast'. Did you mean 'stats'?")]
    [InlineData("| makeresults | `as_table` | stast count", "error SPL3014 at 1:30: Unknown search command 'stast'. Did you mean 'stats'?")]
    [InlineData("| makeresults | eval a=`broken`", "error SPL1007 at 1:24: unexpected 'x.* AS *' in eval")]
    public void A_search_that_does_not_compile_exits_2_naming_the_line_and_column_as_written(string spl, string message)
    {
        using var content = new ContentFolder();

        var result = CliRunner.Run("search", spl, "-c", content.Root);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void Timechart_fills_the_span_given_by_earliest_and_latest_in_iso_8601()
    {
        var result = CliRunner.Run("search", "EventCode=4698 | timechart span=1h count", "-i", "samples/logs",
            "--earliest", "2026-03-02T08:00:00Z", "--latest", "2026-03-02T12:00:00Z", "-f", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("_time,count\n1772438400,0\n1772442000,3\n1772445600,0\n1772449200,0\n", result.Stdout.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void An_earliest_that_is_no_time_exits_2_and_says_why()
    {
        var result = CliRunner.Run("search", "EventCode=4698 | stats count", "-i", "samples/logs", "--earliest", "yesterday-ish");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("ferret search: --earliest: 'yesterday-ish' is neither a time modifier nor an ISO 8601 time", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A content folder with three macros and a lookup of host owners.</summary>
    private sealed class ContentFolder : IDisposable
    {
        public ContentFolder()
        {
            Root = Path.Combine(Path.GetTempPath(), $"ferret-search-{Guid.NewGuid():N}");
            foreach (var folder in new[] { "detections", "macros", "lookups", "stories", "data_sources" })
            {
                Directory.CreateDirectory(Path.Combine(Root, folder));
            }

            Write("macros/security_hosts.yml", "definition: sourcetype=XmlWinEventLog source=\"XmlWinEventLog:Security\"\ndescription: d\nname: security_hosts\n");
            Write("macros/as_table.yml", "definition: table host owner\ndescription: d\nname: as_table\n");
            Write("macros/broken.yml", "definition: rename x.* AS *\ndescription: d\nname: broken\n");
            Write("lookups/owners.yml", "description: Host owners.\nfilename: owners.csv\nname: owners\n");
            Write("lookups/owners.csv", "host,owner\nwks-017.corp.ferret.test,alice\n");
        }

        public string Root { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private void Write(string path, string text) => File.WriteAllText(Path.Combine(Root, path), text);
    }
}
