using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Windows;

/// <summary>
/// Every record of every EVTX file of the shared data corpus, mapped from the binary XML walk that renders it and
/// from its rendered XML: the fields must be identical, in the same order, and the walk must map nearly all records
/// itself (else the speed-up is lost without a failure).
/// </summary>
public sealed class RenderedMappingCorpusTests
{
    private const int MaxReportedDifferences = 10;

    [Fact]
    [Trait("Category", "Corpus")]
    public void Every_corpus_record_gets_the_same_fields_from_the_walk_as_from_its_xml()
    {
        var root = SharedCorpus.Require("data");
        var files = Directory.EnumerateFiles(root, "*.evtx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var problems = new ProblemCollector();
        var differences = new List<string>();
        var recordCount = 0;
        var walkedCount = 0;
        string? firstLeftToText = null;
        foreach (var file in files)
        {
            foreach (var record in EvtxFile.ReadMappedRecords(file, problems, 1, BinXmlRenderer.DefaultMaxRenderedChars))
            {
                recordCount++;
                if (record.MappedEvent is null)
                {
                    firstLeftToText ??= $"{Path.GetRelativePath(root, file)} record {record.RecordId}";
                }
                else
                {
                    walkedCount++;
                }

                if (RenderedMapping.Difference(record) is { } difference && differences.Count < MaxReportedDifferences)
                {
                    differences.Add($"{Path.GetRelativePath(root, file)} record {record.RecordId}: {difference}");
                }
            }
        }

        Assert.True(recordCount > 30_000, $"only {recordCount} EVTX records found under {root}");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.True(walkedCount >= recordCount * 0.99,
            $"the walk mapped {walkedCount} of {recordCount} records; the rest went through the XML text, the first: {firstLeftToText}");
    }

    [Fact]
    [Trait("Category", "Corpus")]
    public void A_file_whose_chunks_are_decoded_on_several_threads_gives_the_same_events_and_problems_in_the_same_order()
    {
        var root = SharedCorpus.Require("data");
        var files = Directory.EnumerateFiles(Path.Combine(root, "evtx-parser-samples"), "*.evtx", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).ToList();
        var compared = 0;
        foreach (var file in files)
        {
            var oneThread = Read(file, 1);
            var threeThreads = Read(file, 3);

            Assert.True(oneThread.Events.SequenceEqual(threeThreads.Events), $"{file}: events differ when decoded on three threads");
            Assert.Equal(oneThread.Problems, threeThreads.Problems);
            compared += oneThread.Events.Count;
        }

        Assert.True(compared > 1000, $"only {compared} events compared under {root}");
    }

    private static (List<string> Events, IReadOnlyList<InputProblem> Problems) Read(string file, int threads)
    {
        var problems = new ProblemCollector();
        var options = IngestOptions.Default with { EvtxDecodingThreads = threads };
        var events = InputReader.ReadFile(file, options, problems)
            .Select(e => string.Join("\n", e.Fields.Select(field => $"{field.Key}={field.Value}")))
            .ToList();
        return (events, problems.Problems);
    }
}
