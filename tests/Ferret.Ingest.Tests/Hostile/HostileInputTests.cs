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

    /// <summary>
    /// Writes the body of template <paramref name="depth"/> of a "billion laughs" in binary XML: template 0 is an element
    /// with text; template n holds <paramref name="copies"/> instances of template n-1 (the first defines it inline), so a
    /// record of a few kilobytes renders copies^depth elements.
    /// </summary>
    private static void NestedTemplates(EvtxChunkWriter w, int depth, int copies)
    {
        if (depth == 0)
        {
            w.OpenElement("Data", withAttributes: false);
            w.U8(0x02);
            w.Text("laugh");
            w.U8(0x04);
            return;
        }

        var inner = w.TemplateInstance(t => NestedTemplates(t, depth - 1, copies));
        for (var i = 1; i < copies; i++)
        {
            w.TemplateReference(inner);
        }
    }

    [Fact]
    public void Nested_templates_that_would_render_gigabytes_stop_at_the_rendered_size_limit_and_the_next_record_is_read()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 2 };
        writer.Record(1, w =>
        {
            w.FragmentHeader();
            w.TemplateInstance(t => NestedTemplates(t, depth: 30, copies: 4));
            w.U8(0x00);
        });
        writer.Record(2, w =>
        {
            w.FragmentHeader();
            w.TemplateInstance(t =>
            {
                t.OpenElement("Event", withAttributes: false);
                t.U8(0x02);
                t.Text("fine");
                t.U8(0x04);
            });
            w.U8(0x00);
        });
        var path = Write("bomb.evtx", EvtxChunkWriter.File(1, writer.ToChunk()));
        Assert.True(new FileInfo(path).Length < 80_000);
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems, 1, maxRenderedChars: 100_000).ToList();

        Assert.Equal("<Event>fine</Event>", Assert.Single(records).Xml);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal("chunk 0, record 1", problem.Location);
        Assert.Contains("more than 100000 characters or nodes (limit [ferret] evtx_max_rendered_chars", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_past_a_lowered_free_space_offset_are_read_with_a_warning()
    {
        var writer = new EvtxChunkWriter { FirstRecordId = 1, LastRecordId = 3 };
        var ends = new List<int>();
        for (ulong id = 1; id <= 3; id++)
        {
            writer.Record(id, w =>
            {
                w.FragmentHeader();
                w.TemplateInstance(t =>
                {
                    t.OpenElement("Event", withAttributes: false);
                    t.U8(0x02);
                    t.Text($"record{id}");
                    t.U8(0x04);
                });
                w.U8(0x00);
            });
            ends.Add(writer.Position);
        }

        var path = Write("lowered.evtx", EvtxChunkWriter.File(1, writer.ToChunk(freeSpace: ends[0])));
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.Equal([1UL, 2UL, 3UL], records.Select(r => r.RecordId));
        var warning = Assert.Single(problems.Problems);
        Assert.Equal((ProblemSeverity.Warning, "chunk 0"), (warning.Severity, warning.Location));
        Assert.Contains($"past its free-space offset {ends[0]}", warning.Message, StringComparison.Ordinal);
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
