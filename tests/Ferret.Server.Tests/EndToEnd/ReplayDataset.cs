using Ferret.Events;
using Ferret.Ingest;
using Ferret.Server.Tests.Infrastructure;
using Ferret.Testing;

namespace Ferret.Server.Tests.EndToEnd;

/// <summary>
/// A real attack dataset and the detection whose test it is, replayed with splunk/attack_data's replay.py: the dataset
/// YAML replay.py reads (new format: <c>datasets:</c> with path, source and sourcetype) is written into a temporary
/// folder and points at the file in ../shared, which is not copied. The expected event count comes from Ferret's own
/// file reader, which the HEC path must agree with.
/// </summary>
internal sealed record ReplayDataset(string Detection, string RelativePath, string Source, string SourceType, string HostId)
{
    public const string Token = "00000000-feed-4bad-beef-000000000017";

    public static ReplayDataset SidHistory { get; } = new(
        "Windows AD Same Domain SID History Addition",
        "data/attack_data/datasets/attack_techniques/T1134.005/mimikatz/windows-security-xml.log",
        "XmlWinEventLog:Security",
        "XmlWinEventLog",
        "5c4e8a41-1d1f-4c51-9b8e-000000000001");

    public static ReplayDataset SysmonCopy { get; } = new(
        "Credential Dumping via Copy Command from Shadow Copy",
        "data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log",
        "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational",
        "XmlWinEventLog",
        "5c4e8a41-1d1f-4c51-9b8e-000000000002");

    public string SavedSearch => $"ESCU - {Detection} - Rule";

    /// <summary>How many events Ferret's file reader finds in the dataset.</summary>
    public int ExpectedEvents() =>
        InputReader.ReadFile(SharedCorpus.Require(RelativePath), IngestOptions.Default, new IgnoredProblems()).Count();

    /// <summary>Runs replay.py on this dataset against HEC on 127.0.0.1:8088 (the port replay.py always uses).</summary>
    public (int ExitCode, string Output) Replay(string folder)
    {
        var replay = SharedCorpus.Require("clients/attack_data/replay.py");
        var yml = Path.Combine(folder, $"{HostId}.yml");
        File.WriteAllText(yml, $"""
            id: {HostId}
            datasets:
            - name: {Path.GetFileNameWithoutExtension(RelativePath)}
              path: {SharedCorpus.Require(RelativePath)}
              source: {Source}
              sourcetype: {SourceType}
            """);
        return Python.Run(replay, [yml], new Dictionary<string, string> { ["SPLUNK_HOST"] = "127.0.0.1", ["SPLUNK_HEC_TOKEN"] = Token });
    }

    private sealed class IgnoredProblems : IProblemSink
    {
        public void Report(InputProblem problem)
        {
        }
    }
}
