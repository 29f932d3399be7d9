using Ferret.Events;

namespace Ferret.Knowledge.Tests;

public sealed class WindowsNormalizationTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    private static Event ProcessCreation4688() => TestEvents.Security(4688,
        ("SubjectUserSid", "S-1-5-18"),
        ("SubjectUserName", "WIN-DC$"),
        ("SubjectDomainName", "ATTACKRANGE"),
        ("SubjectLogonId", "0x3e7"),
        ("NewProcessId", "0xf84"),
        ("NewProcessName", @"C:\Windows\System32\wbem\WMIC.exe"),
        ("TokenElevationType", "%%1936"),
        ("ProcessId", "0xb2c"),
        ("CommandLine", "wmic process call create calc.exe"),
        ("TargetUserSid", "S-1-0-0"),
        ("TargetUserName", "-"),
        ("TargetDomainName", "-"),
        ("TargetLogonId", "0x0"),
        ("ParentProcessName", @"C:\Windows\System32\cmd.exe"),
        ("MandatoryLabel", "S-1-16-12288"));

    public static TheoryData<string, string> ProcessCreationFields => new()
    {
        { "process", "wmic process call create calc.exe" },
        { "process_name", "WMIC.exe" },
        { "process_path", @"C:\Windows\System32\wbem\WMIC.exe" },
        { "process_id", "3972" },
        { "parent_process_name", "cmd.exe" },
        { "parent_process_path", @"C:\Windows\System32\cmd.exe" },
        { "parent_process_id", "2860" },
        { "process_integrity_level", "high" },
        { "user", "WIN-DC$" },
        { "src_user", "WIN-DC$" },
        { "dest", "win-dc-01.attackrange.local" },
        { "action", "allowed" },
        { "signature_id", "4688" },
        { "signature", "A new process has been created" },
        { "vendor_product", "Microsoft Windows" },
        { "New_Process_Name", @"C:\Windows\System32\wbem\WMIC.exe" },
        { "New_Process_ID", "0xf84" },
        { "Creator_Process_Name", @"C:\Windows\System32\cmd.exe" },
        { "Creator_Process_ID", "0xb2c" },
        { "Process_Command_Line", "wmic process call create calc.exe" },
        { "Token_Elevation_Type", "%%1936" },
        { "Mandatory_Label", "S-1-16-12288" },
        { "ComputerName", "win-dc-01.attackrange.local" },
    };

    [Theory]
    [MemberData(nameof(ProcessCreationFields))]
    public void Security_4688_gets_cim_and_classic_fields(string field, string expected)
    {
        var e = ProcessCreation4688();
        Knowledge.Normalize(e);
        Assert.Equal(expected, e.Text(field));
    }

    [Fact]
    public void Classic_account_fields_list_subject_then_target()
    {
        var e = ProcessCreation4688();
        Knowledge.Normalize(e);
        Assert.Equal(["WIN-DC$", "-"], e.Texts("Account_Name"));
        Assert.Equal(["ATTACKRANGE", "-"], e.Texts("Account_Domain"));
        Assert.Equal(["0x3e7", "0x0"], e.Texts("Logon_ID"));
    }

    [Fact]
    public void Classic_fields_already_present_are_kept()
    {
        var e = ProcessCreation4688();
        e.Set("Account_Name", "from-the-classic-rendering");
        Knowledge.Normalize(e);
        Assert.Equal("from-the-classic-rendering", e.Text("Account_Name"));
    }

    [Fact]
    public void Security_4688_lands_in_endpoint_processes_like_sysmon()
    {
        var e = ProcessCreation4688();
        Assert.True(Knowledge.DataModels.ResolveView("Endpoint.Processes")!.TryProject(e, out var projected));
        Assert.Equal("WMIC.exe", projected.Text("Processes.process_name"));
        Assert.Equal("cmd.exe", projected.Text("Processes.parent_process_name"));
    }

    [Fact]
    public void Failed_logon_is_a_failed_authentication_from_the_remote_address()
    {
        var e = TestEvents.Security(4625,
            ("TargetUserName", "administrator"),
            ("TargetDomainName", "ATTACKRANGE"),
            ("LogonType", "3"),
            ("IpAddress", "::ffff:10.0.1.20"),
            ("IpPort", "51234"),
            ("WorkstationName", "KALI"),
            ("Status", "0xc000006d"),
            ("AuthenticationPackageName", "NTLM"));
        e.Set("Keywords", "0x8010000000000000");
        Knowledge.Normalize(e);

        Assert.Equal("failure", e.Text("action"));
        Assert.Equal("administrator", e.Text("user"));
        Assert.Equal("10.0.1.20", e.Text("src"));
        Assert.Equal("win:remote", e.Text("app"));
        Assert.Equal("3", e.Text("Logon_Type"));
        Assert.True(Knowledge.DataModels.ResolveView("Authentication.Failed_Authentication")!.TryProject(e, out var failed));
        Assert.Equal("administrator", failed.Text("Authentication.user"));
        Assert.False(Knowledge.DataModels.ResolveView("Authentication.Successful_Authentication")!.TryProject(e, out _));
    }

    [Fact]
    public void Successful_logon_of_a_machine_account_is_kept_out_of_authentication()
    {
        var machine = TestEvents.Security(4624, ("TargetUserName", "WIN-DC$"), ("LogonType", "3"));
        var person = TestEvents.Security(4624, ("TargetUserName", "alice"), ("LogonType", "2"));
        var view = Knowledge.DataModels.ResolveView("Authentication")!;
        Assert.False(view.TryProject(machine, out _));
        Assert.True(view.TryProject(person, out var projected));
        Assert.Equal("success", projected.Text("Authentication.action"));
        Assert.Equal("win:local", projected.Text("Authentication.app"));
    }

    [Fact]
    public void Kerberos_ticket_request_outcome_follows_its_status()
    {
        var ok = TestEvents.Security(4769, ("TargetUserName", "alice@ATTACKRANGE.LOCAL"), ("ServiceName", "krbtgt"), ("Status", "0x0"));
        var bad = TestEvents.Security(4768, ("TargetUserName", "bob"), ("ServiceName", "krbtgt"), ("Status", "0x6"));
        Knowledge.Normalize(ok);
        Knowledge.Normalize(bad);
        Assert.Equal("success", ok.Text("action"));
        Assert.Equal("krbtgt", ok.Text("service_name"));
        Assert.Equal("failure", bad.Text("action"));
    }

    [Fact]
    public void Account_creation_lands_in_change_account_management_under_its_lineage()
    {
        var e = TestEvents.Security(4720, ("TargetUserName", "eviluser"), ("SubjectUserName", "Administrator"), ("SubjectDomainName", "ATTACKRANGE"));
        Assert.True(Knowledge.DataModels.ResolveView("Change.Account_Management")!.TryProject(e, out var projected));
        Assert.Equal("created", projected.Text("All_Changes.action"));
        Assert.Equal("eviluser", projected.Text("All_Changes.user"));
        Assert.Equal("Administrator", projected.Text("All_Changes.Account_Management.src_user"));
        Assert.True(Knowledge.DataModels.ResolveView("Change.Accounts_Created")!.TryProject(e, out _));
        Assert.False(Knowledge.DataModels.ResolveView("Change.Accounts_Deleted")!.TryProject(e, out _));
    }

    [Fact]
    public void Audit_log_clearing_lands_in_auditing_changes()
    {
        var e = TestEvents.Security(1102, ("SubjectUserName", "Administrator"));
        Assert.True(Knowledge.DataModels.Resolve("Change.Auditing_Changes")!.TryProject(e, out var projected));
        Assert.Equal("The audit log was cleared", Knowledge.Accelerated(e).Event.Text("signature"));
        Assert.Equal("success", projected.Text("All_Changes.action"));
    }

    [Fact]
    public void Service_installation_gets_service_fields()
    {
        var e = TestEvents.Windows("System", 7045,
            ("ServiceName", "PSEXESVC"),
            ("ImagePath", @"%SystemRoot%\PSEXESVC.exe"),
            ("ServiceType", "user mode service"),
            ("StartType", "demand start"),
            ("AccountName", "LocalSystem"));
        Knowledge.Normalize(e);
        Assert.Equal("PSEXESVC", e.Text("service_name"));
        Assert.Equal("PSEXESVC.exe", e.Text("service_exec"));
        Assert.Equal("manual", e.Text("start_mode"));
        Assert.Equal(@"%SystemRoot%\PSEXESVC.exe", e.Text("Service_File_Name"));
        Assert.True(Knowledge.DataModels.ResolveView("Endpoint.Services")!.TryProject(e, out _));
    }

    [Fact]
    public void PowerShell_script_block_keeps_its_text_and_gets_host_fields()
    {
        var e = TestEvents.Windows("Microsoft-Windows-PowerShell/Operational", 4104, ("ScriptBlockText", "Get-WmiObject win32_scheduledjob"), ("UserID", "S-1-5-21-1"));
        Knowledge.Normalize(e);
        Assert.Equal("win-dc-01.attackrange.local", e.Text("dest"));
        Assert.Equal("S-1-5-21-1", e.Text("user_id"));
        Assert.Equal("4104", e.Text("signature_id"));
        Assert.Equal("Get-WmiObject win32_scheduledjob", e.Text("ScriptBlockText"));
    }

    [Fact]
    public void Dsrm_password_reset_lands_in_change_with_its_event_id_and_description_as_result()
    {
        var e = TestEvents.Security(4794,
            ("SubjectUserName", "Administrator"),
            ("SubjectDomainName", "ATTACKRANGE"),
            ("Workstation", "[fe80::b907:7694:d740:91bb]"),
            ("Status", "0x0"));
        Knowledge.Normalize(e);

        Assert.True(Knowledge.DataModels.ResolveView("Change.All_Changes")!.TryProject(e, out var change));
        Assert.Equal("4794", change.Text("All_Changes.result_id"));
        Assert.Equal("An attempt was made to set the Directory Services Restore Mode administrator password", change.Text("All_Changes.result"));
        Assert.Equal("Administrator", change.Text("All_Changes.user"));
    }
}
