using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Golden;

/// <summary>
/// Field extraction pinned by golden files (<c>Golden/*.fields</c>): one real record of each event kind ESCU
/// relies on, read through <see cref="InputReader"/> from the shared corpora, printed as sorted
/// <c>name=value</c> lines. Set FERRET_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff.
/// </summary>
public sealed class FieldGoldenTests
{
    private const string AttackData = "data/attack_data/datasets/attack_techniques/";
    private const string Sysmon = "Microsoft-Windows-Sysmon";
    private const string Security = "Microsoft-Windows-Security-Auditing";

    private static readonly Dictionary<string, GoldenCase> Cases = new GoldenCase[]
    {
        new("sysmon_1_xml", AttackData + "T1003.003/credential-dumping-via-copy/data.log", Sysmon, "1"),
        new("sysmon_3_xml", AttackData + "T1649/certify_abuse/certify_esc1_abuse_sysmon.log", Sysmon, "3"),
        new("sysmon_11_xml", AttackData + "T1649/certify_abuse/certify_esc1_abuse_sysmon.log", Sysmon, "11"),
        new("sysmon_12_xml", AttackData + "T1112/firewall_modify_delete/firewall_mod_delete.log", Sysmon, "12"),
        new("sysmon_13_xml", AttackData + "T1112/firewall_modify_delete/firewall_mod_delete.log", Sysmon, "13"),
        new("sysmon_1_nxlog", AttackData + "T1047/atomic_red_team/attack_data.tar.gz", Sysmon, "1"),
        new("sysmon_3_nxlog", AttackData + "T1047/atomic_red_team/attack_data.tar.gz", Sysmon, "3"),
        new("security_4624_nxlog", AttackData + "T1047/atomic_red_team/attack_data.tar.gz", Security, "4624"),
        new("security_4624_evtx", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", Security, "4624"),
        new("security_4688_otrf", "data/otrf/lateral_movement/host/covenant_wmi_remote_event_subscription_ActiveScriptEventConsumers.zip", Security, "4688"),
        new("security_4688_evtx", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", Security, "4688"),
        new("security_4698_otrf", "data/otrf/lateral_movement/host/schtask_create.zip", Security, "4698"),
        new("security_4698_evtx", "data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx", Security, "4698"),
        new("security_5136_evtx", "data/evtx-attack-samples/Credential Access/ACL_ForcePwd_SPNAdd_User_Computer_Accounts.evtx", Security, "5136"),
        new("powershell_4104_xml", AttackData + "T1649/certify_abuse/certify_esc1_abuse_powershell.log", "Microsoft-Windows-PowerShell", "4104"),
        new("powershell_4104_otrf", "data/otrf/lateral_movement/host/covenant_wmi_remote_event_subscription_ActiveScriptEventConsumers.zip", "Microsoft-Windows-PowerShell", "4104"),
        new("wmi_5861_evtx", "data/deepbluecli/wmi-event-filter-persistance.evtx", "Microsoft-Windows-WMI-Activity", "5861",
            e => !e["CONSUMER"].Text!.Contains("SCM Event Log Consumer", StringComparison.Ordinal)),
        new("wmi_5861_otrf", "data/otrf/lateral_movement/host/covenant_wmi_remote_event_subscription_ActiveScriptEventConsumers.zip", "Microsoft-Windows-WMI-Activity", "5861"),
        new("system_7045_nxlog", AttackData + "T1047/atomic_red_team/attack_data.tar.gz", "Service Control Manager", "7045"),
        new("system_7045_evtx", "data/evtx-attack-samples/Lateral Movement/LM_Remote_Service02_7045.evtx", "Service Control Manager", "7045"),
    }.ToDictionary(c => c.Name);

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Fields_of_a_real_record_match_the_golden_file(string name)
    {
        var golden = Cases[name];
        var path = SharedCorpus.Require(golden.RelativePath);
        var problems = new ProblemCollector();

        var e = InputReader.ReadFile(path, IngestOptions.Default, problems)
            .FirstOrDefault(e => e["Name"].Text == golden.Provider && e["EventCode"].Text == golden.EventCode && golden.Select(e));

        Assert.True(e is not null, $"no {golden.Provider} {golden.EventCode} event in {golden.RelativePath}");
        var actual = TestInputs.Describe(e);
        GoldenFile.AssertMatches("tests/Ferret.Ingest.Tests/Golden", name + ".fields", actual);
    }

    private sealed record GoldenCase(string Name, string RelativePath, string Provider, string EventCode, Func<Event, bool>? Filter = null)
    {
        public bool Select(Event e) => Filter?.Invoke(e) ?? true;
    }
}
