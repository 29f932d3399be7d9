using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary><c>map</c> (Search Reference, "map command"): one search per input result, with <c>$field$</c> tokens
/// substituted, over the same events; what it cannot do is reported, never dropped in silence.</summary>
public sealed class MapCommandTests
{
    private static readonly Event[] Logons =
    [
        Ev(("EventCode", "4742"), ("Logon_ID", "0x1")),
        Ev(("EventCode", "4742")),
        Ev(("EventCode", "4624"), ("TargetLogonId", "0x1"), ("user", "alice")),
        Ev(("EventCode", "4624"), ("TargetLogonId", "0x2"), ("user", "bob")),
    ];

    [Fact]
    public void A_result_without_the_token_field_runs_no_search_and_is_reported()
    {
        var problems = new ProblemCollector();
        var results = Run("EventCode=4742 | map search=\"search EventCode=4624 TargetLogonId=$Logon_ID$\"", Logons, Context(problems));

        Assert.Equal(["alice"], results.Column("user"));
        var problem = Assert.Single(problems.Problems);
        Assert.StartsWith("SPL3018 ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("result 2 has no value for $Logon_ID$", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_results_than_maxsearches_are_reported()
    {
        var problems = new ProblemCollector();
        var results = Run("| makeresults count=4 | map maxsearches=3 search=\"| makeresults | eval n=$_serial_id$\"", [], Context(problems));

        Assert.Equal(["1", "2", "3"], results.Column("n"));
        Assert.Contains(problems.Problems, p => p.Message == "SPL3017 The search result count (4) exceeds maximum (3), using max. To override it, set maxsearches appropriately.");
    }

    [Fact]
    public void A_substituted_search_that_does_not_parse_is_reported_per_result()
    {
        var problems = new ProblemCollector();
        var results = Run("| makeresults | eval q=\"(\" | map search=\"search x=1 $q$\"", [], Context(problems));

        Assert.Empty(results);
        var problem = Assert.Single(problems.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.StartsWith("SPL3019 ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("search x=1 (", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiled_map_runs_many_times_with_the_same_results()
    {
        var compiled = SearchEngine.Compile("EventCode=4742 Logon_ID=* | map search=\"search TargetLogonId=$Logon_ID$\"");
        var first = compiled.Run(Logons, Context()).Select(e => e["user"].ToString()).ToList();
        var second = compiled.Run(Logons, Context()).Select(e => e["user"].ToString()).ToList();

        Assert.Equal(["alice"], first);
        Assert.Equal(first, second);
    }
}
