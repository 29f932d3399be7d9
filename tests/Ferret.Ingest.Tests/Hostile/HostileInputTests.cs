using System.Text;
using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Tests.Evtx;

namespace Ferret.Ingest.Tests.Hostile;

/// <summary>Input built to hurt the readers: each case is reported where it is, and everything beside it is read.</summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ferret-hostile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_json_line_with_a_lone_surrogate_is_reported_and_the_other_lines_and_inputs_are_counted()
    {
        var json = Write("a.json", Encoding.UTF8.GetBytes("{\"s\":\"ok1\"}\n{\"s\":\"\\ud800\"}\n{\"s\":\"\\udc00x\"}\n{\"s\":\"ok2\"}\n"));
        var other = Write("b.json", Encoding.UTF8.GetBytes("{\"s\":\"ok3\"}\n"));
        var problems = new ProblemCollector();

        var events = InputReader.Read([json, other], IngestOptions.Default, problems).ToList();

        Assert.Equal(["ok1", "ok2", "ok3"], events.Select(e => e["s"].Text));
        Assert.Equal(["line 2", "line 3"], problems.Problems.Select(p => p.Location));
        Assert.All(problems.Problems, p => Assert.Equal(json, p.File));
        Assert.All(problems.Problems, p => Assert.Contains("lone surrogate", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Nested_templates_that_would_render_gigabytes_stop_at_the_rendered_size_limit_and_the_next_record_is_read()
    {
        var path = Write("bomb.evtx", HostileEvtx.NestedTemplates());
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems, 1, maxRenderedChars: 100_000).ToList();

        Assert.Equal("<Event>record 2</Event>", Assert.Single(records).Xml);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("chunk 0, record 1", problem.Location);
        Assert.Contains("more than 100000 characters or nodes (limit [ferret] evtx_max_rendered_chars", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_past_a_lowered_free_space_offset_are_read_with_a_warning()
    {
        var path = Write("lowered.evtx", HostileEvtx.LoweredFreeSpace());
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.Equal(["<Event>record 1</Event>", "<Event>record 2</Event>", "<Event>record 3</Event>"], records.Select(r => r.Xml));
        var warning = Assert.Single(problems.Problems);
        Assert.Equal((ProblemSeverity.Warning, "chunk 0"), (warning.Severity, warning.Location));
        Assert.Contains($"past its free-space offset {HostileEvtx.LoweredFreeSpaceOffset}", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chunk_whose_records_end_at_its_free_space_offset_reports_nothing()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 1 };
        writer.Record(1, w =>
        {
            w.FragmentHeader();
            w.TemplateInstance(t =>
            {
                t.OpenElement("Event", withAttributes: false);
                t.U8(0x03);
            });
            w.U8(0x00);
        });
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(Write("plain.evtx", EvtxChunkWriter.File(1, writer.ToChunk())), problems).ToList();

        Assert.Single(records);
        Assert.Empty(problems.Problems);
    }
}
