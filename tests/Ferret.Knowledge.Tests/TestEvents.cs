using Ferret.Events;

namespace Ferret.Knowledge.Tests;

/// <summary>Events with the raw fields ingest gives a Windows event (WindowsEventMapper's names), built by hand
/// for unit tests; the golden tests read the same kind of events from real files.</summary>
internal static class TestEvents
{
    public static Event Windows(string channel, int eventCode, params (string Name, string Value)[] data)
    {
        var e = new Event
        {
            Time = 1_600_000_000,
            Source = $"XmlWinEventLog:{channel}",
            SourceType = "XmlWinEventLog",
            Host = "win-host",
            Index = "main",
            Raw = $"<Event>{eventCode}</Event>",
        };
        e.Set("EventCode", eventCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        e.Set("EventID", eventCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        e.Set("Channel", channel);
        e.Set("Computer", "win-dc-01.attackrange.local");
        foreach (var (name, value) in data)
        {
            e.Set(name, value);
        }

        return e;
    }

    public static Event Sysmon(int eventCode, params (string Name, string Value)[] data) =>
        Windows("Microsoft-Windows-Sysmon/Operational", eventCode, data);

    public static Event Security(int eventCode, params (string Name, string Value)[] data) =>
        Windows("Security", eventCode, [("Keywords", "0x8020000000000000"), .. data]);

    /// <summary>Sysmon 1 of the ESCU data source example (a wmic launched by PowerShell, trimmed).</summary>
    public static Event SysmonProcessCreate() => Sysmon(1,
        ("UtcTime", "2020-10-08 11:03:46.615"),
        ("ProcessGuid", "{96128EA2-F212-5F7E-E400-000000007F01}"),
        ("ProcessId", "2296"),
        ("Image", @"C:\Windows\System32\wbem\WMIC.exe"),
        ("OriginalFileName", "wmic.exe"),
        ("CommandLine", "wmic  process call create notepad.exe "),
        ("CurrentDirectory", @"C:\Users\ADMINI~1\AppData\Local\Temp\"),
        ("User", @"ATTACKRANGE\Administrator"),
        ("IntegrityLevel", "High"),
        ("Hashes", "MD5=F4F684066175B77E0C3A000549D2922C,SHA256=935C1861DF1F4018D698E8B65ABFA02D7E9037D8F68CA3C2065B6CA165D44AD2,IMPHASH=3062ED732D4B25D1C64F084DAC97D37A"),
        ("ParentProcessGuid", "{96128EA2-F211-5F7E-DF00-000000007F01}"),
        ("ParentProcessId", "4624"),
        ("ParentImage", @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe"),
        ("ParentCommandLine", "\"powershell.exe\" -noninteractive -encodedcommand WwBDAG8A"),
        ("UserID", "S-1-5-18"));

    public static string? Text(this Event e, string field) => e[field].Text;

    public static IReadOnlyList<string> Texts(this Event e, string field) => [.. e[field].Texts];
}
