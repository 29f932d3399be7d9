using Ferret.Events;
using Ferret.Testing;

namespace Ferret.Ingest.Tests.Equivalence;

/// <summary>
/// Equivalent events from different real captures (EVTX, XmlWinEventLog text, NXLog, OTRF) carry the same field
/// names. The captures come from different machines and product versions, so the allowed differences are listed
/// case by case with their reason; anything else (a renamed field, a collector key leaking in) fails.
/// </summary>
public sealed class CaptureEquivalenceTests
{
    private const string Sysmon = "Microsoft-Windows-Sysmon";
    private const string Security = "Microsoft-Windows-Security-Auditing";
    private const string Covenant = "data/otrf/lateral_movement/host/covenant_wmi_remote_event_subscription_ActiveScriptEventConsumers.zip";
    private const string SchtaskCreate = "data/otrf/lateral_movement/host/schtask_create.zip";
    private const string NxlogT1047 = "data/attack_data/datasets/attack_techniques/T1047/atomic_red_team/attack_data.tar.gz";

    /// <summary>Fields a NXLog record lacks or adds: INFO gives no Level, empty values are dropped, Message is Windows' rendering.</summary>
    private static readonly string[] NxlogDifferences = ["Level", "RuleName", "Message"];

    /// <summary>OTRF schtask_create records keep no Version, Opcode, EventRecordID, ProcessID, ThreadID or UserID.</summary>
    private static readonly string[] SchtaskCreateDifferences = ["Version", "Opcode", "EventRecordID", "ProcessID", "ThreadID", "UserID", "Message"];

    public static TheoryData<string, string, string, string, string, string[]> Cases => new()
    {
        // Sysmon 1: XmlWinEventLog text (Sysmon 15, 2025) is the reference; ParentUser exists since Sysmon 13.
        { "sysmon_1", Sysmon, "1", "data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log", NxlogT1047, [.. NxlogDifferences, "ParentUser"] },
        { "sysmon_1", Sysmon, "1", "data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log", Covenant, [.. NxlogDifferences, "ParentUser"] },
        { "sysmon_1", Sysmon, "1", "data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log", SchtaskCreate, [.. SchtaskCreateDifferences, "ParentUser"] },
        // An older Sysmon in this EVTX has no OriginalFileName; its RuleName is empty.
        { "sysmon_1", Sysmon, "1", "data/attack_data/datasets/attack_techniques/T1003.003/credential-dumping-via-copy/data.log", "data/evtx-attack-samples/Execution/sysmon_exec_from_vss_persistence.evtx", ["ParentUser", "OriginalFileName", "RuleName"] },
        // 4688 version 2 (covenant) adds the target subject, MandatoryLabel, ParentProcessName and CommandLine to version 0 (EVTX sample).
        { "security_4688", Security, "4688", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", Covenant, ["CommandLine", "MandatoryLabel", "ParentProcessName", "TargetDomainName", "TargetLogonId", "TargetUserName", "TargetUserSid", "Message"] },
        // 4698 version 1 (OTRF) adds the client process information to version 0 (EVTX sample).
        { "security_4698", Security, "4698", "data/evtx-attack-samples/Execution/temp_scheduled_task_4698_4699.evtx", SchtaskCreate, [.. SchtaskCreateDifferences, "ClientProcessId", "ClientProcessStartKey", "FQDN", "ParentProcessId", "RpcCallClientLocality"] },
        // 4624 version 2 (NXLog, OTRF) adds eight fields to version 0; plain NXLog loses ProcessId under its ProcessID key.
        { "security_4624", Security, "4624", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", NxlogT1047, [.. Version2Logon, "ProcessId"] },
        { "security_4624", Security, "4624", "data/evtx-attack-samples/Lateral Movement/LM_WMI_4624_4688_TargetHost.evtx", Covenant, [.. Version2Logon, "ActivityID"] },
        // WMI 5861: NXLog's INFO gives no Level; the UserData fields come back from the message.
        { "wmi_5861", "Microsoft-Windows-WMI-Activity", "5861", "data/deepbluecli/wmi-event-filter-persistance.evtx", Covenant, ["Level"] },
    };

    private static string[] Version2Logon => ["ElevatedToken", "RestrictedAdminMode", "TargetLinkedLogonId", "TargetOutboundDomainName", "TargetOutboundUserName", "VirtualAccount", "WorkstationName", "Message"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Equivalent_events_of_different_captures_carry_the_same_field_names(string kind, string provider, string eventCode, string reference, string other, string[] allowed)
    {
        var expected = FieldNames(reference, provider, eventCode);
        var actual = FieldNames(other, provider, eventCode);

        var missing = expected.Except(actual).Except(allowed).Order(StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).Except(allowed).Order(StringComparer.Ordinal).ToList();

        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{kind}: {Path.GetFileName(other)} misses [{string.Join(", ", missing)}] and adds [{string.Join(", ", extra)}] compared with {Path.GetFileName(reference)}");
    }

    private static HashSet<string> FieldNames(string relativePath, string provider, string eventCode)
    {
        var path = SharedCorpus.Require(relativePath);
        var problems = new ProblemCollector();
        var e = InputReader.ReadFile(path, IngestOptions.Default, problems)
            .First(e => e["Name"].Text == provider && e["EventCode"].Text == eventCode);
        return [.. e.Fields.Keys];
    }
}
