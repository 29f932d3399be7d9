using Ferret.Spl.Syntax;

namespace Ferret.Spl.Tests.Parsing;

public sealed class SearchParsingTests
{
    /// <summary>Input, and the tree printed with explicit parentheses (see <see cref="TreeShape"/>).</summary>
    public static TheoryData<string, string> Shapes => new()
    {
        { "a b c", "AND(a, b, c)" },
        { "a AND b", "AND(a, b)" },
        // Search Reference (search) / Search Manual (Boolean expressions): OR binds tighter than AND, implicit or not.
        { "a OR b c", "AND(OR(a, b), c)" },
        { "a b OR c", "AND(a, OR(b, c))" },
        { "a OR b AND c OR d", "AND(OR(a, b), OR(c, d))" },
        { "NOT a OR b", "OR(NOT(a), b)" },
        { "NOT (a OR b) c", "AND(NOT(OR(a, b)), c)" },
        { "(a b) OR c", "OR(AND(a, b), c)" },
        { "x=1", "x=1" },
        { "x!=1", "x!=1" },
        { "x<=1 y>2 z>=3 w<4", "AND(x<=1, y>2, z>=3, w<4)" },
        { "process_name=*.exe", "process_name=*.exe" },
        { "\"a phrase\" b", "AND(\"a phrase\", b)" },
        { "f=\"quoted value\"", "f=\"quoted value\"" },
        { "\"DNS.reply_code\"!=\"No Error\"", "\"DNS.reply_code\"!=\"No Error\"" },
        { "f IN (a, \"b c\", 3)", "f IN (a, \"b c\", 3)" },
        { "f in (a,b)", "f IN (a, b)" },
        { "earliest=-24h@h latest=now", "AND(time:earliest=-24h@h, time:latest=now)" },
        { "index=main sourcetype=x source=y host=z", "AND(index=main, sourcetype=x, source=y, host=z)" },
        { "a [search b | fields c] d", "AND(a, [search b | fields c], d)" },
        { "cmd=*GetCurrent()*", "cmd=*GetCurrent()*" },
        { "f=*\\\"privileged\\\":true*", "f=*\\\"privileged\\\":true*" },
        { "TERM(10.0.0.1) CASE(Foo)", "AND(TERM(10.0.0.1), CASE(Foo))" },
        { "a ```a comment``` b", "AND(a, b)" },
        { "risk > 40 x = 1", "AND(risk>40, x=1)" },
        { "Registry.registry_path= \"*DSRM*\" b", "AND(Registry.registry_path=\"*DSRM*\", b)" },
        { "\"result.message\" = \"*Paired*\" b", "AND(\"result.message\"=\"*Paired*\", b)" },
        { "\"result.status\" IN (\"FAILURE,authFail\", x)", "\"result.status\" IN (\"FAILURE,authFail\", x)" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Search_terms_parse_to_the_expected_tree(string search, string expected)
    {
        var result = SplParser.ParseSearchExpression(search);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, TreeShape(result.Expression!));
    }

    [Fact]
    public void Leading_search_is_implicit_and_a_pipe_starts_a_generating_command()
    {
        var implicitSearch = SplParser.Parse("index=main | head 1").Pipeline;
        var generating = SplParser.Parse("| makeresults count=2").Pipeline;

        Assert.True(Assert.IsType<SearchCommandNode>(implicitSearch.Commands[0]).IsImplicit);
        Assert.IsType<HeadCommandNode>(implicitSearch.Commands[1]);
        Assert.IsType<MakeresultsCommandNode>(Assert.Single(generating.Commands));
    }

    [Fact]
    public void Comparison_spans_cover_field_operator_and_value()
    {
        const string text = "a  host!=\"web 1\" b";
        var and = Assert.IsType<SearchAnd>(SplParser.ParseSearchExpression(text).Expression);
        var comparison = Assert.IsType<SearchComparison>(and.Operands[1]);

        Assert.Equal("host!=\"web 1\"", text.Substring(comparison.Span.Start, comparison.Span.Length));
        Assert.Equal(new(3, 4), comparison.Field.Span);
        Assert.Equal("\"web 1\"", text.Substring(comparison.Value.Span.Start, comparison.Value.Span.Length));
        Assert.Equal("web 1", comparison.Value.Text);
    }

    internal static string TreeShape(SearchExpression expression) => expression switch
    {
        SearchAnd and => $"AND({string.Join(", ", and.Operands.Select(TreeShape))})",
        SearchOr or => $"OR({string.Join(", ", or.Operands.Select(TreeShape))})",
        SearchNot not => $"NOT({TreeShape(not.Operand)})",
        SearchTimeModifier time => $"time:{SplPrinter.Print(time)}",
        _ => SplPrinter.Print(expression),
    };
}
