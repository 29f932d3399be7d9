using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>Eval comparisons with a literal on the right (read once when compiled) give what the same comparison with
/// that value in a field gives (Search Reference, "eval command": numeric when both sides are numbers, else
/// case-sensitive text; null when a side is null; a multivalue side when any value compares).</summary>
public sealed class ComparisonTests
{
    public static TheoryData<FieldValue, string, string> Cases()
    {
        var cases = new TheoryData<FieldValue, string, string>();
        FieldValue[] lefts = [FieldValue.Of("4"), FieldValue.Of("04"), FieldValue.Of(4), FieldValue.Of("0x4"), FieldValue.Of("4.0"), FieldValue.Of("abc"),
            FieldValue.Of("ABC"), FieldValue.Of(" 4 "), FieldValue.Of(string.Empty), Mv("1", "9"), Mv("x", "abc"), FieldValue.Of("0x8020000000000000"), FieldValue.Null];
        string[] literals = ["4", "\"4\"", "\"04\"", "\"abc\"", "3.5", "\"0x8020000000000000\"", "\"\"", "-1"];
        foreach (var op in new[] { "==", "!=", "<", "<=", ">", ">=" })
        {
            foreach (var left in lefts)
            {
                foreach (var literal in literals)
                {
                    cases.Add(left, op, literal);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_comparison_with_a_literal_equals_the_comparison_with_the_literal_in_a_field(FieldValue left, string op, string literal)
    {
        var right = ExpressionEvaluator.Compile(literal).Evaluate(Ev());
        var e = Ev(("x", left), ("y", right));

        var withLiteral = ExpressionEvaluator.Compile($"x {op} {literal}").Evaluate(e);
        var withField = ExpressionEvaluator.Compile($"x {op} y").Evaluate(e);

        Assert.Equal(withField, withLiteral);
    }

    [Fact]
    public void The_same_text_compared_again_and_again_reads_as_its_own_number_each_time()
    {
        var sysmon = ExpressionEvaluator.Compile("case(EventCode==\"1\", \"one\", EventCode==\"3\", \"three\", EventCode==\"13\", \"thirteen\")");

        string[] codes = ["13", "1", "3", "13", "013", "7"];

        var names = codes.Select(code => sysmon.Evaluate(Ev(("EventCode", code))).Text ?? "(null)").ToList();

        Assert.Equal(["thirteen", "one", "three", "thirteen", "thirteen", "(null)"], names);
    }
}
