using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Spl.Macros;

namespace Ferret.Spl.Tests.Validation;

public sealed class PositionTests
{
    private static DetectionValidation ValidateYaml(string yaml, string search, int line, int column, SearchScalarStyle style)
    {
        var detection = new DetectionDefinition
        {
            Name = "Test",
            Search = search,
            SearchLine = line,
            SearchColumn = column,
            SearchStyle = style,
            FilePath = "detections/test.yml",
        };
        return ContentValidator.Validate(detection, MacroTable.WithBuiltIns(), _ => yaml);
    }

    [Fact]
    public void A_broken_search_in_a_folded_plain_scalar_reports_the_yaml_line_and_column()
    {
        const string yaml = "name: Test\nsearch: '| tstats count from datamodel=Endpoint.Processes\n  by Processes.dest | eval x=(1\n  | stats count'\nid: x\n";
        const string search = "| tstats count from datamodel=Endpoint.Processes by Processes.dest | eval x=(1 | stats count";

        var result = ValidateYaml(yaml, search, 2, 10, SearchScalarStyle.SingleQuoted);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("SPL1004", problem.Diagnostic.Code);
        Assert.Equal((3, 30), (problem.Line, problem.Column));
        Assert.Equal("detections/test.yml:3:30: error SPL1004: unbalanced parenthesis: '(' without a matching ')'", problem.Format(problem.FilePath));
        Assert.False(result.IsOk);
    }

    [Fact]
    public void A_broken_macro_call_in_a_literal_block_reports_the_line_of_the_call()
    {
        const string yaml = "search: |\n  index=main\n  | `no_such_macro`\n  | stats count\n";
        const string search = "index=main\n| `no_such_macro`\n| stats count\n";

        var result = ValidateYaml(yaml, search, 2, 3, SearchScalarStyle.Literal);

        var problem = result.Problems[0];
        Assert.Equal("SPL2001", problem.Diagnostic.Code);
        Assert.Equal((3, 5), (problem.Line, problem.Column));
    }

    [Fact]
    public void A_single_quoted_scalar_with_doubled_quotes_still_maps_columns()
    {
        const string yaml = "search: 'a=''x'' | where ('\n";
        const string search = "a='x' | where (";

        var result = ValidateYaml(yaml, search, 1, 10, SearchScalarStyle.SingleQuoted);

        var problem = result.Problems.First(p => p.Diagnostic.Code == "SPL1004");
        Assert.Equal((1, 26), (problem.Line, problem.Column));
    }
}
