using Ferret.Spl.Parsing;
using Ferret.Spl.Tables;

namespace Ferret.Spl.Tests.Tables;

public sealed class TableTests
{
    [Fact]
    public void Every_command_with_a_parser_is_declared_with_a_typed_grammar_and_the_reverse()
    {
        var tableNames = CommandTable.All.Where(c => c.HasTypedGrammar).SelectMany(c => c.Aliases.Prepend(c.Name)).ToHashSet(StringComparer.Ordinal);

        Assert.Equal([], Parser.CommandParsers.Keys.Where(name => !tableNames.Contains(name)));
        Assert.Equal([], tableNames.Where(name => !Parser.CommandParsers.ContainsKey(name)));
    }

    [Fact]
    public void Commands_the_content_uses_are_known_with_their_kind()
    {
        Assert.Equal(CommandKind.Generating, CommandTable.Find("tstats")!.Kind);
        Assert.Equal("bin", CommandTable.Find("BUCKET")!.Name);
        Assert.Null(CommandTable.Find("frobnicate"));
    }

    [Theory]
    [InlineData("count", null)]
    [InlineData("perc95", 95.0)]
    [InlineData("p99", 99.0)]
    [InlineData("exactperc50", 50.0)]
    public void Aggregate_functions_resolve_including_percentiles(string name, double? percentile)
    {
        Assert.NotNull(FunctionTable.FindAggregate(name, out var found));
        Assert.Equal(percentile, found);
    }

    [Fact]
    public void Eval_functions_carry_their_arity()
    {
        Assert.True(FunctionTable.FindEval("if")!.AcceptsArgumentCount(3));
        Assert.False(FunctionTable.FindEval("if")!.AcceptsArgumentCount(2));
        Assert.True(FunctionTable.FindEval("case")!.AcceptsArgumentCount(6));
        Assert.Null(FunctionTable.FindEval("nosuchfunction"));
        Assert.Null(FunctionTable.FindAggregate("p101", out _));
    }

    [Fact]
    public void Every_eval_function_the_content_uses_is_in_the_function_table()
    {
        // GUIDE §2 lists the eval functions ESCU uses.
        string[] used = ["if", "match", "mvindex", "coalesce", "isnotnull", "mvcount", "split", "lower", "case", "relative_time", "mvfind",
            "tostring", "upper", "now", "replace", "isnull", "like", "strftime", "round", "len", "null", "abs", "cidrmatch", "substr",
            "floor", "pow", "mvmap", "mvjoin", "sqrt", "mvzip", "mvfilter", "trim", "mvappend"];

        Assert.Equal([], used.Where(name => FunctionTable.FindEval(name) is null));
    }

    [Fact]
    public void Support_document_lists_every_command_and_function_with_the_engine_verdict()
    {
        var document = SplSupportDocument.Render(c => c.Name == "stats" ? "yes" : null, f => f.Name == "if" ? "yes" : null);

        Assert.Contains("| `stats` | transforming |", document, StringComparison.Ordinal);
        Assert.Contains("| `bin` (alias `bucket`) |", document, StringComparison.Ordinal);
        Assert.Contains("parsed only", document, StringComparison.Ordinal);
        Assert.All(CommandTable.All, c => Assert.Contains($"`{c.Name}`", document, StringComparison.Ordinal));
        Assert.All(FunctionTable.Eval, f => Assert.Contains($"| `{f.Name}` |", document, StringComparison.Ordinal));
    }
}
