using Ferret.Ingest.Text;

namespace Ferret.Ingest.Tests.Text;

public sealed class TextSnifferTests
{
    [Theory]
    [InlineData("type=EXECVE msg=audit(1723044684.257:15795): argc=3 a0=\"sudo\"", TextKind.LinuxAudit, "linux:audit")]
    [InlineData("node=web1 type=SYSCALL msg=audit(1723035666.627:3663): arch=c000003e syscall=59", TextKind.LinuxAudit, "linux:audit")]
    [InlineData("May 27 09:28:36 ip-172-31-24-46 sshd[5617]: Accepted password for mikael", TextKind.Syslog, "syslog")]
    [InlineData("<14>1 2024-02-22T12:33:50-05:00 PALO220 - - - - 1,2024/02/22", TextKind.Syslog, "syslog")]
    [InlineData("577 <14>1 2024-02-22T12:33:50-05:00 PALO220 - - - - 1,2024/02/22", TextKind.Syslog, "syslog")]
    [InlineData("name,value,when\nx,1,today\ny,2,now", TextKind.Csv, "csv")]
    [InlineData("site=\"a\" server=\"b\" dest_port=\"443\"", TextKind.KeyValue, "kv")]
    public void Text_logs_are_recognised_from_their_first_lines(string text, TextKind kind, string sourceType)
    {
        var sniffed = TextSniffer.Sniff(text.Split('\n'));

        Assert.Equal(kind, sniffed);
        Assert.Equal(sourceType, TextSniffer.SourceTypeOf(sniffed));
    }

    [Fact]
    public void Prose_is_plain_text()
    {
        Assert.Equal(TextKind.Plain, TextSniffer.Sniff(["just some words in a line", "and another"]));
    }

    [Fact]
    public void A_header_line_whose_rows_have_other_column_counts_is_not_csv()
    {
        Assert.NotEqual(TextKind.Csv, TextSniffer.Sniff(["a,b,c", "1,2", "3,4"]));
    }
}
