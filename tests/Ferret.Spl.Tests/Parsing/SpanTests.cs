using Ferret.Spl.Syntax;

namespace Ferret.Spl.Tests.Parsing;

public sealed class SpanTests
{
    /// <summary>Search, index of the command, and the exact text its span must cover.</summary>
    public static TheoryData<string, int, string> CommandSpans => new()
    {
        { "index=main  a | stats count BY host ", 0, "index=main  a" },
        { "index=main  a | stats count BY host ", 1, "stats count BY host" },
        { "| tstats count from datamodel=Endpoint.Processes by Processes.dest span=1h | head 2", 0, "tstats count from datamodel=Endpoint.Processes by Processes.dest span=1h" },
        { "x | eval a=if(b, \"c\", 1) , d=2|table a", 1, "eval a=if(b, \"c\", 1) , d=2" },
        { "x | table a|fields - b", 2, "fields - b" },
        { "x | join type=outer host [search y | fields host] | head 1", 1, "join type=outer host [search y | fields host]" },
        { "x | rex field=a \"(?<b>\\d+)\"   ", 1, "rex field=a \"(?<b>\\d+)\"" },
        { "x | lookup t a AS b OUTPUT c | head", 1, "lookup t a AS b OUTPUT c" },
    };

    [Theory]
    [MemberData(nameof(CommandSpans))]
    public void Command_spans_cover_the_command_text_without_surrounding_space(string spl, int index, string expected)
    {
        var result = SplParser.Parse(spl);

        Assert.Empty(result.Diagnostics);
        var span = result.Pipeline.Commands[index].Span;
        Assert.Equal(expected, spl.Substring(span.Start, span.Length));
    }

    [Fact]
    public void Nested_node_spans_point_into_the_original_text()
    {
        const string spl = "x | stats dc(user) AS users BY host | where users > 10";
        var pipeline = SplParser.Parse(spl).Pipeline;
        var stats = Assert.IsType<StatsCommandNode>(pipeline.Commands[1]);
        var where = Assert.IsType<WhereCommandNode>(pipeline.Commands[2]);

        Assert.Equal("dc(user) AS users", Text(spl, stats.Aggregations[0].Span));
        Assert.Equal("users", Text(spl, stats.Aggregations[0].Alias!.Span));
        Assert.Equal("host", Text(spl, stats.ByFields[0].Span));
        Assert.Equal("users > 10", Text(spl, where.Condition.Span));
    }

    private static string Text(string spl, Diagnostics.TextSpan span) => spl.Substring(span.Start, span.Length);
}
