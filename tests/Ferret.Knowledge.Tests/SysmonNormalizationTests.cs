using Ferret.Events;

namespace Ferret.Knowledge.Tests;

public sealed class SysmonNormalizationTests
{
    private static readonly KnowledgeBase Knowledge = KnowledgeBase.LoadDefault();

    public static TheoryData<string, string> ProcessCreateFields => new()
    {
        { "process", "wmic  process call create notepad.exe " },
        { "process_name", "WMIC.exe" },
        { "process_exec", "WMIC.exe" },
        { "process_path", @"C:\Windows\System32\wbem\WMIC.exe" },
        { "process_id", "2296" },
        { "process_guid", "{96128EA2-F212-5F7E-E400-000000007F01}" },
        { "process_current_directory", @"C:\Users\ADMINI~1\AppData\Local\Temp\" },
        { "process_integrity_level", "high" },
        { "original_file_name", "wmic.exe" },
        { "parent_process", "\"powershell.exe\" -noninteractive -encodedcommand WwBDAG8A" },
        { "parent_process_name", "powershell.exe" },
        { "parent_process_exec", "powershell.exe" },
        { "parent_process_path", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe" },
        { "parent_process_id", "4624" },
        { "parent_process_guid", "{96128EA2-F211-5F7E-DF00-000000007F01}" },
        { "dest", "win-dc-01.attackrange.local" },
        { "dvc", "win-dc-01.attackrange.local" },
        { "user", @"ATTACKRANGE\Administrator" },
        { "user_id", "S-1-5-18" },
        { "action", "allowed" },
        { "vendor_product", "Microsoft Sysmon" },
        { "signature", "Process Create" },
        { "signature_id", "1" },
        { "MD5", "F4F684066175B77E0C3A000549D2922C" },
        { "IMPHASH", "3062ED732D4B25D1C64F084DAC97D37A" },
        { "ComputerName", "win-dc-01.attackrange.local" },
        { "eventtype", "ms-sysmon-process-create" },
    };

    [Theory]
    [MemberData(nameof(ProcessCreateFields))]
    public void Sysmon_process_creation_gets_the_add_on_cim_field(string field, string expected)
    {
        var e = TestEvents.SysmonProcessCreate();
        Knowledge.Normalize(e);
        Assert.Equal(expected, e.Text(field));
    }

    [Fact]
    public void Sysmon_process_creation_is_tagged_process_and_report()
    {
        var e = TestEvents.SysmonProcessCreate();
        Knowledge.Normalize(e);
        Assert.Equal(["process", "report"], e.Texts("tag"));
    }

    [Fact]
    public void Sysmon_registry_value_set_gets_registry_fields_with_the_dword_unwrapped()
    {
        var e = TestEvents.Sysmon(13,
            ("EventType", "SetValue"),
            ("Image", @"C:\Windows\regedit.exe"),
            ("ProcessGuid", "{1}"),
            ("TargetObject", @"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\EnableLUA"),
            ("Details", "DWORD (0x00000000)"));
        Knowledge.Normalize(e);

        Assert.Equal(@"HKLM\SOFTWARE\Microsoft\Windows\CurrentVersion\Policies\System\EnableLUA", e.Text("registry_path"));
        Assert.Equal("EnableLUA", e.Text("registry_key_name"));
        Assert.Equal("EnableLUA", e.Text("registry_value_name"));
        Assert.Equal("0x00000000", e.Text("registry_value_data"));
        Assert.Equal("REG_DWORD", e.Text("registry_value_type"));
        Assert.Equal("HKEY_LOCAL_MACHINE", e.Text("registry_hive"));
        Assert.Equal("modified", e.Text("action"));
        Assert.Equal("regedit.exe", e.Text("process_name"));
        Assert.Equal(["endpoint", "registry"], e.Texts("tag"));
    }

    [Theory]
    [InlineData("CreateKey", "created")]
    [InlineData("DeleteKey", "deleted")]
    [InlineData("DeleteValue", "deleted")]
    public void Sysmon_registry_event_type_decides_the_action(string eventType, string action)
    {
        var e = TestEvents.Sysmon(12, ("EventType", eventType), ("TargetObject", @"HKU\S-1-5-21\Software\Run"));
        Knowledge.Normalize(e);
        Assert.Equal(action, e.Text("action"));
        Assert.Equal("HKEY_USERS", e.Text("registry_hive"));
    }

    [Fact]
    public void Sysmon_registry_string_value_is_kept_as_written()
    {
        var e = TestEvents.Sysmon(13, ("EventType", "SetValue"), ("TargetObject", @"HKLM\x\Run\evil"), ("Details", @"C:\evil.exe"));
        Knowledge.Normalize(e);
        Assert.Equal(@"C:\evil.exe", e.Text("registry_value_data"));
        Assert.Equal("REG_SZ", e.Text("registry_value_type"));
    }

    [Fact]
    public void Sysmon_file_creation_gets_file_fields()
    {
        var e = TestEvents.Sysmon(11,
            ("Image", @"C:\Windows\System32\cmd.exe"),
            ("TargetFilename", @"C:\Users\Public\evil.dll"),
            ("CreationUtcTime", "2020-10-08 11:03:46.615"));
        Knowledge.Normalize(e);
        Assert.Equal("evil.dll", e.Text("file_name"));
        Assert.Equal(@"C:\Users\Public\evil.dll", e.Text("file_path"));
        Assert.Equal("created", e.Text("action"));
        Assert.Equal("cmd.exe", e.Text("process_name"));
        Assert.Equal(["endpoint", "filesystem"], e.Texts("tag"));
    }

    [Fact]
    public void Sysmon_network_connection_has_the_remote_end_as_destination()
    {
        var e = TestEvents.Sysmon(3,
            ("Image", @"C:\Windows\System32\rundll32.exe"),
            ("Protocol", "tcp"),
            ("Initiated", "true"),
            ("SourceIp", "10.0.1.15"),
            ("SourcePort", "49712"),
            ("DestinationIp", "203.0.113.7"),
            ("DestinationPort", "443"));
        Knowledge.Normalize(e);
        Assert.Equal("203.0.113.7", e.Text("dest"));
        Assert.Equal("10.0.1.15", e.Text("src"));
        Assert.Equal("443", e.Text("dest_port"));
        Assert.Equal("tcp", e.Text("transport"));
        Assert.Equal("outbound", e.Text("direction"));
        Assert.Equal("win-dc-01.attackrange.local", e.Text("dvc"));
        Assert.Equal(["network", "communicate"], e.Texts("tag"));
    }

    [Fact]
    public void Sysmon_network_connection_app_is_the_full_image_path()
    {
        var e = TestEvents.Sysmon(3,
            ("Image", @"C:\Users\Public\Certify.exe"),
            ("Protocol", "tcp"),
            ("DestinationIp", "10.0.1.14"),
            ("DestinationPort", "389"));
        Knowledge.Normalize(e);
        Assert.Equal(@"C:\Users\Public\Certify.exe", e.Text("app"));
    }

    [Fact]
    public void Sysmon_process_access_reports_source_as_parent_and_target_as_process()
    {
        var e = TestEvents.Sysmon(10,
            ("SourceImage", @"C:\Temp\mimikatz.exe"),
            ("SourceProcessId", "100"),
            ("TargetImage", @"C:\Windows\System32\lsass.exe"),
            ("TargetProcessId", "600"),
            ("GrantedAccess", "0x1010"));
        Knowledge.Normalize(e);
        Assert.Equal("lsass.exe", e.Text("process_name"));
        Assert.Equal("600", e.Text("process_id"));
        Assert.Equal("mimikatz.exe", e.Text("parent_process_name"));
        Assert.Equal("0x1010", e.Text("granted_access"));
        Assert.False(e.Has("tag"));
    }

    [Fact]
    public void Sysmon_dns_query_lands_in_network_resolution()
    {
        var e = TestEvents.Sysmon(22, ("QueryName", "evil.example"), ("QueryStatus", "0"), ("QueryResults", "::ffff:203.0.113.7;"), ("Image", @"C:\x\a.exe"));
        Knowledge.Normalize(e);
        Assert.Equal("evil.example", e.Text("query"));
        Assert.True(Knowledge.DataModels.ResolveView("Network_Resolution.DNS")!.TryProject(e, out var projected));
        Assert.Equal("evil.example", projected.Text("DNS.query"));
    }
}
