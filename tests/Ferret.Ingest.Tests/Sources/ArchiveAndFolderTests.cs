using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Ferret.Events;
using Ferret.Ingest.Tests.Xml;

namespace Ferret.Ingest.Tests.Sources;

public sealed class ArchiveAndFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ferret-ingest-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_zip_member_is_sniffed_and_read_and_named_archive_colon_member()
    {
        var path = Path.Combine(_folder, "logs.zip");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Write(zip.CreateEntry("inner/events.log"), XmlWinEventLogReaderTests.Event(1) + "\n");
            Write(zip.CreateEntry("inner/broken.json"), "{\"a\":1}\n{oops\n");
        }

        var (events, problems) = TestInputs.ReadPath(path);

        Assert.Equal(["1", null], events.Select(e => e["EventRecordID"].Text));
        var problem = Assert.Single(problems);
        Assert.Equal(path + ":inner/broken.json", problem.File);
        Assert.Equal("line 2", problem.Location);
        Assert.Equal(path + ":inner/broken.json", events[1].Source);
    }

    [Fact]
    public void A_gzip_file_is_read_as_the_file_it_holds()
    {
        var path = Path.Combine(_folder, "events.json.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"n\":1}\n{\"n\":2}\n"));
        }

        var (events, problems) = TestInputs.ReadPath(path);

        Assert.Empty(problems);
        Assert.Equal(["1", "2"], events.Select(e => e["n"].Text));
        Assert.Equal(path, events[0].Source);
    }

    [Fact]
    public void A_tar_gz_file_is_read_member_by_member_including_a_zip_inside()
    {
        var zipBytes = new MemoryStream();
        using (var zip = new ZipArchive(zipBytes, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip.CreateEntry("deep.log"), XmlWinEventLogReaderTests.Event(9));
        }

        var path = Path.Combine(_folder, "attack_data.tar.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var tar = new TarWriter(gzip))
        {
            AddTarEntry(tar, "attack_data.txt", Encoding.UTF8.GetBytes("{\"n\":1}\n"));
            AddTarEntry(tar, "nested.zip", zipBytes.ToArray());
        }

        var (events, problems) = TestInputs.ReadPath(path);

        Assert.Empty(problems);
        Assert.Equal(2, events.Count);
        Assert.Equal(path + ":attack_data.txt", events[0].Source);
        Assert.Equal("9", events[1]["EventRecordID"].Text);
    }

    [Fact]
    public void A_binary_file_of_unknown_format_is_reported_not_skipped_in_silence()
    {
        File.WriteAllBytes(Path.Combine(_folder, "a.csv"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10]);
        File.WriteAllText(Path.Combine(_folder, "b.log"), XmlWinEventLogReaderTests.Event(1));

        var (events, problems) = TestInputs.ReadPath(_folder);

        Assert.Single(events);
        var problem = Assert.Single(problems);
        Assert.Equal(Path.Combine(_folder, "a.csv"), problem.File);
        Assert.Contains("unknown format", problem.Message, StringComparison.Ordinal);
        Assert.Equal(ProblemSeverity.Warning, problem.Severity);
    }

    [Fact]
    public void A_truncated_gzip_reports_its_cut_line_and_the_events_before_the_break_are_kept()
    {
        var whole = new MemoryStream();
        using (var gzip = new GZipStream(whole, CompressionLevel.Fastest, leaveOpen: true))
        {
            for (var i = 0; i < 20000; i++)
            {
                gzip.Write(Encoding.UTF8.GetBytes($"{{\"n\":{i},\"pad\":\"{Guid.NewGuid()}\"}}\n"));
            }
        }

        var path = Path.Combine(_folder, "cut.json.gz");
        File.WriteAllBytes(path, whole.ToArray().AsSpan(0, (int)(whole.Length / 2)).ToArray());

        var (events, problems) = TestInputs.ReadPath(path);

        Assert.NotEmpty(events);
        Assert.True(events.Count < 20000);
        var problem = Assert.Single(problems);
        Assert.Equal(path, problem.File);
        Assert.Equal($"line {events.Count + 1}", problem.Location);
    }

    [Fact]
    public void Folders_are_walked_recursively_in_name_order_and_parallel_reading_keeps_that_order()
    {
        for (var f = 0; f < 6; f++)
        {
            var sub = Path.Combine(_folder, $"d{f % 2}");
            Directory.CreateDirectory(sub);
            File.WriteAllText(Path.Combine(sub, $"f{f}.json"), string.Concat(Enumerable.Range(0, 700).Select(i => $"{{\"file\":{f},\"i\":{i}}}\n")));
        }

        var problems = new ProblemCollector();
        var sequential = InputReader.Read([_folder], new IngestOptions { MaxParallelFiles = 1 }, problems).Select(Key).ToList();
        var parallel = InputReader.Read([_folder], new IngestOptions { MaxParallelFiles = 4 }, problems).Select(Key).ToList();

        Assert.Empty(problems.Problems);
        Assert.Equal(6 * 700, parallel.Count);
        Assert.Equal(sequential, parallel);
        Assert.Equal("0/0", parallel[0]);
        Assert.Equal("2/0", parallel[700]);

        static string Key(Event e) => e["file"].Text + "/" + e["i"].Text;
    }

    [Fact]
    public void Stopping_early_in_a_parallel_read_ends_without_hanging()
    {
        for (var f = 0; f < 4; f++)
        {
            File.WriteAllText(Path.Combine(_folder, $"f{f}.json"), string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"i\":{i}}}\n")));
        }

        var first = InputReader.Read([_folder], new IngestOptions { MaxParallelFiles = 2 }, new ProblemCollector()).Take(10).ToList();

        Assert.Equal(10, first.Count);
    }

    [Fact]
    public void A_missing_path_is_reported()
    {
        var missing = Path.Combine(_folder, "nope.evtx");

        var (events, problems) = TestInputs.ReadPath(missing);

        Assert.Empty(events);
        Assert.Equal(missing, Assert.Single(problems).File);
    }

    private static void Write(ZipArchiveEntry entry, string text)
    {
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void AddTarEntry(TarWriter tar, string name, byte[] data) =>
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(data) });
}
