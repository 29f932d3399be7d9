namespace Ferret.Conformance;

/// <summary>The spec files themselves: well formed, each case citing its page, enough of them.</summary>
public sealed class SpecFileTests
{
    [Fact]
    public void Every_spec_file_is_well_formed()
    {
        Assert.True(SpecCatalog.Problems.Count == 0, "malformed spec files:\n" + string.Join('\n', SpecCatalog.Problems));
    }

    [Fact]
    public void Every_case_cites_a_splunk_documentation_page()
    {
        var uncited = SpecCatalog.Cases.Where(c => !c.Cite.StartsWith("https://help.splunk.com/", StringComparison.Ordinal)
            && !c.Cite.StartsWith("https://docs.splunk.com/", StringComparison.Ordinal)).Select(c => c.Id).ToList();
        Assert.True(uncited.Count == 0, "cases citing no Splunk documentation page:\n" + string.Join('\n', uncited));
    }

    [Fact]
    public void The_suite_has_at_least_300_cases()
    {
        Assert.True(SpecCatalog.Cases.Count >= 300, $"only {SpecCatalog.Cases.Count} cases were read from {SpecCatalog.SpecRoot}");
    }

    [Fact]
    public void Case_names_are_unique_across_the_suite()
    {
        var duplicates = SpecCatalog.Cases.GroupBy(c => c.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}
