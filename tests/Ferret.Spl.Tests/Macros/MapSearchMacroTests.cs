using Ferret.Spl.Macros;
using Ferret.Spl.Syntax;

namespace Ferret.Spl.Tests.Macros;

/// <summary>The quoted search of <c>map search="..."</c> is a search of its own, so its macros expand (Search Reference,
/// "map command"); other quoted strings keep their backticks.</summary>
public sealed class MapSearchMacroTests
{
    private static readonly MacroTable Macros = Table();

    [Theory]
    [InlineData("x | map search=\"search `security` EventCode=4624 TargetLogonId=$TargetLogonId$\"",
        "x | map search=\"search Channel=security OR source=\\\"Xml:Security\\\" EventCode=4624 TargetLogonId=$TargetLogonId$\"")]
    [InlineData("x | appendpipe [| map maxsearches=5 search=\"search `plain` $gpo_guid$\"]",
        "x | appendpipe [| map maxsearches=5 search=\"search EventCode=5136 $gpo_guid$\"]")]
    [InlineData("x | MAP search = \"search `path`\"", "x | MAP search = \"search p=\\\"C:\\\\\\\\Windows\\\\\\\\*\\\"\"")]
    [InlineData("x | map\n  maxsearches=70 search=\"| tstats count by \\\"A.user\\\" | `drop(\\\"A\\\")`\"",
        "x | map\n  maxsearches=70 search=\"| tstats count by \\\"A.user\\\" | rename \\\"A\\\".* AS *\"")]
    [InlineData("x | eval s=\"search `plain`\"", "x | eval s=\"search `plain`\"")]
    [InlineData("x | search note=\"`plain`\" | map search=\"search a=\\\"`q`\\\"\"", "x | search note=\"`plain`\" | map search=\"search a=\\\"`q`\\\"\"")]
    public void Macros_in_a_map_search_expand_inside_the_quotes(string search, string expected)
    {
        var expansion = MacroExpander.Expand(search, Macros);

        Assert.Empty(expansion.Diagnostics);
        Assert.Equal(expected, expansion.Text);
    }

    [Fact]
    public void The_expanded_map_search_reads_back_as_the_expanded_search()
    {
        var expansion = MacroExpander.Expand("x | map search=\"search `path` | eval y=`plain`\"", Macros);
        var parsed = SplParser.Parse(expansion.Text);

        Assert.False(parsed.HasErrors);
        var map = Assert.IsType<MapCommandNode>(parsed.Pipeline.Commands[1]);
        Assert.Equal("search p=\"C:\\\\Windows\\\\*\" | eval y=EventCode=5136", map.Options.Find("search")!.Value.Text);
    }

    [Fact]
    public void An_unknown_macro_in_a_map_search_is_reported_at_its_call()
    {
        const string search = "x | map search=\"search `nope` y=1\"";
        var expansion = MacroExpander.Expand(search, Macros);

        var diagnostic = Assert.Single(expansion.Diagnostics);
        Assert.Equal(search.IndexOf("`nope`", StringComparison.Ordinal), diagnostic.Span.Start);
        Assert.Equal("x | map search=\"search  y=1\"", expansion.Text);
    }

    private static MacroTable Table()
    {
        var table = new MacroTable();
        Assert.True(table.Add(new MacroDefinition("security", "Channel=security OR source=\"Xml:Security\"")));
        Assert.True(table.Add(new MacroDefinition("plain", "EventCode=5136")));
        Assert.True(table.Add(new MacroDefinition("path", "p=\"C:\\\\Windows\\\\*\"")));
        Assert.True(table.Add(new MacroDefinition("drop", ["name"], "rename $name$.* AS *")));
        return table;
    }
}
