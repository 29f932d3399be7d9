using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Tests.Limits;

public class LimitsFileTests
{
    [Fact]
    public void Defaults_are_splunks_limits_conf_defaults()
    {
        var limits = SearchLimits.Default;
        Assert.Equal(10_000, limits.SubsearchMaxOut);
        Assert.Equal(TimeSpan.FromSeconds(60), limits.SubsearchMaxTime);
        Assert.Equal(50_000, limits.JoinSubsearchMaxOut);
        Assert.Equal(200, limits.MaxMemUsageMb);
        Assert.Equal(TimeSpan.FromSeconds(60), limits.JoinSubsearchMaxTime);
        Assert.Equal(500, limits.MvexpandMaxMemUsageMb);
        Assert.Equal(50_000, limits.MaxBins);
    }

    [Fact]
    public void Stanzas_and_settings_override_the_defaults_and_leave_the_rest()
    {
        var text = """
            # local limits
            [subsearch]
            maxout = 500
            maxtime=30

            [join]
            subsearch_maxout = 7
            [default]
            max_mem_usage_mb = 0
            [ferret]
            max_string_length = \
              1000
            regex_search_budget_ms = 250
            [mvexpand]
            max_mem_usage_mb = 50
            [discretize]
            maxbins = 1000
            """;
        var problems = new ProblemCollector();

        var limits = LimitsFile.Parse(text, "limits.conf", SearchLimits.Default, problems);

        Assert.Empty(problems.Problems);
        Assert.Equal(500, limits.SubsearchMaxOut);
        Assert.Equal(TimeSpan.FromSeconds(30), limits.SubsearchMaxTime);
        Assert.Equal(7, limits.JoinSubsearchMaxOut);
        Assert.Equal(int.MaxValue, limits.MaxMemUsageMb);
        Assert.Equal(1000, limits.MaxStringLength);
        Assert.Equal(TimeSpan.FromMilliseconds(250), limits.RegexSearchBudget);
        Assert.Equal(SearchLimits.Default.MaxMvSize, limits.MaxMvSize);
        Assert.Equal((50, 1000), (limits.MvexpandMaxMemUsageMb, limits.MaxBins));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("[ferret]\nevtx_decoding_threads = 3", 3)]
    [InlineData("[ferret]\nevtx_decoding_threads = 0", 0)]
    public void Evtx_decoding_threads_of_zero_leave_the_choice_to_ferret_rather_than_meaning_unlimited(string text, int expected)
    {
        var problems = new ProblemCollector();

        var limits = LimitsFile.Parse(text, "limits.conf", SearchLimits.Default, problems);

        Assert.Empty(problems.Problems);
        Assert.Equal(expected, limits.EvtxDecodingThreads);
    }

    [Theory]
    [InlineData("[subsearch]\nmaxresults = 5", "line 2", "[subsearch] maxresults is not a limit Ferret uses")]
    [InlineData("[subsearch]\nmaxout = many", "line 2", "'many' is not a whole number")]
    [InlineData("maxout 5", "line 1", "expected 'name = value'")]
    [InlineData("[join]\n\nmaxout = 5", "line 3", "[join] maxout is not a limit Ferret uses")]
    public void A_setting_that_cannot_be_used_is_reported_with_its_line_and_ignored(string text, string location, string message)
    {
        var problems = new ProblemCollector();

        var limits = LimitsFile.Parse(text, "limits.conf", SearchLimits.Default, problems);

        var problem = Assert.Single(problems.Problems);
        Assert.Equal(("limits.conf", location), (problem.File, problem.Location));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(SearchLimits.Default, limits);
    }
}
