using BenchmarkDotNet.Attributes;
using Ferret.Events;
using Ferret.Ingest.Evtx;

namespace Ferret.Benchmarks.Evtx;

/// <summary>
/// Micro benchmarks of Ferret's EVTX reader on a real 2 MiB Security log (evtx-parser-samples/security.evtx,
/// 2,261 records): decode and render every record to XML on one thread and with all cores, and JSON rendering.
/// The file is read from FERRET_SHARED (or ../shared from the working directory). Whole-run figures against
/// evtxexport come from benchmarks/scripts/evtx-dump-benchmark.sh.
/// </summary>
[MemoryDiagnoser]
public class EvtxReaderBenchmarks
{
    private readonly IProblemSink _problems = new ProblemCollector();
    private string _path = string.Empty;
    private EvtxRecord[] _records = [];

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("FERRET_SHARED") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Environment.CurrentDirectory, "..", "shared");
        _path = Path.GetFullPath(Path.Combine(shared, "data", "evtx-parser-samples", "security.evtx"));
        if (!File.Exists(_path))
        {
            throw new FileNotFoundException($"EVTX sample not found at {_path} (set FERRET_SHARED to the folder holding data/)");
        }

        _records = [.. EvtxFile.ReadRecords(_path, _problems).Take(200)];
    }

    [Benchmark(Baseline = true)]
    public int ReadAllRecordsOnOneThread() => Count(EvtxFile.ReadRecords(_path, _problems));

    [Benchmark]
    public int ReadAllRecordsOnAllCores() => Count(EvtxFile.ReadRecords(_path, _problems, Environment.ProcessorCount));

    [Benchmark]
    public int RenderTwoHundredRecordsAsJson()
    {
        var length = 0;
        foreach (var record in _records)
        {
            length += record.ToJson().Length;
        }

        return length;
    }

    private static int Count(IEnumerable<EvtxRecord> records)
    {
        var length = 0;
        foreach (var record in records)
        {
            length += record.Xml.Length;
        }

        return length;
    }
}
