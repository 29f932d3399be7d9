using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Spl.Macros;
using Ferret.Testing;

namespace Ferret.Knowledge.Tests;

/// <summary>
/// ESCU's "Windows WMI Process Call Create" (a tstats over Endpoint.Processes) run as written, macros
/// expanded with the content's macro table, over the real files of the product brief, with the shipped
/// knowledge as the data model catalog.
/// </summary>
public sealed class EndToEndDetectionTests
{
    private const string DetectionName = "Windows WMI Process Call Create";

    private static readonly string[] ByFields =
    [
        "parent_process_name", "parent_process", "process_name", "process", "original_file_name", "process_id",
        "parent_process_path", "process_guid", "parent_process_id", "dest", "user", "process_path",
    ];

    /// <summary>
    /// Each file's wmic "process call create" is found with every <c>by</c> field filled (not tstats's
    /// <c>fillnull_value</c> "null"), except <c>original_file_name</c> in the EVTX sample: the 2019 Sysmon that wrote
    /// it did not log OriginalFileName yet, so Splunk would show "null" there too.
    /// </summary>
    [Theory]
    [InlineData("data/attack_data/datasets/attack_techniques/T1047/atomic_red_team/attack_data.tar.gz",
        "wmic  process call create notepad.exe ", "")]
    [InlineData("data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log",
        "wmic  /node:\"localhost\" process call create \"cmd.exe /c esentutl.exe /y /vss c:\\windows\\ntds\\ntds.dit /d c:\\ntds.dit\"", "")]
    [InlineData("data/evtx-attack-samples/Execution/sysmon_exec_from_vss_persistence.evtx",
        "C:\\Windows\\system32\\wbem\\wmic.exe  process call create \\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy7\\\\Windows\\Temp\\svhost64.exe ", "original_file_name")]
    public void Wmi_process_call_create_finds_the_wmic_event_with_every_by_field_filled(string relativePath, string expectedProcess, string absentInData)
    {
        var results = Run(relativePath, out var problems, out var searchText);

        Assert.True(results.Count > 0, $"no results; search: {searchText}; problems: {string.Join("; ", problems.Problems.Take(5))}");
        var result = Assert.Single(results, r => r["process"].Text == expectedProcess);
        Assert.Equal("WMIC.exe", result["process_name"].Text, ignoreCase: true);
        foreach (var field in ByFields.Where(f => f != absentInData))
        {
            Assert.True(result[field].Text is { Length: > 0 } value && value != "null", $"by field '{field}' is not filled: '{result[field].Text}'");
        }

        Assert.All(results, r => Assert.Contains(" process ", r["process"].Text, StringComparison.OrdinalIgnoreCase));
    }

    private static List<Event> Run(string relativePath, out ProblemCollector problems, out string searchText)
    {
        problems = new ProblemCollector();
        var content = ContentRepository.Load(SharedCorpus.Require("escu"), problems);
        var detection = content.Detections.Single(d => d.Name == DetectionName);
        var expansion = MacroExpander.Expand(detection.Search, content.Macros);
        Assert.DoesNotContain(expansion.Diagnostics, d => d.IsError);

        searchText = expansion.Text;
        var search = SearchEngine.Compile(expansion.Text);
        Assert.False(search.HasErrors, string.Join("; ", search.Diagnostics.Select(d => d.Message)));

        var knowledge = KnowledgeBase.LoadDefault();
        var events = InputReader.ReadFile(SharedCorpus.Require(relativePath), IngestOptions.Default, problems);
        var context = new SearchContext { DataModels = knowledge.DataModels, Problems = problems, Label = DetectionName };
        return [.. search.Run(knowledge.Accelerate(events), context)];
    }
}
