using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Evtx;

/// <summary>Reading events again by their position (<see cref="InputReader.Reread"/>, <see cref="EvtxFile.ReadAtPositions"/>):
/// what a hunt does to show the events it kept only as their origin.</summary>
public sealed class EvtxPositionReadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ferret-evtx-positions-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(byte[] bytes)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.evtx");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void A_record_read_by_position_uses_the_template_an_earlier_record_of_its_chunk_defined()
    {
        var path = Write(EvtxChunkWriter.File(2, EvtxReaderTests.TwoRecordChunk(1).ToChunk(), EvtxReaderTests.TwoRecordChunk(3).ToChunk()));
        var problems = new ProblemCollector();

        var records = EvtxFile.ReadAtPositions(path, [2, 3], problems, BinXmlRenderer.DefaultMaxRenderedChars);

        Assert.Empty(problems.Problems);
        Assert.Equal([2L, 3L], records.Keys.Order());
        Assert.Equal((2UL, 0, EvtxReaderTests.Expected("4688", null, "B&amp;B")), (records[2].RecordId, records[2].ChunkIndex, records[2].Xml));
        Assert.Equal((3UL, 1, EvtxReaderTests.Expected("4624", "16384", "HOST&lt;1&gt;")), (records[3].RecordId, records[3].ChunkIndex, records[3].Xml));
    }

    [Fact]
    public void A_position_past_a_record_that_does_not_frame_is_not_guessed_but_a_read_in_order_finds_it()
    {
        var chunk = EvtxReaderTests.TwoRecordChunk(firstId: 10).ToChunk();
        chunk[512 + 4] ^= 0x01;
        var path = Write(EvtxChunkWriter.File(1, chunk));

        var byPosition = InputReader.Reread(path, [1], IngestOptions.Default, new ProblemCollector());
        var inOrder = InputReader.Reread(path, [1], IngestOptions.Default, new ProblemCollector(), inOrder: true);

        Assert.Empty(byPosition);
        Assert.Equal("4688", Assert.Single(inOrder.Values)["EventCode"].Text);
        Assert.Equal(new EventOrigin(path, 1), inOrder[1].Origin);
    }

    [Fact]
    public void A_file_gone_since_the_first_read_gives_no_event_and_says_why()
    {
        var path = Write(EvtxChunkWriter.File(1, EvtxReaderTests.TwoRecordChunk().ToChunk()));
        File.Delete(path);
        var problems = new ProblemCollector();

        var events = InputReader.Reread(path, [1, 2], IngestOptions.Default, problems);

        Assert.Empty(events);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal(path, problem.File);
        Assert.Contains("cannot open", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>Intact files of the shared corpora: every event read again by position (one in five, the first and the
    /// last) equals the event the whole read made at that position, field by field and in its text.</summary>
    public static TheoryData<string> IntactFiles =>
    [
        "data/deepbluecli/many-events-application.evtx",
        "data/deepbluecli/metasploit-sysmon.evtx",
        "data/evtx-parser-samples/security.evtx",
        "data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx",
    ];

    [Theory]
    [MemberData(nameof(IntactFiles))]
    public void Events_read_again_by_position_are_the_events_of_the_whole_read(string relative)
    {
        var path = SharedCorpus.Require(relative);
        var whole = InputReader.ReadFile(path, IngestOptions.Default, new ProblemCollector()).ToList();
        var positions = whole.Select(e => e.Origin!.Position).Where(p => p % 5 == 0 || p == 1 || p == whole.Count).ToList();

        var index = new EvtxChunkIndex();

        // Without an index, with one counting the file, and with the count kept from the read before.
        foreach (var chunks in (EvtxChunkIndex?[])[null, index, index])
        {
            var again = InputReader.Reread(path, positions, IngestOptions.Default, new ProblemCollector(), index: chunks);

            Assert.Equal(positions, again.Keys.Order());
            foreach (var position in positions)
            {
                var expected = whole[(int)position - 1];
                Assert.Equal(expected.Origin, again[position].Origin);
                Assert.Equal(expected.Raw, again[position].Raw);
                Assert.Equal(FieldLines.Describe(expected), FieldLines.Describe(again[position]));
            }
        }
    }

    /// <summary>A file rewritten in place with the same length and time of last write: the chunk index still counts the
    /// old chunks, but the chunk read no longer says what was counted of it, so the file is counted again.</summary>
    [Fact]
    public void A_chunk_that_no_longer_holds_what_the_index_counted_makes_the_read_count_the_file_again()
    {
        var path = Write(EvtxChunkWriter.File(2, EvtxReaderTests.TwoRecordChunk(1).ToChunk(), EvtxReaderTests.TwoRecordChunk(3).ToChunk()));
        var written = File.GetLastWriteTimeUtc(path);
        var index = new EvtxChunkIndex();
        Assert.Equal(1UL, EvtxFile.ReadAtPositions(path, [1], new ProblemCollector(), BinXmlRenderer.DefaultMaxRenderedChars, index)[1].RecordId);
        File.WriteAllBytes(path, EvtxChunkWriter.File(2, new byte[EvtxLayout.ChunkSize], EvtxReaderTests.TwoRecordChunk(7).ToChunk()));
        File.SetLastWriteTimeUtc(path, written);

        var records = EvtxFile.ReadAtPositions(path, [1, 2], new ProblemCollector(), BinXmlRenderer.DefaultMaxRenderedChars, index);

        Assert.Equal([(1L, 7UL, 1), (2L, 8UL, 1)], records.OrderBy(r => r.Key).Select(r => (r.Key, r.Value.RecordId, r.Value.ChunkIndex)));
    }

    [Fact]
    public void Every_stress_file_read_again_in_order_gives_the_events_of_the_whole_read()
    {
        var folder = SharedCorpus.Require("data/evtx-parser-samples");
        foreach (var path in Directory.EnumerateFiles(folder, "*.evtx").Order(StringComparer.Ordinal))
        {
            var whole = InputReader.ReadFile(path, IngestOptions.Default, new ProblemCollector()).ToList();
            var positions = whole.Select(e => e.Origin!.Position).Where(p => p % 97 == 1).ToList();

            var again = InputReader.Reread(path, positions, IngestOptions.Default, new ProblemCollector(), inOrder: true);

            Assert.Equal(positions, again.Keys.Order());
            Assert.All(positions, p => Assert.Equal(whole[(int)p - 1].Raw, again[p].Raw));
        }
    }
}
