using BenchmarkDotNet.Attributes;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Windows;

namespace Ferret.Benchmarks.Ingest;

/// <summary>
/// Cost per event of <see cref="WindowsEventMapper"/> on real records: the scanner-backed
/// <see cref="WindowsEventMapper.FromXml(string)"/> against the XmlReader mapping it replaced
/// (<see cref="WindowsEventMapper.FromXmlViaXmlReader"/>). The events: 100 Security records
/// (evtx-parser-samples/security.evtx), 100 Sysmon records (evtx-parser-samples/sysmon.evtx), the WMI-Activity
/// records with UserData of deepbluecli/wmi-event-filter-persistance.evtx and the Sysmon XmlWinEventLog text
/// (single-quoted attributes) of attack_data T1003.003/credential-dumping-via-copy, cycled to 256 events.
/// Read from FERRET_SHARED (or ../shared from the working directory).
/// </summary>
[MemoryDiagnoser]
public class WindowsEventMapperBenchmarks
{
    private const int EventCount = 256;

    private string[] _events = [];

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("FERRET_SHARED") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.CurrentDirectory, "..", "shared");
        var data = Path.GetFullPath(Path.Combine(shared, "data"));
        var problems = new ProblemCollector();
        var sample = new List<string>();
        sample.AddRange(EvtxFile.ReadRecords(Require(data, "evtx-parser-samples/security.evtx"), problems).Take(100).Select(r => r.Xml));
        sample.AddRange(EvtxFile.ReadRecords(Require(data, "evtx-parser-samples/sysmon.evtx"), problems).Take(100).Select(r => r.Xml));
        sample.AddRange(EvtxFile.ReadRecords(Require(data, "deepbluecli/wmi-event-filter-persistance.evtx"), problems).Select(r => r.Xml));
        sample.AddRange(InputReader.ReadFile(
                Require(data, "attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log"), IngestOptions.Default, problems)
            .Select(e => e.Raw!));
        _events = [.. Enumerable.Range(0, EventCount).Select(i => sample[i % sample.Count])];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount)]
    public int XmlReaderMappingPerEvent()
    {
        var fields = 0;
        foreach (var xml in _events)
        {
            fields += WindowsEventMapper.FromXmlViaXmlReader(xml).FieldCount;
        }

        return fields;
    }

    [Benchmark(OperationsPerInvoke = EventCount)]
    public int ScannerMappingPerEvent()
    {
        var fields = 0;
        foreach (var xml in _events)
        {
            fields += WindowsEventMapper.FromXml(xml).FieldCount;
        }

        return fields;
    }

    private static string Require(string data, string relative)
    {
        var path = Path.Combine(data, relative);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"sample not found at {path} (set FERRET_SHARED to the folder holding data/)");
    }
}
