using Ferret.Spl.Syntax;

namespace Ferret.Spl.Tests.Parsing;

public sealed class ExpressionParsingTests
{
    public static TheoryData<string, string> Shapes => new()
    {
        { "1 + 2 * 3", "(1 + (2 * 3))" },
        { "(1 + 2) * 3", "((1 + 2) * 3)" },
        { "a - b - c", "((a - b) - c)" },
        { "a . \"x\" . b", "((a . \"x\") . b)" },
        { "Processes.dest", "Processes.dest" },
        { "-x * 2", "(-x * 2)" },
        // Search Manual (Boolean expressions): eval and where evaluate NOT, then AND, then OR, then XOR.
        { "a OR b AND c", "(a OR (b AND c))" },
        { "NOT a = 1 AND b", "(NOT (a == 1) AND b)" },
        { "a XOR b OR c", "(a XOR (b OR c))" },
        { "x > 1 AND y <= 2", "((x > 1) AND (y <= 2))" },
        { "x = 1", "(x == 1)" },
        { "x == 1", "(x == 1)" },
        { "x != \"a\"", "(x != \"a\")" },
        { "x LIKE \"%a%\"", "(x LIKE \"%a%\")" },
        { "x like \"%a%\"", "(x LIKE \"%a%\")" },
        { "x IN (\"a\", \"b\")", "in(x, \"a\", \"b\")" },
        { "if(match(x, \"^a\"), 1, 0)", "if(match(x, \"^a\"), 1, 0)" },
        { "IF(x, 1, 0)", "if(x, 1, 0)" },
        { "'Processes.process' . 'x y'", "('Processes.process' . 'x y')" },
        { "now()", "now()" },
        { "1.5e3 + .5", "(1.5e3 + .5)" },
        { "mvindex(split(a, \",\"), 0)", "mvindex(split(a, \",\"), 0)" },
        { "case(x==1, \"a\", true(), \"b\")", "case((x == 1), \"a\", true(), \"b\")" },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Eval_expressions_follow_splunk_precedence(string expression, string expected)
    {
        var result = SplParser.ParseExpression(expression);

        Assert.Empty(result.Diagnostics);
        Assert.Equal(expected, Shape(result.Expression!));
    }

    [Fact]
    public void Binary_expression_span_covers_both_operands()
    {
        const string text = "  abc + 12 ";
        var binary = Assert.IsType<BinaryExpression>(SplParser.ParseExpression(text).Expression);

        Assert.Equal(new(2, 8), binary.Span);
        Assert.Equal(new(2, 3), binary.Left.Span);
        Assert.Equal(new(8, 2), binary.Right.Span);
    }

    [Fact]
    public void Missing_operand_is_reported_with_its_position()
    {
        var result = SplParser.ParseExpression("x + ");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SPL1006", diagnostic.Code);
        Assert.Equal(4, diagnostic.Span.Start);
    }

    internal static string Shape(Expression expression) => expression switch
    {
        BinaryExpression binary => $"({Shape(binary.Left)} {SplPrinter.Print(binary with { Left = Leaf("L"), Right = Leaf("R") }).Split(' ')[1]} {Shape(binary.Right)})",
        UnaryExpression { Operator: UnaryOperator.Not } not => $"NOT {Shape(not.Operand)}",
        UnaryExpression unary => $"-{Shape(unary.Operand)}",
        FunctionCall call => $"{call.Name}({string.Join(", ", call.Arguments.Select(Shape))})",
        _ => SplPrinter.Print(expression),
    };

    private static FieldExpression Leaf(string name) => new(name, false, default);
}
