using Ferret.Events;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Windows;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Windows;

/// <summary>
/// Every Windows event of the shared data corpus — each record of each EVTX file (as <see cref="EvtxFile"/> renders
/// it) and each event of the XmlWinEventLog text and Windows JSON files (the XML they carry or are rendered to) —
/// mapped by <see cref="WindowsEventMapper.FromXml(string)"/> and by the XmlReader mapping: the fields must be
/// identical, and the scanner must read nearly all of them itself (else the speed-up is lost without a failure).
/// </summary>
public sealed class WindowsEventScannerCorpusTests
{
    private const int MaxReportedDifferences = 10;

    [Fact]
    public void Every_corpus_event_maps_to_the_same_fields_as_with_XmlReader()
    {
        var root = SharedCorpus.Require("data");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var problems = new ProblemCollector();
        var differences = new List<string>();
        var checkedCount = 0;
        var scannedCount = 0;
        string? firstFallback = null;
        foreach (var file in files)
        {
            foreach (var (where, xml) in WindowsXmlOf(file, problems))
            {
                checkedCount++;
                if (WindowsEventMapper.TryFromXmlScanned(xml, collectorMessage: null) is not null)
                {
                    scannedCount++;
                }
                else
                {
                    firstFallback ??= $"{Path.GetRelativePath(root, file)} {where}";
                }

                if (MapperComparison.Difference(xml) is { } difference && differences.Count < MaxReportedDifferences)
                {
                    differences.Add($"{Path.GetRelativePath(root, file)} {where}: {difference}");
                }
            }
        }

        Assert.True(checkedCount > 1000, $"only {checkedCount} Windows events found under {root}");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
        Assert.True(scannedCount >= checkedCount * 0.99, $"the scanner read {scannedCount} of {checkedCount} events; the rest fell back to XmlReader, the first: {firstFallback}");
    }

    private static IEnumerable<(string Where, string Xml)> WindowsXmlOf(string file, IProblemSink problems)
    {
        if (file.EndsWith(".evtx", StringComparison.OrdinalIgnoreCase))
        {
            return EvtxFile.ReadRecords(file, problems).Select(r => ($"record {r.RecordId}", r.Xml));
        }

        if (Path.GetExtension(file).ToUpperInvariant() is not (".LOG" or ".XML" or ".JSON" or ".ZIP" or ".GZ"))
        {
            return [];
        }

        return InputReader.ReadFile(file, IngestOptions.Default, problems)
            .Where(e => e.SourceType == WindowsEventMapper.SourceType && e.Raw is not null)
            .Select((e, index) => ($"event {index + 1}", e.Raw!));
    }
}
