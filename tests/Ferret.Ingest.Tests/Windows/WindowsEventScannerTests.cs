using Ferret.Ingest.Windows;

namespace Ferret.Ingest.Tests.Windows;

/// <summary>
/// The hand-written scanner behind <see cref="WindowsEventMapper.FromXml(string)"/> against the XmlReader mapping
/// on tricky inputs: each case says whether the scanner should read it itself or hand it to XmlReader, and the
/// fields must be the same either way.
/// </summary>
public sealed class WindowsEventScannerTests
{
    private const string Head = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>";

    private const string System =
        "<System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385F-C22A-43E0-BF4C-06F5698FFBD9}'/><EventID>1</EventID>"
        + "<Version>5</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>"
        + "<TimeCreated SystemTime='2022-09-08T18:21:27.155712000Z'/><EventRecordID>42</EventRecordID><Correlation/>"
        + "<Execution ProcessID='2044' ThreadID='3108'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel>"
        + "<Computer>host-1</Computer><Security UserID='S-1-5-18'/></System>";

    private const string WmiSystem =
        "<System><Provider Name=\"Microsoft-Windows-WMI-Activity\" Guid=\"{1418EF04-B0B4-4623-BF7E-D74AB47BBDAA}\"/><EventID>5861</EventID>"
        + "<TimeCreated SystemTime=\"2019-03-19T09:27:48.741000000Z\"/><Execution ProcessID=\"956\" ThreadID=\"2112\"/>"
        + "<Channel>Microsoft-Windows-WMI-Activity/Operational</Channel><Computer>wmi-host</Computer></System>";

    private const string ServiceSystem =
        "<System><Provider Name='Service Control Manager' Guid='{555908d1-a6d7-4695-8e1e-26931d2012f4}' EventSourceName='Service Control Manager'/>"
        + "<EventID Qualifiers='16384'>7045</EventID><TimeCreated SystemTime='2019-03-19T09:27:48.741000000Z'/>"
        + "<Channel>System</Channel><Computer>svc-host</Computer></System>";

