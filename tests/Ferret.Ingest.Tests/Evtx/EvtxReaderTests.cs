using Ferret.Events;
using Ferret.Ingest.Evtx;

namespace Ferret.Ingest.Tests.Evtx;

public sealed class EvtxReaderTests : IDisposable
{
    private const string Namespace = "http://schemas.microsoft.com/win/2004/08/events/event";
    private readonly string _directory = Directory.CreateTempSubdirectory("ferret-evtx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>&lt;Event xmlns=...&gt;&lt;System&gt;&lt;EventID Qualifiers="[0?]"&gt;[1]&lt;/EventID&gt;&lt;Computer&gt;[2]&lt;/Computer&gt;&lt;/System&gt;&lt;/Event&gt;</summary>
    private static void EventTemplate(EvtxChunkWriter w)
    {
        w.OpenElement("Event", withAttributes: true);
        w.Attribute("xmlns");
        w.Text(Namespace);
        w.U8(0x02);
        w.OpenElement("System", withAttributes: false);
        w.U8(0x02);
        w.OpenElement("EventID", withAttributes: true);
        w.Attribute("Qualifiers");
        w.Substitution(0, 0x06, optional: true);
        w.U8(0x02);
        w.Substitution(1, 0x06, optional: false);
        w.U8(0x04);
        w.OpenElement("Computer", withAttributes: false);
        w.U8(0x02);
        w.Substitution(2, 0x01, optional: true);
        w.U8(0x04);
        w.OpenElement("Correlation", withAttributes: false);
        w.U8(0x03);
        w.U8(0x04);
        w.U8(0x04);
    }

    private static (byte, byte[]) UInt16(ushort value) => (0x06, BitConverter.GetBytes(value));

    private static (byte, byte[]) Utf16(string value) => (0x01, System.Text.Encoding.Unicode.GetBytes(value));

    private static (byte, byte[]) Null() => (0x00, []);

    internal static string Expected(string eventId, string? qualifiers, string computer) =>
        $"<Event xmlns='{Namespace}'><System><EventID{(qualifiers is null ? "" : $" Qualifiers='{qualifiers}'")}>{eventId}</EventID>"
        + $"<Computer>{computer}</Computer><Correlation/></System></Event>";

    /// <summary>Two records: the first defines the template inline, the second refers to it by offset.</summary>
    internal static EvtxChunkWriter TwoRecordChunk(ulong firstId = 1)
    {
        var writer = new EvtxChunkWriter { FirstRecordId = firstId, LastRecordId = firstId + 1 };
        var definition = 0;
        writer.Record(firstId, w =>
        {
            w.FragmentHeader();
            definition = w.TemplateInstance(EventTemplate, UInt16(16384), UInt16(4624), Utf16("HOST<1>"));
            w.U8(0x00);
        });
        writer.Record(firstId + 1, w =>
        {
            w.FragmentHeader();
            w.TemplateReference(definition, Null(), UInt16(4688), Utf16("B&B"));
            w.U8(0x00);
        });
        return writer;
    }

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.evtx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Template_defined_by_one_record_is_reused_by_a_later_record_of_the_chunk()
    {
        var problems = new ProblemCollector();
        var path = Write(EvtxChunkWriter.File(1, TwoRecordChunk().ToChunk()));

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.Empty(problems.Problems);
        Assert.Equal([1UL, 2UL], records.Select(r => r.RecordId));
        Assert.Equal(Expected("4624", "16384", "HOST&lt;1&gt;"), records[0].Xml);
        Assert.Equal(Expected("4688", null, "B&amp;B"), records[1].Xml);
        Assert.Equal(new DateTimeOffset(DateTime.FromFileTimeUtc(132_000_000_000_000_000L)), records[0].Written);
        Assert.All(records, r => Assert.Equal((path, 0), (r.File, r.ChunkIndex)));
    }

    [Fact]
    public void Checksum_mismatches_are_warnings_and_the_records_are_still_read()
    {
        var problems = new ProblemCollector();
        var path = Write(EvtxChunkWriter.File(1, TwoRecordChunk().ToChunk(validChecksums: false)));

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.Equal(2, records.Count);
        Assert.Equal(2, problems.Problems.Count);
        Assert.All(problems.Problems, p => Assert.Equal(ProblemSeverity.Warning, p.Severity));
        Assert.Contains(problems.Problems, p => p.Message.Contains("chunk header checksum", StringComparison.Ordinal));
        Assert.Contains(problems.Problems, p => p.Message.Contains("event records checksum", StringComparison.Ordinal));
    }

    [Fact]
    public void Record_with_a_bad_size_is_reported_and_the_next_record_of_the_chunk_is_read()
    {
        var writer = TwoRecordChunk(firstId: 10);
        var chunk = writer.ToChunk();
        chunk[512 + 4] ^= 0x01;
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(Write(EvtxChunkWriter.File(1, chunk)), problems).ToList();

        var problem = Assert.Single(problems.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal("chunk 0, record 10", problem.Location);
        Assert.Contains("bad size", problem.Message, StringComparison.Ordinal);
        Assert.Equal([11UL], records.Select(r => r.RecordId));
        Assert.Equal(Expected("4688", null, "B&amp;B"), records[0].Xml);
    }

    [Fact]
    public void Record_with_bad_binary_xml_is_reported_with_its_number_and_skipped()
    {
        var chunk = TwoRecordChunk().ToChunk();
        chunk[512 + 24 + 4] = 0x7F;
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(Write(EvtxChunkWriter.File(1, chunk)), problems).ToList();

        Assert.Contains(problems.Problems, p => p.Location == "chunk 0, record 1" && p.Message.Contains("binary XML", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.RecordId == 1);
    }

    [Fact]
    public void Chunks_beyond_the_header_count_of_a_dirty_file_are_read_and_unused_zero_chunks_are_silent()
    {
        var path = Write(EvtxChunkWriter.File(1, TwoRecordChunk(1).ToChunk(), TwoRecordChunk(3).ToChunk(), new byte[65536]));
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.Empty(problems.Problems);
        Assert.Equal([1UL, 2UL, 3UL, 4UL], records.Select(r => r.RecordId));
        Assert.Equal([0, 0, 1, 1], records.Select(r => r.ChunkIndex));
    }

    [Fact]
    public void Zeroed_or_bad_chunks_inside_the_header_count_are_reported_and_the_others_read()
    {
        var bad = TwoRecordChunk(5).ToChunk();
        bad[0] = (byte)'X';
        var path = Write(EvtxChunkWriter.File(4, TwoRecordChunk(1).ToChunk(), new byte[65536], bad, TwoRecordChunk(7).ToChunk()));
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(path, problems).ToList();

        Assert.Equal([1UL, 2UL, 7UL, 8UL], records.Select(r => r.RecordId));
        Assert.Contains(problems.Problems, p => p.Location == "chunk 1" && p.Severity == ProblemSeverity.Warning);
        Assert.Contains(problems.Problems, p => p.Location == "chunk 2" && p.Message.Contains("bad chunk signature", StringComparison.Ordinal));
    }

    [Fact]
    public void Parallel_reading_reports_each_chunks_problems_in_file_order_beside_its_records()
    {
        var bad = TwoRecordChunk(5).ToChunk();
        bad[0] = (byte)'X';
        var chunks = new[] { TwoRecordChunk(1).ToChunk(), new byte[65536], bad, TwoRecordChunk(7).ToChunk(), TwoRecordChunk(9).ToChunk(false) };
        var path = Write(EvtxChunkWriter.File(5, chunks));
        var sequentialProblems = new ProblemCollector();
        var parallelProblems = new ProblemCollector();

        var sequential = EvtxFile.ReadRecords(path, sequentialProblems).Select(r => r.RecordId).ToList();
        var parallel = EvtxFile.ReadRecords(path, parallelProblems, 3).Select(r => r.RecordId).ToList();

        Assert.Equal([1UL, 2UL, 7UL, 8UL, 9UL, 10UL], parallel);
        Assert.Equal(sequential, parallel);
        Assert.Equal(["chunk 1", "chunk 2", "chunk 4", "chunk 4"], parallelProblems.Problems.Select(p => p.Location));
        Assert.Equal(sequentialProblems.Problems, parallelProblems.Problems);
    }

    [Fact]
    public void Truncated_file_yields_the_records_before_the_cut()
    {
        var bytes = EvtxChunkWriter.File(1, TwoRecordChunk().ToChunk());
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadRecords(Write(bytes[..(4096 + 2048)]), problems).ToList();

        Assert.Equal([1UL, 2UL], records.Select(r => r.RecordId));
        Assert.Contains(problems.Problems, p => p.Message.Contains("file ends inside the chunk", StringComparison.Ordinal));
    }

    [Fact]
    public void Parallel_reading_yields_the_same_records_in_file_order()
    {
        var chunks = Enumerable.Range(0, 9).Select(i => TwoRecordChunk((ulong)(1 + (2 * i))).ToChunk()).ToArray();
        var path = Write(EvtxChunkWriter.File(9, chunks));

        var sequential = EvtxFile.ReadRecords(path, new ProblemCollector()).Select(r => (r.RecordId, r.Xml)).ToList();
        var parallel = EvtxFile.ReadRecords(path, new ProblemCollector(), 3).Select(r => (r.RecordId, r.Xml)).ToList();
        var range = EvtxFile.ReadChunkRange(path, new ProblemCollector(), 4, 2).Select(r => r.RecordId).ToList();

        Assert.Equal(18, sequential.Count);
        Assert.Equal(sequential, parallel);
        Assert.Equal([9UL, 10UL, 11UL, 12UL], range);
    }

    [Fact]
    public void A_file_that_is_not_evtx_is_reported_and_yields_nothing()
    {
        var problems = new ProblemCollector();
        var path = Write("not an event log at all"u8.ToArray());

        Assert.Empty(EvtxFile.ReadRecords(path, problems));
        Assert.Null(EvtxFile.Inspect(path, problems));
        Assert.Contains(problems.Problems, p => p.Location == "file header" && p.Message.Contains("not an EVTX file", StringComparison.Ordinal));
    }

    [Fact]
    public void Json_nests_system_and_keys_named_data_by_name()
    {
        var record = new EvtxRecord("f.evtx", 0, 1, DateTimeOffset.UnixEpoch,
            $"<Event xmlns=\"{Namespace}\"><System><Provider Name=\"P\" Guid=\"{{G}}\"/><EventID Qualifiers=\"0\">4624</EventID><Correlation/></System>"
            + "<EventData><Data Name=\"User\">a&amp;b</Data><Data Name=\"Empty\"/><Data>x</Data><Data>y</Data></EventData></Event>");

        var json = record.ToJson();

        Assert.Equal(
            "{\"Event\":{\"#attributes\":{\"xmlns\":\"" + Namespace + "\"},\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"P\",\"Guid\":\"{G}\"}},"
            + "\"EventID\":{\"#attributes\":{\"Qualifiers\":\"0\"},\"#text\":\"4624\"},\"Correlation\":null},"
            + "\"EventData\":{\"User\":\"a&b\",\"Empty\":null,\"Data\":[\"x\",\"y\"]}}}",
            json);
    }
}
