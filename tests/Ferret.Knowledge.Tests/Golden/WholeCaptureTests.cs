using Ferret.Events;
using Ferret.Ingest;
using Ferret.Testing;

namespace Ferret.Knowledge.Tests.Golden;

/// <summary>Whole real captures: every Sysmon event of a kind lands in its dataset, and nothing else does.</summary>
public sealed class WholeCaptureTests
{
    private const string Sysmon = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";

    private static readonly (string Dataset, string[] EventCodes)[] Expectations =
    [
        ("Endpoint.Processes", ["1"]),
        ("Endpoint.Registry", ["12", "13", "14"]),
        ("Endpoint.Filesystem", ["2", "11", "15", "23", "26"]),
        ("Network_Traffic.All_Traffic", ["3"]),
        ("Network_Resolution.DNS", ["22"]),
    ];

    [Theory]
    [InlineData("data/attack_data/datasets/attack_techniques/T1047/atomic_red_team/attack_data.tar.gz")]
    [InlineData("data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log")]
    [InlineData("data/evtx-attack-samples/Execution/sysmon_exec_from_vss_persistence.evtx")]
    public void Each_sysmon_event_lands_exactly_in_the_dataset_of_its_event_id(string relativePath)
    {
        var knowledge = KnowledgeBase.LoadDefault();
        var problems = new ProblemCollector();
        var events = InputReader.ReadFile(SharedCorpus.Require(relativePath), IngestOptions.Default, problems).ToList();
        var sysmon = events.Where(e => e.Source == Sysmon).ToList();
        Assert.NotEmpty(sysmon);

        foreach (var (dataset, eventCodes) in Expectations)
        {
            var view = knowledge.DataModels.Resolve(dataset)!;
            foreach (var e in sysmon)
            {
                var expected = eventCodes.Contains(e["EventCode"].Text);
                Assert.True(expected == view.TryProject(e, out _), $"Sysmon {e["EventCode"].Text} record {e["EventRecordID"].Text}: in {dataset} should be {expected}");
            }
        }

        var processes = knowledge.DataModels.Resolve("Endpoint.Processes")!;
        Assert.All(events.Where(e => processes.TryProject(e, out _)), e => Assert.True(e.Source == Sysmon || e["EventCode"].Text == "4688", $"{e.Source} {e["EventCode"].Text} is in Endpoint.Processes"));
    }
}