    public static TheoryData<string, string, bool> Cases => new()
    {
        { "entities kept as escapes", Head + System + "<EventData><Data Name='CommandLine'>cmd /c a 2&gt;&amp;1 &quot;q&quot; &apos;s&apos; &lt;t&gt;</Data></EventData></Event>", true },
        { "character references", Head + System + "<EventData><Data Name='A'>x&#3;y&#x41;&#38;&#60;&#x1F600;&#13;&#10;z</Data></EventData></Event>", true },
        { "a literal greater-than in text", Head + System + "<EventData><Data Name='A'>a>b</Data><Data Name='B'>]x]</Data></EventData></Event>", true },
        { "empty Data in both forms", Head + System + "<EventData><Data Name='A'/><Data Name='B'></Data><Data Name='C'>c</Data></EventData></Event>", true },
        { "unnamed Data gathered in order", Head + System + "<EventData><Data>one</Data><Data/><Data>two</Data><Binary>00FF</Binary></EventData></Event>", true },
        { "a Data name met twice", Head + System + "<EventData><Data Name='A'>1</Data><Data Name='A'>2</Data><Data Name=''>3</Data></EventData></Event>", true },
        { "a Data name with a reference", Head + System + "<EventData><Data Name='a&amp;b'>1</Data></EventData></Event>", true },
        { "nested UserData leaves", Head + WmiSystem + "<UserData><Op xmlns='http://manifests.microsoft.com/win/2006/windows/WMI'><Namespace>//./root/subscription</Namespace><ESS>Evil</ESS><CONSUMER>CommandLineEventConsumer=&quot;x&quot;</CONSUMER><Possible><Cause>a &amp; b</Cause></Possible><Empty/><EmptyToo></EmptyToo><ProcessID>77</ProcessID></Op></UserData></Event>", true },
        { "attributes in either quote and spaced", Head + "<System><Provider Name = \"P\"  Guid='{G}' /><EventID Qualifiers=\"1\">4</EventID><TimeCreated SystemTime=\"2022-09-08T18:21:27Z\" /><Channel>C</Channel><Computer>H</Computer><Security UserID='a&gt;b&apos;c' /></System></Event>", true },
        { "line breaks and indentation", Head + "\r\n  <System>\r\n    <EventID>4104</EventID>\r\n    <Channel>Microsoft-Windows-PowerShell/Operational</Channel>\r\n  </System>\r\n  <EventData>\r\n    <Data Name='ScriptBlockText'>line1\r\nline2\n\tindented  </Data>\r\n    <Data Name='Blank'>   </Data>\r\n  </EventData>\r\n</Event>\r\n", true },
        { "CDATA in a value", Head + System + "<EventData><Data Name='A'>pre<![CDATA[<b>&amp;</b>]]>post</Data><Data Name='B'><![CDATA[]]></Data></EventData></Event>", true },
        { "a rendered message", Head + System + "<EventData><Data Name='A'>1</Data></EventData><RenderingInfo Culture='en-US'><Message>Process &amp; &lt;create&gt;</Message><Level>Information</Level></RenderingInfo></Event>", true },
        { "a templated message from unescaped insertions", Head + ServiceSystem + "<EventData><Data Name='ServiceName'>evil</Data><Data Name='ImagePath'>cmd /c x 2&gt;&amp;1</Data><Data Name='ServiceType'>user mode service</Data><Data Name='StartType'>demand start</Data><Data Name='AccountName'>LocalSystem</Data></EventData></Event>", true },
        { "an empty section", Head + System + "<EventData/><UserData></UserData></Event>", true },
        { "an XML declaration", "<?xml version='1.0' encoding='utf-8'?>" + Head + System + "</Event>", false },
        { "a comment inside a value", Head + System + "<EventData><Data Name='A'>a<!-- c -->b</Data></EventData></Event>", false },
        { "a carriage return alone", Head + System + "<EventData><Data Name='A'>a\rb</Data><Data Name='B'>\r</Data></EventData></Event>", true },
        { "a carriage return inside CDATA", Head + System + "<EventData><Data Name='A'><![CDATA[a\rb]]></Data></EventData></Event>", false },
        { "a line feed inside an attribute", Head + System + "<EventData><Data Name='A\nB'>1</Data></EventData></Event>", false },
        { "a prefixed UserData element", Head + WmiSystem + "<UserData><w:Op xmlns:w='urn:x'><w:Leaf>1</w:Leaf></w:Op></UserData></Event>", false },
        { "a raw control character", Head + System + "<EventData><Data Name='A'>a\u0003b</Data></EventData></Event>", false },
        { "a root other than Event", "<Events>" + System + "</Events>", false },
        { "no EventID", Head + "<System><Channel>C</Channel></System></Event>", true },
        { "a mismatched end tag", Head + System + "<EventData><Data Name='A'>1</Dota></EventData></Event>", false },
        { "an unknown entity", Head + System + "<EventData><Data Name='A'>&nbsp;</Data></EventData></Event>", false },
        { "a cut-off document", Head + System + "<EventData><Data Name='A'>1", false },
        { "content after the root", Head + System + "</Event><Event/>", false },
        { "a duplicate attribute", Head + System + "<EventData><Data Name='A' Name='B'>1</Data></EventData></Event>", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_scanner_gives_the_fields_of_the_XmlReader_mapping(string description, string xml, bool scannerReadsIt)
    {
        var difference = MapperComparison.Difference(xml);

        Assert.True(difference is null, $"{description}: {difference}");
        Assert.Equal(scannerReadsIt, ScannerReads(xml));
    }

    [Fact]
    public void Values_keep_the_escapes_of_raw_and_the_rendered_message_is_unescaped()
    {
        var xml = Head + ServiceSystem + "<EventData><Data Name='ServiceName'>evil</Data><Data Name='ImagePath'>cmd /c x 2&gt;&amp;1 &quot;q&quot;</Data></EventData></Event>";

        var e = WindowsEventMapper.FromXml(xml);

        Assert.True(ScannerReads(xml));
        Assert.Equal("cmd /c x 2&gt;&amp;1 \"q\"", e["ImagePath"].Text);
        Assert.Contains("cmd /c x 2>&1 \"q\"", e["Message"].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UserData_ProcessID_adds_to_the_System_one_in_document_order()
    {
        var xml = Head + WmiSystem + "<UserData><Op><ProcessID>77</ProcessID></Op></UserData></Event>";

        var e = WindowsEventMapper.FromXml(xml);

        Assert.True(ScannerReads(xml));
        Assert.Equal(["956", "77"], e["ProcessID"].Texts);
    }

    private static bool ScannerReads(string xml)
    {
        try
        {
            return WindowsEventMapper.TryFromXmlScanned(xml, collectorMessage: null) is not null;
        }
        catch (FormatException)
        {
            // Read in full, then refused for want of an EventID, as the XmlReader mapping refuses it.
            return true;
        }
    }
}
