using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;

namespace Ferret.Spl.Tests.Macros;

public sealed class MacroExpanderTests
{
    private static MacroTable Table(params MacroDefinition[] macros)
    {
        var table = new MacroTable();
        foreach (var macro in macros)
        {
            Assert.True(table.Add(macro));
        }

        return table;
    }

    [Theory]
    [InlineData("`sysmon` EventCode=1", "index=main sourcetype=sysmon EventCode=1")]
    [InlineData("x | `ctime(firstTime)`", "x | convert ctime(firstTime)")]
    [InlineData("x | `pair(a, \"b, c\")`", "x | eval a=\"b, c\"")]
    [InlineData("x | `pair(value=2, field=y)`", "x | eval y=2")]
    [InlineData("x | `outer`", "x | convert ctime(inner)")]
    [InlineData("x \"`sysmon`\" | eval q=\"`\"", "x \"`sysmon`\" | eval q=\"`\"")]
    [InlineData("x ```a `sysmon` comment``` y", "x ```a `sysmon` comment``` y")]
    public void Macros_expand_with_positional_named_and_nested_arguments(string search, string expected)
    {
        var table = Table(
            new MacroDefinition("sysmon", "index=main sourcetype=sysmon"),
            new MacroDefinition("ctime", ["field"], "convert ctime($field$)"),
            new MacroDefinition("pair", ["field", "value"], "eval $field$=$value$"),
            new MacroDefinition("outer", "`ctime(inner)`"));

        var expansion = MacroExpander.Expand(search, table);

        Assert.Empty(expansion.Diagnostics);
        Assert.Equal(expected, expansion.Text);
    }

    [Fact]
    public void Built_ins_provide_drop_dm_object_name_and_an_empty_filter_for_undefined_filter_macros()
    {
        var expansion = MacroExpander.Expand("x | `drop_dm_object_name(Processes)` | `my_detection_filter`", MacroTable.WithBuiltIns());

        Assert.Empty(expansion.Diagnostics);
        Assert.Equal("x | rename Processes.* AS * | search *", expansion.Text);
    }

    [Fact]
    public void Content_replaces_a_built_in_and_an_override_replaces_content()
    {
        var table = MacroTable.WithBuiltIns();
        Assert.True(table.Add(new MacroDefinition("fillnull_config", "0")));
        Assert.False(table.Add(new MacroDefinition("fillnull_config", "1")));
        Assert.Equal("0", MacroExpander.Expand("`fillnull_config`", table).Text);

        table.Override(new MacroDefinition("fillnull_config", "2"));
        Assert.True(table.Add(new MacroDefinition("fillnull_config", "3")));
        Assert.Equal("2", MacroExpander.Expand("`fillnull_config`", table).Text);
    }

    /// <summary>Search, expected code, and the macro name the message must mention.</summary>
    public static TheoryData<string, string, string> Errors => new()
    {
        { "a | `missing`", DiagnosticFacts.UnknownMacroCode, "missing" },
        { "a | `missing(1,2)`", DiagnosticFacts.UnknownMacroCode, "missing(2)" },
        { "a | `ctime`", DiagnosticFacts.MacroArityCode, "ctime" },
        { "a | `ctime(a, b)`", DiagnosticFacts.MacroArityCode, "ctime" },
        { "a | `loop_a`", DiagnosticFacts.MacroCycleCode, "loop_a -> loop_b -> loop_a" },
        { "a | `self`", DiagnosticFacts.MacroCycleCode, "self -> self" },
        { "a | `ctime(", DiagnosticFacts.UnterminatedMacroCode, "backtick" },
        { "a | `bad name!`", DiagnosticFacts.MalformedMacroCallCode, "bad name!" },
        { "a | `pair(field=x, nope=1)`", DiagnosticFacts.UnknownMacroArgumentCode, "nope" },
        { "a | `uses_missing`", DiagnosticFacts.UnknownMacroCode, "missing_inner" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Macro_problems_are_diagnostics_that_name_the_macro_and_point_at_the_call(string search, string code, string mentioned)
    {
        var table = Table(
            new MacroDefinition("ctime", ["field"], "convert ctime($field$)"),
            new MacroDefinition("pair", ["field", "value"], "eval $field$=$value$"),
            new MacroDefinition("loop_a", "`loop_b`"),
            new MacroDefinition("loop_b", "`loop_a`"),
            new MacroDefinition("self", "`self`"),
            new MacroDefinition("uses_missing", "`missing_inner`"));

        var expansion = MacroExpander.Expand(search, table);

        var diagnostic = Assert.Single(expansion.Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Contains(mentioned, diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Span.Start);
    }

    [Fact]
    public void Offsets_in_expanded_text_map_back_to_what_the_user_wrote()
    {
        const string search = "a `m` b";
        var expansion = MacroExpander.Expand(search, Table(new MacroDefinition("m", "long expansion text")));

        Assert.Equal("a long expansion text b", expansion.Text);
        Assert.Equal(0, expansion.MapToOriginal(0));
        Assert.Equal(2, expansion.MapToOriginal(2));
        Assert.Equal(2, expansion.MapToOriginal(10));
        Assert.Equal(search.IndexOf('b', StringComparison.Ordinal), expansion.MapToOriginal(expansion.Text.IndexOf(" b", StringComparison.Ordinal) + 1));
        Assert.Equal(new TextSpan(2, 3), expansion.MapToOriginal(new TextSpan(7, 4)));
    }

    [Fact]
    public void A_parse_error_inside_a_macro_points_at_the_macro_call()
    {
        const string search = "index=x | `broken` | stats count";
        var expansion = MacroExpander.Expand(search, Table(new MacroDefinition("broken", "eval x=(1")));
        var parsed = SplParser.Parse(expansion.Text);

        var diagnostic = Assert.Single(expansion.MapToOriginal(parsed.Diagnostics));
        Assert.Equal(DiagnosticFacts.UnbalancedParenthesisCode, diagnostic.Code);
        Assert.Equal("`broken`", search.Substring(diagnostic.Span.Start, diagnostic.Span.Length));
    }
}
