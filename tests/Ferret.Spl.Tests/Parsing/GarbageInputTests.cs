namespace Ferret.Spl.Tests.Parsing;

public sealed class GarbageInputTests
{
    private const string Alphabet = "abcXYZ019 \t\n|[](){}\"'`\\=!<>,.*+-/%$@:_~#^&;?";

    private static readonly string[] Fragments =
    [
        "| stats ", "count(", "eval ", "x=", "[search ", "]", "(", ")", "\"", "'", " by ", " AS ", " OR ", " NOT ", " AND ",
        "| tstats ", "from datamodel=", " where ", "| rex ", "| lookup ", " OUTPUT ", "| foreach ", "<<FIELD>>", "```", "| join ",
        "IN (", ",", "| rename ", "| sort - ", "| dedup ", "| convert ctime(", "| appendpipe [", "| map search=\"", "\\\"", "-",
    ];

    [Fact]
    public void Parser_never_throws_on_random_characters()
    {
        var random = new Random(20241017);
        for (var i = 0; i < 3000; i++)
        {
            var length = random.Next(0, 80);
            var text = new string(Enumerable.Range(0, length).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray());

            AssertParsesWithoutThrowing(text);
        }
    }

    [Fact]
    public void Parser_never_throws_on_random_spl_fragments()
    {
        var random = new Random(42);
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 25)).Select(_ => Fragments[random.Next(Fragments.Length)]));

            AssertParsesWithoutThrowing(text);
        }
    }

    [Theory]
    [InlineData('(')]
    [InlineData('[')]
    public void Deep_nesting_is_reported_instead_of_overflowing_the_stack(char opener)
    {
        var text = new string(opener, 100_000);

        Assert.Contains(SplParser.Parse(text).Diagnostics, d => d.Code == "SPL1011");
    }

    [Fact]
    public void Deep_parentheses_in_an_expression_are_reported_instead_of_overflowing_the_stack()
    {
        Assert.Contains(SplParser.ParseExpression(new string('(', 100_000)).Diagnostics, d => d.Code == "SPL1011");
    }

    [Fact]
    public void Deep_unary_minus_in_an_expression_is_reported_instead_of_overflowing_the_stack()
    {
        Assert.Contains(SplParser.ParseExpression(new string('-', 100_000) + "1").Diagnostics, d => d.Code == "SPL1011");
    }

    [Fact]
    public void Nested_not_is_reported_instead_of_overflowing_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("NOT ", 50_000)) + "x";

        Assert.Contains(SplParser.Parse(text).Diagnostics, d => d.Code == "SPL1011");
        Assert.Contains(SplParser.ParseExpression(text).Diagnostics, d => d.Code == "SPL1011");
    }

    private static void AssertParsesWithoutThrowing(string text)
    {
        var pipeline = SplParser.Parse(text);
        SplParser.ParseExpression(text);
        SplParser.ParseSearchExpression(text);
        Ferret.Spl.Macros.MacroExpander.Expand(text, Ferret.Spl.Macros.MacroTable.WithBuiltIns());
        Assert.DoesNotContain(pipeline.Diagnostics, d => d.Code == "SPL1099");
        foreach (var diagnostic in pipeline.Diagnostics)
        {
            Assert.InRange(diagnostic.Span.Start, 0, text.Length);
            Assert.InRange(diagnostic.Span.End, 0, text.Length);
        }

        SplPrinter.Print(pipeline.Pipeline);
    }
}
