using Ferret.Events;
using Ferret.Ingest;
using Ferret.Testing;

namespace Ferret.Knowledge.Tests.Golden;

/// <summary>
/// Real records from the shared corpora, read by Ferret's readers (EVTX, XmlWinEventLog text, NXLog JSON,
/// plain JSON), normalized and projected onto their data model dataset; the projection is pinned by a
/// golden file <c>Golden/&lt;case&gt;.cim</c>.
/// </summary>
public sealed class RealRecordTests
{
    private const string AttackData = "data/attack_data/datasets/attack_techniques/";
    private const string Sysmon = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";
    private const string Security = "XmlWinEventLog:Security";
    private const string System = "XmlWinEventLog:System";

    internal static readonly Dictionary<string, RealRecord> Cases = new RealRecord[]
    {
        new("sysmon_1_evtx", "data/evtx-attack-samples/Execution/sysmon_exec_from_vss_persistence.evtx", Sysmon, "1", "Endpoint.Processes", IsWmicCallCreate),
        new("sysmon_1_nxlog", AttackData + "T1047/atomic_red_team/attack_data.tar.gz", Sysmon, "1", "Endpoint.Processes", IsWmicCallCreate),
        new("sysmon_1_xml", AttackData + "T1003.003/credential-dumping-via-copy/data.log", Sysmon, "1", "Endpoint.Processes", IsWmicCallCreate),
        new("sysmon_3_xml", AttackData + "T1649/certify_abuse/certify_esc1_abuse_sysmon.log", Sysmon, "3", "Network_Traffic.All_Traffic"),
        new("sysmon_11_xml", AttackData + "T1649/certify_abuse/certify_esc1_abuse_sysmon.log", Sysmon, "11", "Endpoint.Filesystem"),
        new("sysmon_12_xml", AttackData + "T1112/firewall_modify_delete/firewall_mod_delete.log", Sysmon, "12", "Endpoint.Registry"),
        new("sysmon_13_xml", AttackData + "T1112/firewall_modify_delete/firewall_mod_delete.log", Sysmon, "13", "Endpoint.Registry"),
        new("security_4624_evtx", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", Security, "4624", "Authentication",
            e => e["TargetUserName"].Text?.EndsWith('$') == false),
        new("security_4688_evtx", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", Security, "4688", "Endpoint.Processes"),
        new("security_4698_evtx", "data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx", Security, "4698", "Change.Endpoint_Changes"),
        new("system_7045_evtx", "data/evtx-attack-samples/Lateral Movement/LM_Remote_Service02_7045.evtx", System, "7045", "Endpoint.Services"),
        new("zscaler_web", AttackData + "T1566/zscalar_web_proxy/zscalar_web_proxy.json", null, null, "Web.Proxy",
            Options: new IngestOptions { Source = "zscaler", SourceType = "zscalernss-web" }),
    }.ToDictionary(c => c.Name);

    private static readonly string[] SysmonProcessCreationCases = ["sysmon_1_evtx", "sysmon_1_xml", "sysmon_1_nxlog"];

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Real_record_lands_in_its_dataset_with_the_golden_cim_fields(string name)
    {
        var record = Cases[name];
        var e = record.Read();
        var view = KnowledgeBase.LoadDefault().DataModels.Resolve(record.Dataset);
        Assert.NotNull(view);
        Assert.True(view.TryProject(e, out var projected), $"{name}: the event is not in {record.Dataset}");
        GoldenFile.AssertMatches("tests/Ferret.Knowledge.Tests/Golden", name + ".cim", FieldLines.Describe(projected));
    }

    /// <summary>The three Sysmon 1 records come from three formats; the CIM fields they get are the same set,
    /// except <c>original_file_name</c>: the 2019 Sysmon that wrote the EVTX sample did not log OriginalFileName yet.</summary>
    [Fact]
    public void Sysmon_process_creation_has_the_same_cim_fields_from_evtx_xml_text_and_nxlog_json()
    {
        var view = KnowledgeBase.LoadDefault().DataModels.Resolve("Endpoint.Processes")!;
        var fieldSets = SysmonProcessCreationCases.Select(name =>
        {
            Assert.True(view.TryProject(Cases[name].Read(), out var projected));
            return string.Join(' ', projected.Fields.Keys
                .Where(k => k.StartsWith("Processes.", StringComparison.Ordinal) && k != "Processes.original_file_name")
                .Order(StringComparer.Ordinal));
        }).ToList();

        Assert.Equal(fieldSets[0], fieldSets[1]);
        Assert.Equal(fieldSets[0], fieldSets[2]);
    }

    /// <summary>The wmic.exe process itself (not the shell that started it) running a "call create".</summary>
    private static bool IsWmicCallCreate(Event e) =>
        e["Image"].Text is { } image && image.EndsWith("wmic.exe", StringComparison.OrdinalIgnoreCase)
        && e["CommandLine"].Text is { } commandLine
        && commandLine.Contains("call create", StringComparison.OrdinalIgnoreCase);

    internal sealed record RealRecord(string Name, string RelativePath, string? Source, string? EventCode, string Dataset,
        Func<Event, bool>? Filter = null, IngestOptions? Options = null)
    {
        public Event Read()
        {
            var path = SharedCorpus.Require(RelativePath);
            var problems = new ProblemCollector();
            var e = InputReader.ReadFile(path, Options ?? IngestOptions.Default, problems).FirstOrDefault(Selects);
            Assert.True(e is not null, $"no {Source} {EventCode} event in {RelativePath}; problems: {string.Join("; ", problems.Problems)}");
            return e;
        }

        private bool Selects(Event e) =>
            (Source is null || e.Source == Source)
            && (EventCode is null || e["EventCode"].Text == EventCode)
            && (Filter?.Invoke(e) ?? true);
    }
}
