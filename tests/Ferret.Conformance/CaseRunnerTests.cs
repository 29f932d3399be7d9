using Ferret.Conformance.Running;
using Ferret.Conformance.SpecFormat;

namespace Ferret.Conformance;

/// <summary>
/// The runner itself: a wrong expectation must fail, so a green suite means the engine agrees with every case.
/// Each case here runs a trivial query whose result is not in doubt.
/// </summary>
public sealed class CaseRunnerTests
{
    private const string TwoEvents = """
        events:
        {"_raw": "e1", "a": "1", "b": "x"}
        {"_raw": "e2", "a": "2"}
        """;

    [Theory]
    [InlineData("* | table a b", "[\"a\",\"b\"]\n[\"1\",\"x\"]\n[\"2\",null]")]
    [InlineData("* | table a", "[\"a\",\"zz\"]\n[\"1\",null]\n[\"2\",null]")]
    public void A_matching_table_passes(string query, string expected)
    {
        Assert.Null(CaseRunner.Run(Case(string.Empty, query, expected)));
    }

    [Theory]
    [InlineData("", "* | table a b", "[\"a\",\"b\"]\n[\"1\",\"y\"]\n[\"2\",null]", "row 1: column 'b' expected \"y\", got \"x\"")]
    [InlineData("", "* | table a b", "[\"a\",\"b\"]\n[\"1\",\"x\"]\n[\"2\",\"\"]", "row 2: column 'b' expected \"\", got null")]
    [InlineData("", "* | table a", "[\"a\"]\n[\"1\"]", "expected 1 row(s), got 2")]
    [InlineData("", "* | table a", "[\"a\"]\n[\"2\"]\n[\"1\"]", "row 1: column 'a' expected \"2\", got \"1\"")]
    [InlineData("columns: exact", "* | table a", "[\"a\"]\n[\"1\"]\n[\"2\"]", null)]
    [InlineData("columns: exact", "* | fields a", "[\"a\"]\n[\"1\"]\n[\"2\"]", "row 1 has fields not in the expected columns (columns: exact): _raw")]
    [InlineData("ordering: any", "* | table a", "[\"a\"]\n[\"2\"]\n[\"1\"]", null)]
    [InlineData("ordering: any", "* | table a", "[\"a\"]\n[\"2\"]\n[\"2\"]", "no actual row matches expected row [\"2\"] (ordering: any)")]
    [InlineData("", "* | eval m=split(\"p,q\", \",\") | table m", "[\"m\"]\n[[\"q\",\"p\"]]\n[[\"q\",\"p\"]]", "row 1: column 'm' expected [\"q\",\"p\"], got [\"p\",\"q\"]")]
    public void A_table_is_compared_cell_by_cell(string option, string query, string expected, string? failure)
    {
        var outcome = CaseRunner.Run(Case(option, query, expected));

        if (failure is null)
        {
            Assert.Null(outcome);
        }
        else
        {
            Assert.NotNull(outcome);
            Assert.Contains(failure, outcome, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_expected_error_that_does_not_occur_fails()
    {
        var outcome = CaseRunner.Run(Case(string.Empty, "* | table a", "error SPL1001"));

        Assert.NotNull(outcome);
        Assert.Contains("expected error SPL1001", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_that_does_not_compile_fails_with_its_diagnostics()
    {
        var outcome = CaseRunner.Run(Case(string.Empty, "| makeresults | eval x=\"abc", "[\"x\"]"));

        Assert.NotNull(outcome);
        Assert.Contains("the query did not compile", outcome, StringComparison.Ordinal);
        Assert.Contains("SPL1001", outcome, StringComparison.Ordinal);
    }

    private static SpecCase Case(string option, string query, string expected)
    {
        var text = $"# cite: https://help.splunk.com/x\ncase: c\n{option}\n{TwoEvents}\nquery:\n{query}\n----\n{expected}\n";
        var read = SpecFileReader.Read("runner.spltest", text);
        Assert.Empty(read.Problems);
        return Assert.Single(read.Cases);
    }
}
