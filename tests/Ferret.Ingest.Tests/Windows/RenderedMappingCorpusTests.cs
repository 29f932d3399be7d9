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
}
