using Ferret.Conformance.SpecFormat;

namespace Ferret.Conformance;

/// <summary>The spec-file reader: what it accepts and how it reports a malformed file.</summary>
public sealed class SpecFileReaderTests
{
    private const string Header = "# cite: https://help.splunk.com/x\n";

    [Fact]
    public void A_case_with_events_query_and_table_is_read()
    {
        var result = SpecFileReader.Read("t.spltest", Header + """
            case: one
            now: 2024-05-01T12:00:00Z
            ordering: any
            events:
            {"_time": "2024-05-01T10:00:00Z", "a": "1", "b": ["x", "y"]}
            query:
            * | table a b
            ----
            ["a","b"]
            ["1",["x","y"]]
            [null,2.5]
            """);

        Assert.Empty(result.Problems);
        var specCase = Assert.Single(result.Cases);
        Assert.Equal("t.spltest: one", specCase.Id);
        Assert.Equal(RowOrdering.Any, specCase.Ordering);
        Assert.Equal("2024-05-01T12:00:00Z", specCase.Now);
        Assert.Equal("* | table a b", specCase.Query);
        var table = Assert.IsType<ExpectedTable>(specCase.Expectation);
        Assert.Equal(["a", "b"], table.Columns);
        Assert.Equal(["x", "y"], table.Rows[0][1].Values);
        Assert.True(table.Rows[1][0].IsMissing);
        Assert.Equal(["2.5"], table.Rows[1][1].Values);
    }

    [Fact]
    public void An_expected_error_with_a_position_is_read()
    {
        var result = SpecFileReader.Read("t.spltest", Header + "case: e\nquery:\n| makeresults | eval x=\"a\n----\nerror SPL1001 at 1:24\n");

        var error = Assert.IsType<ExpectedError>(Assert.Single(result.Cases).Expectation);
        Assert.Equal(("SPL1001", 1, 24), (error.Code, error.Line!.Value, error.Column!.Value));
    }

    [Theory]
    [InlineData("case: a\nquery:\n* | table a\n", "t.spltest:2: case 'a' has no '----' after its query")]
    [InlineData("case: a\nbogus: 1\nquery:\n*\n----\n[\"a\"]\n", "t.spltest:3: unknown or malformed option line: bogus: 1")]
    [InlineData("case: a\nevents:\n{\"a\": {\"b\": 1}}\nquery:\n*\n----\n[\"a\"]\n", "t.spltest:4: bad event: field 'a' is a string, number, boolean, null or array of those, not Object")]
    [InlineData("case: a\nquery:\n*\n----\n[\"a\",\"b\"]\n[\"1\"]\n", "t.spltest:7: a row has 2 cells, each null, a string, a number or an array of strings and numbers")]
    [InlineData("case: a\nquery:\n*\n----\nerror 42\n", "t.spltest:6: an expected error is one line: 'error SPLnnnn' or 'error SPLnnnn at line:col'")]
    public void A_malformed_case_is_reported_with_its_line(string body, string problem)
    {
        var result = SpecFileReader.Read("t.spltest", Header + body);

        Assert.Empty(result.Cases);
        Assert.Equal([problem], result.Problems);
    }

    [Fact]
    public void A_case_without_a_cite_is_reported()
    {
        var result = SpecFileReader.Read("t.spltest", "case: a\nquery:\n*\n----\n[\"a\"]\n");

        Assert.Equal(["t.spltest:1: case 'a' cites no documentation page ('# cite: <url>')"], result.Problems);
    }

    [Fact]
    public void A_well_formed_case_is_kept_beside_a_malformed_one()
    {
        var result = SpecFileReader.Read("t.spltest", Header + "case: bad\nquery:\n*\n----\ncase: good\nquery:\n*\n----\n[\"a\"]\n");

        Assert.Equal("good", Assert.Single(result.Cases).Name);
        Assert.Single(result.Problems);
    }
}
