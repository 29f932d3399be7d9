namespace Ferret.Ingest.Tests.Xml;

public sealed class XmlWinEventLogReaderTests
{
    [Fact]
    public void Events_on_one_line_several_lines_or_sharing_a_line_are_all_read_in_order()
    {
        var text = Event(1) + "\n" + Event(2).Replace("<EventData>", "\r\n<EventData>\r\n", StringComparison.Ordinal) + "\n" + Event(3) + Event(4) + "\n";

        var (events, problems) = TestInputs.ReadText(text);

        Assert.Empty(problems);
        Assert.Equal(["1", "2", "3", "4"], events.Select(e => e["EventRecordID"].Text));
    }

    [Fact]
    public void A_truncated_event_is_reported_with_its_line_and_the_rest_is_read()
    {
        var truncated = Event(2)[..80];
        var text = Event(1) + "\n" + truncated + "\n" + Event(3) + "\n";

        var (events, problems) = TestInputs.ReadText(text);

        Assert.Equal(["1", "3"], events.Select(e => e["EventRecordID"].Text));
        var problem = Assert.Single(problems);
        Assert.Equal("line 2", problem.Location);
        Assert.Contains("not closed", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_cut_off_by_the_end_of_the_file_keeps_its_fields_before_the_cut_with_a_warning()
    {
        var cut = Event(2)[..(Event(2).IndexOf("cmd.exe", StringComparison.Ordinal) + 3)];

        var (events, problems) = TestInputs.ReadText(Event(1) + "\n" + cut);

        Assert.Equal(["1", "2"], events.Select(e => e["EventRecordID"].Text));
        Assert.Equal("C:\\Windows\\System32\\cmd", events[1]["Image"].Text);
        var problem = Assert.Single(problems);
        Assert.Equal(("line 2", Ferret.Events.ProblemSeverity.Warning), (problem.Location, problem.Severity));
        Assert.Contains("end of the file", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a><b x='1'>text", "<a><b x='1'>text</b></a>")]
    [InlineData("<a><b x='1'>te&am", "<a><b x='1'>te</b></a>")]
    [InlineData("<a><b/><c>1</c><d Name='", "<a><b/><c>1</c></a>")]
    public void Cut_xml_is_closed_after_dropping_a_half_tag_or_entity(string partial, string closed)
    {
        Assert.Equal(closed, Ferret.Ingest.Xml.TruncatedXml.Close(partial));
    }

    [Fact]
    public void Malformed_xml_inside_an_event_is_reported_with_the_line_and_the_rest_is_read()
    {
        var broken = Event(2).Replace("</Channel>", "</Chanel>", StringComparison.Ordinal);

        var (events, problems) = TestInputs.ReadText(Event(1) + "\n" + Event(5) + "\n" + broken + "\n" + Event(3) + "\n");

        Assert.Equal(["1", "5", "3"], events.Select(e => e["EventRecordID"].Text));
        var problem = Assert.Single(problems);
        Assert.Equal("line 3", problem.Location);
        Assert.Contains("malformed event XML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_between_events_is_reported_once_as_a_warning()
    {
        var (events, problems) = TestInputs.ReadText("<Events>\n" + Event(1) + "\njunk\n" + Event(2) + "\n");

        Assert.Equal(2, events.Count);
        var problem = Assert.Single(problems);
        Assert.Equal(Ferret.Events.ProblemSeverity.Warning, problem.Severity);
        Assert.Contains("2 line(s)", problem.Message, StringComparison.Ordinal);
    }

    internal static string Event(int record) =>
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2025-11-03T09:52:40.075072500Z'/>"
        + $"<EventRecordID>{record}</EventRecordID><Correlation/><Execution ProcessID='2712' ThreadID='3468'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ar-win-1</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='Image'>C:\\Windows\\System32\\cmd.exe</Data></EventData></Event>";
}
