using Ferret.Events;
using System.Text;
using Ferret.Ingest.Evtx;
using Ferret.Ingest.Tests.Evtx;

namespace Ferret.Ingest.Tests.Windows;

public sealed class RenderedMappingTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ferret-walk-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>&lt;Event xmlns=…&gt;&lt;System&gt;&lt;Provider Name='[0]'/&gt;&lt;EventID&gt;[1]&lt;/EventID&gt;&lt;Computer&gt;[2]&lt;/Computer&gt;&lt;/System&gt;
    /// &lt;EventData&gt;&lt;Data Name='CommandLine'&gt;[3]&lt;/Data&gt;&lt;Data Name='User'&gt;[4]&lt;/Data&gt;&lt;/EventData&gt;&lt;/Event&gt;</summary>
    private static void ProcessTemplate(EvtxChunkWriter w)
    {
        w.OpenElement("Event", withAttributes: true);
        w.Attribute("xmlns");
        w.Text("http://schemas.microsoft.com/win/2004/08/events/event");
        w.U8(0x02);
        w.OpenElement("System", withAttributes: false);
        w.U8(0x02);
        w.OpenElement("Provider", withAttributes: true);
        w.Attribute("Name");
        w.Substitution(0, 0x01, optional: false);
        w.U8(0x03);
        w.OpenElement("EventID", withAttributes: false);
        w.U8(0x02);
        w.Substitution(1, 0x06, optional: false);
        w.U8(0x04);
        w.OpenElement("Computer", withAttributes: false);
        w.U8(0x02);
        w.Substitution(2, 0x01, optional: false);
        w.U8(0x04);
        w.U8(0x04);
        w.OpenElement("EventData", withAttributes: false);
        w.U8(0x02);
        DataElement(w, "CommandLine", 3);
        DataElement(w, "User", 4);
        w.U8(0x04);
        w.U8(0x04);
    }

    private static void DataElement(EvtxChunkWriter w, string name, ushort index)
    {
        w.OpenElement("Data", withAttributes: true);
        w.Attribute("Name");
        w.Text(name);
        w.U8(0x02);
        w.Substitution(index, 0x01, optional: false);
        w.U8(0x04);
    }

    private static (byte, byte[]) Utf16(string value) => (0x01, Encoding.Unicode.GetBytes(value));

    private string WriteProcessEvent(string provider, string computer, string commandLine, string user)
    {
        var writer = new EvtxChunkWriter();
        writer.Record(1, w =>
        {
            w.FragmentHeader();
            w.TemplateInstance(ProcessTemplate, Utf16(provider), (0x06, BitConverter.GetBytes((ushort)4688)), Utf16(computer), Utf16(commandLine), Utf16(user));
            w.U8(0x00);
        });
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.evtx");
        File.WriteAllBytes(path, EvtxChunkWriter.File(1, writer.ToChunk()));
        return path;
    }

    [Theory]
    [InlineData("Microsoft-Windows-Security-Auditing", "HOST", "cmd.exe /c \"a & b\" > out.txt", "alice", "CommandLine", "cmd.exe /c \"a &amp; b\" &gt; out.txt")]
    [InlineData("O'Brien <Provider>", "HOST", "x", "alice", "Name", "O'Brien &lt;Provider&gt;")]
    [InlineData("P", "HOST", "\r\n\t\tpowershell -enc AAA ", "alice", "CommandLine", "powershell -enc AAA ")]
    [InlineData("P", "HOST", "x", "", "User", null)]
    [InlineData("P", "\tHOST\r\n", "x", "alice", "Computer", "HOST")]
    public void A_record_mapped_in_the_walk_gets_the_fields_of_its_xml(
        string provider, string computer, string commandLine, string user, string field, string? expected)
    {
        var problems = new ProblemCollector();
        var path = WriteProcessEvent(provider, computer, commandLine, user);

        var record = Assert.Single(EvtxFile.ReadMappedRecords(path, problems, 1, BinXmlRenderer.DefaultMaxRenderedChars));

        Assert.Empty(problems.Problems);
        Assert.NotNull(record.MappedEvent);
        Assert.Null(RenderedMapping.Difference(record));
        Assert.Equal(expected, record.MappedEvent[field].Text);
    }

    [Fact]
    public void A_record_whose_text_holds_a_character_reference_is_mapped_from_its_xml_instead()
    {
        var problems = new ProblemCollector();
        var path = WriteProcessEvent("P", "HOST", "bell\u0007here", "alice");

        var record = Assert.Single(EvtxFile.ReadMappedRecords(path, problems, 1, BinXmlRenderer.DefaultMaxRenderedChars));
        var e = Assert.Single(InputReader.ReadFile(path, IngestOptions.Default, problems));

        Assert.Contains("bell&#7;here", record.Xml, StringComparison.Ordinal);
        Assert.Null(record.MappedEvent);
        Assert.Equal("bell\u0007here", e["CommandLine"].Text);
        Assert.Equal(record.Xml, e.Raw);
    }
}
