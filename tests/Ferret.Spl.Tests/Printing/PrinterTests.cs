namespace Ferret.Spl.Tests.Printing;

public sealed class PrinterTests
{
    [Theory]
    [InlineData("index=main   a OR b c", "index=main (a OR b) c")]
    [InlineData("| tstats count from datamodel=Endpoint.Processes where Processes.process_name=x by Processes.dest span=1h",
        "| tstats count FROM datamodel=Endpoint.Processes WHERE Processes.process_name=x BY Processes.dest span=1h")]
    [InlineData("x | eval a = 1+2*3 , b=\"q\\\"uote\"", "x | eval a=1 + 2 * 3, b=\"q\\\"uote\"")]
    [InlineData("x | where (a OR b) AND c", "x | where (a OR b) AND c")]
    [InlineData("x | rex \"(?<a>\\d+)\\\\\"", "x | rex \"(?<a>\\d+)\\\\\"")]
    [InlineData("x | stats count as n by a,b", "x | stats count AS n BY a b")]
    [InlineData("x | lookup t a as b output c", "x | lookup t a AS b OUTPUT c")]
    public void Printer_writes_canonical_spl(string spl, string expected)
    {
        var parsed = SplParser.Parse(spl);

        Assert.Empty(parsed.Diagnostics);
        Assert.Equal(expected, SplPrinter.Print(parsed.Pipeline));
    }

    [Theory]
    [InlineData("x | eval a=\"C:\\\\Windows\\\\\"")]
    [InlineData("x | eval a=\"ends with backslash\\\\\" | rex \"\\\\\\\"\"")]
    [InlineData("x \"DNS\".* | rename \"DNS\".* AS *")]
    [InlineData("x | appendpipe [stats count | where count=0] | foreach a* [eval <<FIELD>>=1]")]
    public void Printed_text_parses_back_to_the_same_tree(string spl)
    {
        var first = SplPrinter.Print(SplParser.Parse(spl).Pipeline);
        var reparsed = SplParser.Parse(first);

        Assert.Empty(reparsed.Diagnostics);
        Assert.Equal(first, SplPrinter.Print(reparsed.Pipeline));
    }
}
