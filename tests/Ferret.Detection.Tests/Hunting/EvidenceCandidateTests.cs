using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Detection.Tests.Hunting;

/// <summary>Which events a finding names as the ones behind it, for searches a hunt feeds one event at a time without
/// holding every event routed to them.</summary>
public sealed class EvidenceCandidateTests
{
    /// <summary>Each search keeps one of the sample's three Sysmon process events (notepad, process id 6302); the other
    /// two (WMIC) are routed to it too and agree with its row on no field, so only the held one may be evidence.</summary>
    public static TheoryData<string> SearchesKeepingNotepad =>
    [
        "| from datamodel Endpoint.Processes | search Processes.process_name=notepad.exe | table Processes.dest Processes.process_name",
        "| from datamodel Endpoint.Processes | where 'Processes.process_id'=6302 | rename Processes.process_name AS image | table image",
        "| from datamodel Endpoint.Processes | search Processes.process_name=notepad.exe | stats count by Processes.dest",
    ];

    [Theory]
    [MemberData(nameof(SearchesKeepingNotepad))]
    public void A_search_led_by_a_data_model_names_only_the_events_whose_projections_it_kept(string search)
    {
        using var sample = SampleContent.Extract();
        DetectionFile.Write(sample.ContentDirectory, "Notepad From Data Model", search, type: "Hunting");
        var problems = new ProblemCollector();
        var content = ContentRepository.Load(sample.ContentDirectory, problems).WithEnvironmentDefaults(problems);
        var detections = content.Detections.Where(d => d.Name == "Notepad From Data Model").ToList();
        var request = new HuntRequest { Content = content, Detections = detections, Inputs = [sample.LogsDirectory], RiskIncidentRules = null };

        var finding = Assert.Single(HuntRunner.Run(request, KnowledgeBase.LoadDefault()).Findings);

        var evidence = Assert.Single(finding.Evidence.Events());
        Assert.Equal("6302", evidence["ProcessId"].Text);
        Assert.EndsWith("windows-sysmon.log", Assert.Single(finding.Provenance).File, StringComparison.Ordinal);
    }
}
