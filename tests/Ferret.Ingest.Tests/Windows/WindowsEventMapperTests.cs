using Ferret.Events;
using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Tests.Windows;

public sealed class WindowsEventMapperTests
{
    // The example_log of ESCU's "Windows Event Log Application 3000" data source (a real record): EventID with
    // Qualifiers, a Provider with EventSourceName, named Data elements.
    private const string Application3000 =
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-ProcessExitMonitor' Guid='{FD771D53-8492-4057-8E35-8C02813AF49B}' EventSourceName='Process Exit Monitor'/><EventID Qualifiers='16384'>3000</EventID><Version>0</Version><Level>4</Level><Task>0</Task><Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2022-09-08T18:21:27.155712000Z'/><EventRecordID>21334</EventRecordID><Correlation/><Execution ProcessID='0' ThreadID='0'/><Channel>Application</Channel><Computer>win-host-mhaag-attack-range-117</Computer><Security UserID='S-1-5-21-62830434-419094169-3251522898-500'/></System><EventData Name='EVENT_PROCESSTERMINATION_SELF'><Data Name='param1'>C:\\Windows\\System32\\klist.exe</Data><Data Name='param2'>0</Data><Data Name='param3'>01d8c3afcf370d13</Data></EventData></Event>";

    [Theory]
    [InlineData("EventCode", "3000")]
    [InlineData("EventID", "3000")]
    [InlineData("Qualifiers", "16384")]
    [InlineData("Name", "Microsoft-Windows-ProcessExitMonitor")]
    [InlineData("Guid", "{FD771D53-8492-4057-8E35-8C02813AF49B}")]
    [InlineData("EventSourceName", "Process Exit Monitor")]
    [InlineData("Version", "0")]
    [InlineData("Level", "4")]
    [InlineData("Task", "0")]
    [InlineData("Opcode", "0")]
    [InlineData("Keywords", "0x80000000000000")]
    [InlineData("SystemTime", "2022-09-08T18:21:27.155712000Z")]
    [InlineData("EventRecordID", "21334")]
    [InlineData("ProcessID", "0")]
    [InlineData("ThreadID", "0")]
    [InlineData("Channel", "Application")]
    [InlineData("Computer", "win-host-mhaag-attack-range-117")]
    [InlineData("UserID", "S-1-5-21-62830434-419094169-3251522898-500")]
    [InlineData("param1", "C:\\Windows\\System32\\klist.exe")]
    [InlineData("param3", "01d8c3afcf370d13")]
    [InlineData("host", "win-host-mhaag-attack-range-117")]
    [InlineData("source", "XmlWinEventLog:Application")]
    [InlineData("sourcetype", "XmlWinEventLog")]
    [InlineData("index", "main")]
    public void System_elements_attributes_and_named_data_become_fields(string field, string expected)
    {
        var e = WindowsEventMapper.FromXml(Application3000);

        Assert.Equal(expected, e[field].Text);
    }

    [Fact]
    public void Time_comes_from_SystemTime_with_its_sub_second_digits()
    {
        var e = WindowsEventMapper.FromXml(Application3000);

        var expected = new DateTimeOffset(2022, 9, 8, 18, 21, 27, TimeSpan.Zero).AddTicks(1557120);

        // _time is a double of epoch seconds: exact to about a microsecond, as Splunk's own _time.
        Assert.True(Math.Abs((EpochTime.ToDateTimeOffset(e.Time!.Value) - expected).TotalMicroseconds) < 1, $"_time {e.Time} is not {expected:O}");
    }

