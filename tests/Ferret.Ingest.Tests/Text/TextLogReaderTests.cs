using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Ferret.Events;
using Ferret.Ingest.Text;

namespace Ferret.Ingest.Tests.Text;

public sealed class TextLogReaderTests
{
    [Fact]
    public void Each_line_of_a_text_log_is_an_event_with_the_sniffed_sourcetype_and_the_file_as_source()
    {
        var (events, problems) = TestInputs.ReadText("type=EXECVE msg=audit(1.0:1): argc=1\r\n\r\ntype=PATH msg=audit(1.0:1): item=0\n");

        Assert.Empty(problems);
        Assert.Equal(["type=EXECVE msg=audit(1.0:1): argc=1", "type=PATH msg=audit(1.0:1): item=0"], events.Select(e => e.Raw));
        Assert.All(events, e => Assert.Equal("linux:audit", e.SourceType));
        Assert.All(events, e => Assert.EndsWith(".log", e.Source, StringComparison.Ordinal));
    }

    [Fact]
    public void Prose_is_reported_as_unknown_and_read_line_by_line_only_under_a_given_sourcetype()
    {
        const string text = "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n";

        var (skipped, problems) = TestInputs.ReadText(text);
        var (read, _) = TestInputs.ReadText(text, options: new IngestOptions { SourceType = "notes" });

        Assert.Empty(skipped);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("unknown format", problem.Message, StringComparison.Ordinal);
        Assert.Equal(["GNU GENERAL PUBLIC LICENSE", "Version 3, 29 June 2007"], read.Select(e => e.Raw));
    }

    [Fact]
    public void A_forced_sourcetype_and_source_replace_the_sniffed_ones()
    {
        var options = new IngestOptions { SourceType = "pan:traffic", Source = "firewall" };

        var (events, _) = TestInputs.ReadText("1,2024/02/22 12:33:50,0128,TRAFFIC,end\n", options: options);

        var e = Assert.Single(events);
        Assert.Equal("pan:traffic", e.SourceType);
        Assert.Equal("firewall", e.Source);
    }

    [Fact]
    public void Csv_with_a_header_gets_the_header_names_as_fields_and_a_short_row_is_reported()
    {
        var (events, problems) = TestInputs.ReadText("user,action,src\nalice,allowed,\"10.0.0.1\"\nbob,blocked\n");

        Assert.Equal(2, events.Count);
        Assert.Equal("alice", events[0]["user"].Text);
        Assert.Equal("10.0.0.1", events[0]["src"].Text);
        Assert.Equal("csv", events[0].SourceType);
        Assert.Equal("blocked", events[1]["action"].Text);
        var problem = Assert.Single(problems);
        Assert.Equal("line 3", problem.Location);
    }

    [Fact]
    public void A_gzipped_text_log_is_read_like_the_plain_one()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("May 27 09:28:36 host sshd[1]: one\nMay 27 09:28:37 host sshd[1]: two\n"));
        }

        var path = TestInputs.WriteTemp(compressed.ToArray(), ".gz");
        try
        {
            var (events, _) = TestInputs.ReadPath(path);

            Assert.Equal(2, events.Count);
            Assert.All(events, e => Assert.Equal("syslog", e.SourceType));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Merged_lines_make_one_event_until_a_line_starts_a_new_one()
    {
        var rules = new TextBreaking(TextBreaking.DefaultLineBreaker, true, line => line.StartsWith("2024", StringComparison.Ordinal), 0, 256);
        var text = "2024 first\n  continued\n  again\n2024 second\n";

        var events = new TextEventBreaker(new StringReader(text), rules).Events().ToList();

        Assert.Equal([("2024 first\n  continued\n  again", 1), ("2024 second", 4)], events);
    }

    [Fact]
    public void A_custom_line_breaker_drops_only_its_first_group_and_works_across_chunks()
    {
        var rules = new TextBreaking(new Regex(@"(;)\d"), false, null, 0, 256);
        var text = string.Join(';', Enumerable.Range(1, 30_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var events = new TextEventBreaker(new StringReader(text), rules).Events().Select(e => e.Raw).ToList();

        Assert.Equal(30_000, events.Count);
        Assert.Equal("12345", events[12_344]);
    }

    [Fact]
    public void An_event_longer_than_truncate_is_cut()
    {
        var rules = TextBreaking.LinePerEvent with { Truncate = 5 };

        var events = new TextEventBreaker(new StringReader("0123456789\nab\n"), rules).Events().Select(e => e.Raw).ToList();

        Assert.Equal(["01234", "ab"], events);
    }

    [Fact]
    public void Index_time_rules_run_on_each_event_read()
    {
        var options = new IngestOptions { IndexTime = new StampingRules() };

        var (events, _) = TestInputs.ReadText("a=1\nb=2\n", options: options);

        Assert.All(events, e => Assert.Equal(42, e.Time));
    }

    private sealed class StampingRules : IIndexTimeRules
    {
        public TextBreaking BreakingFor(string source, string sourceType) => TextBreaking.LinePerEvent;

        public void Apply(Event e) => e.Time = 42;
    }
}