    [Fact]
    public void Raw_is_the_xml_and_section_xml_fields_hold_the_inner_text()
    {
        var e = WindowsEventMapper.FromXml(Application3000);

        Assert.Equal(Application3000, e.Raw);
        Assert.StartsWith("<Data Name='param1'>", e["EventData_Xml"].Text, StringComparison.Ordinal);
        Assert.StartsWith("<Provider Name=", e["System_Props_Xml"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_keep_the_xml_escapes_of_raw_as_splunk_regex_extraction_does()
    {
        var xml = Wrap("<EventData><Data Name='CommandLine'>cmd /c dir 2&gt;&amp;1 \"x\"</Data></EventData>");

        var e = WindowsEventMapper.FromXml(xml);

        Assert.Equal("cmd /c dir 2&gt;&amp;1 \"x\"", e["CommandLine"].Text);
    }

    [Fact]
    public void Line_breaks_inside_values_are_kept_as_written()
    {
        var e = WindowsEventMapper.FromXml(Wrap("<EventData><Data Name='ScriptBlockText'>a\r\nb\nc</Data></EventData>"));

        Assert.Equal("a\r\nb\nc", e["ScriptBlockText"].Text);
    }

    [Theory]
    [InlineData("\r\n\t\t%{S-1-5-21-1-2-3-1609}", "%{S-1-5-21-1-2-3-1609}")]
    [InlineData("cmd.exe /c dir ", "cmd.exe /c dir ")]
    [InlineData("\r\n\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege", "SeBackupPrivilege\r\n\t\t\tSeRestorePrivilege")]
    [InlineData("\r\n\t", null)]
    public void Values_lose_the_line_breaks_and_tabs_around_them_but_keep_spaces_and_inner_layout(string written, string? expected)
    {
        var xml = Wrap($"<EventData><Data Name='SidHistory'>{written}</Data></EventData>");

        var e = WindowsEventMapper.FromXml(xml);

        Assert.Equal(expected, e["SidHistory"].Text);
        Assert.Contains(written, e.Raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_data_elements_become_the_multivalue_field_Data_in_order()
    {
        var e = WindowsEventMapper.FromXml(Wrap("<EventData><Data>first</Data><Data>second</Data><Data>third</Data></EventData>"));

        Assert.Equal(["first", "second", "third"], e["Data"].Texts);
    }

    [Fact]
    public void A_repeated_name_becomes_a_multivalue_field()
    {
        var e = WindowsEventMapper.FromXml(Wrap("<EventData><Data Name='Member'>a</Data><Data Name='Member'>b</Data></EventData>"));

        Assert.Equal(["a", "b"], e["Member"].Texts);
    }

    [Fact]
    public void Empty_data_elements_yield_no_field()
    {
        var e = WindowsEventMapper.FromXml(Wrap("<EventData><Data Name='RuleName'></Data><Data Name='Path'/><Data Name='Image'>x</Data></EventData>"));

        Assert.False(e.Has("RuleName"));
        Assert.False(e.Has("Path"));
        Assert.Equal("x", e["Image"].Text);
    }

    [Fact]
    public void UserData_leaves_become_fields_of_their_element_names()
    {
        var xml = Wrap("<UserData><LogFileCleared xmlns='http://manifests.microsoft.com/win/2004/08/windows/eventlog'><SubjectUserSid>S-1-5-21-1</SubjectUserSid><SubjectUserName>Administrator</SubjectUserName><Nested><Inner>deep</Inner></Nested></LogFileCleared></UserData>");

        var e = WindowsEventMapper.FromXml(xml);

        Assert.Equal("S-1-5-21-1", e["SubjectUserSid"].Text);
        Assert.Equal("Administrator", e["SubjectUserName"].Text);
        Assert.Equal("deep", e["Inner"].Text);
        Assert.False(e.Has("LogFileCleared"));
        Assert.False(e.Has("Nested"));
    }

    [Fact]
    public void Message_is_rendered_from_the_provider_template_with_unescaped_insertions()
    {
        var xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-WMI-Activity' Guid='{1418ef04-b0b4-4623-bf7e-d74ab47bbdaa}'/><EventID>5861</EventID><TimeCreated SystemTime='2020-06-17T07:15:28.722885Z'/><Channel>Microsoft-Windows-WMI-Activity/Operational</Channel><Computer>PC</Computer></System>"
            + "<UserData><Operation_ESStoConsumerBinding xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'><Namespace>//./root/subscription</Namespace><ESS>Filter</ESS><CONSUMER>CommandLineEventConsumer=\"Evil\"</CONSUMER><PossibleCause>Binding &lt;x&gt;</PossibleCause></Operation_ESStoConsumerBinding></UserData></Event>";

        var e = WindowsEventMapper.FromXml(xml);

        Assert.Equal("Namespace = //./root/subscription; Eventfilter = Filter (refer to its activate eventid:5859); Consumer = CommandLineEventConsumer=\"Evil\"; PossibleCause = Binding <x>", e["Message"].Text);
        Assert.Equal("CommandLineEventConsumer=\"Evil\"", e["CONSUMER"].Text);
    }

    [Fact]
    public void Events_without_a_template_have_no_message()
    {
        Assert.False(WindowsEventMapper.FromXml(Application3000).Has("Message"));
    }

    [Fact]
    public void A_message_from_rendering_info_wins()
    {
        var xml = Wrap("<EventData><Data Name='a'>1</Data></EventData><RenderingInfo Culture='en-US'><Message>Rendered text</Message><Level>Information</Level></RenderingInfo>");

        Assert.Equal("Rendered text", WindowsEventMapper.FromXml(xml)["Message"].Text);
    }

    [Theory]
    [InlineData("<Event><System><EventID>1</EventID></System>", "end of file")]
    [InlineData("<Events><System/></Events>", "not <Event>")]
    [InlineData("<Event><System><Channel>x</Channel></System></Event>", "no System/EventID")]
    public void Malformed_events_throw_a_message_naming_the_fault(string xml, string fragment)
    {
        var error = Record.Exception(() => WindowsEventMapper.FromXml(xml));

        Assert.NotNull(error);
        Assert.Contains(fragment, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static string Wrap(string data) =>
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='P'/><EventID>1</EventID><TimeCreated SystemTime='2024-01-02T03:04:05.000000000Z'/><Channel>C</Channel><Computer>H</Computer></System>" + data + "</Event>";
}
