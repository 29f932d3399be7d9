using Ferret.Engine.Limits;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.Limits;

/// <summary>What grows with the input inside one command (groups, distinct values, expanded copies, split pieces)
/// meets a limit with an SPL3015 report naming the search and the limit; the rest of the run goes on, and under the
/// limit nothing changes.</summary>
public class GrowthLimitTests
{
    /// <summary>20,000 results, each with its own key and second.</summary>
    private static readonly Event[] DistinctKeys =
        [.. Enumerable.Range(0, 20_000).Select(i => Ev(("_time", 1714557600.0 + i), ("key", $"key-{i:00000}"), ("n", i)))];

    private static (List<Event> Results, IReadOnlyList<InputProblem> Problems) RunWith(string spl, SearchLimits limits, params Event[] events)
    {
        var problems = new ProblemCollector();
        var context = Context(problems) with { Limits = limits, Label = "hostile" };
        return (Run(spl, events.Length == 0 ? DistinctKeys : events, context), problems.Problems);
    }

    private static InputProblem AssertLimitReported(IReadOnlyList<InputProblem> problems, string limit, string where)
    {
        var problem = Assert.Single(problems);
        Assert.StartsWith($"SPL3015 limit {limit} reached; ", problem.Message, StringComparison.Ordinal);
        Assert.Equal(("hostile", where, ProblemSeverity.Warning), (problem.File, problem.Location, problem.Severity));
        return problem;
    }

    private static int Int(string text) => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("* | stats count by key | stats count as groups", "stats")]
    [InlineData("* | timechart span=1s count | stats count as groups", "timechart")]
    [InlineData("* | chart count over key | stats count as groups", "chart")]
    [InlineData("* | top limit=0 key | stats count as groups", "top")]
    [InlineData("* | dedup key | stats dc(key) as groups", "dedup")]
    public void A_command_with_more_distinct_keys_than_max_mem_usage_mb_keeps_the_first_ones_and_says_so(string spl, string command)
    {
        var (results, problems) = RunWith(spl, SearchLimits.Default with { MaxMemUsageMb = 1 });

        var problem = AssertLimitReported(problems, "[default] max_mem_usage_mb", command);
        Assert.Contains("so the results are partial", problem.Message, StringComparison.Ordinal);
        if (command != "dedup")
        {
            Assert.InRange(Int(results.Single("groups")), 1000, DistinctKeys.Length - 1);
        }
        else
        {
            // dedup past its limit keeps results it can no longer compare: none is lost.
            Assert.Equal(DistinctKeys.Length, Int(results.Single("groups")));
        }
    }

    [Theory]
    [InlineData("* | stats count by key | stats count as groups")]
    [InlineData("* | timechart span=1s count | stats count as groups")]
    [InlineData("* | top limit=0 key | stats count as groups")]
    [InlineData("* | dedup key | stats count as groups")]
    [InlineData("* | streamstats count by key | stats count as groups")]
    public void Under_max_mem_usage_mb_every_key_is_kept_and_nothing_is_reported(string spl)
    {
        var (results, problems) = RunWith(spl, SearchLimits.Default);

        Assert.Equal("20000", results.Single("groups"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Streamstats_past_max_mem_usage_mb_leaves_the_results_of_new_groups_without_running_aggregates()
    {
        var (results, problems) = RunWith("* | streamstats count as running by key | stats count as all count(running) as counted", SearchLimits.Default with { MaxMemUsageMb = 1 });

        Assert.Equal("20000", results.Single("all"));
        Assert.InRange(Int(results.Single("counted")), 1000, DistinctKeys.Length - 1);
        AssertLimitReported(problems, "[default] max_mem_usage_mb", "streamstats");
    }

    [Fact]
    public void Mvexpand_expands_only_the_values_whose_copies_fit_its_max_mem_usage_mb()
    {
        var wide = Ev(("m", FieldValue.Multi(Enumerable.Range(0, 50_000).Select(i => $"v{i}"))), ("pad", new string('x', 200)));

        var (results, problems) = RunWith("* | mvexpand m | stats count", SearchLimits.Default with { MvexpandMaxMemUsageMb = 1 }, wide);

        Assert.InRange(Int(results.Single("count")), 100, 49_999);
        var problem = AssertLimitReported(problems, "[mvexpand] max_mem_usage_mb", "mvexpand");
        Assert.Contains("of 50000 values of 'm'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mvexpand_under_its_limit_expands_every_value()
    {
        var wide = Ev(("m", FieldValue.Multi(Enumerable.Range(0, 50_000).Select(i => $"v{i}"))));

        var (results, problems) = RunWith("* | mvexpand m | stats count dc(m) as distinct", SearchLimits.Default, wide);

        Assert.Equal(("50000", "50000"), (results.Single("count"), results.Single("distinct")));
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("* | makemv delim=\",\" text | eval n=mvcount(text)", "makemv")]
    [InlineData("* | makemv tokenizer=\"([^,]+)\" text | eval n=mvcount(text)", "makemv")]
    [InlineData("* | eval n=mvcount(split(text, \",\"))", "eval function 'split'")]
    [InlineData("* | eval n=mvcount(split(text, \"\"))", "eval function 'split'")]
    public void Splitting_a_text_into_more_values_than_max_mv_size_keeps_the_first_ones(string spl, string where)
    {
        var text = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"p{i}"));

        var (results, problems) = RunWith(spl, SearchLimits.Default with { MaxMvSize = 100 }, Ev(("text", text)));

        Assert.Equal("100", results.Single("n"));
        AssertLimitReported(problems, "[ferret] max_mv_size", where);
    }

    [Theory]
    [InlineData("* | eval last=mvindex(split(text, \",\"), -1), first=mvindex(split(text, \",\"), 0)", "p99", "p0")]
    [InlineData("* | eval last=mvindex(split(text, \",\"), 99), first=mvindex(split(text, \",\"), -100)", "p99", "p0")]
    public void A_piece_of_a_split_past_max_mv_size_is_taken_from_the_values_kept(string spl, string last, string first)
    {
        var text = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"p{i}"));

        var (results, problems) = RunWith(spl, SearchLimits.Default with { MaxMvSize = 100 }, Ev(("text", text)));

        Assert.Equal((last, first), (results.Single("last"), results.Single("first")));
        AssertLimitReported(problems, "[ferret] max_mv_size", "eval function 'split'");
    }

    [Fact]
    public void A_piece_of_a_split_within_max_mv_size_reports_nothing()
    {
        var text = string.Join(',', Enumerable.Range(0, 100).Select(i => $"p{i}"));

        var (results, problems) = RunWith("* | eval last=mvindex(split(text, \",\"), -1)", SearchLimits.Default with { MaxMvSize = 100 }, Ev(("text", text)));

        Assert.Equal("p99", results.Single("last"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Splitting_within_max_mv_size_keeps_every_value()
    {
        var text = string.Join(',', Enumerable.Range(0, 5000).Select(i => $"p{i}"));

        var (results, problems) = RunWith("* | makemv delim=\",\" text | eval n=mvcount(text), last=mvindex(text, -1)", SearchLimits.Default, Ev(("text", text)));

        Assert.Equal(("5000", "p4999"), (results.Single("n"), results.Single("last")));
        Assert.Empty(problems);
    }

    [Fact]
    public void Mvjoin_of_long_values_builds_at_most_max_string_length_characters()
    {
        var values = FieldValue.Multi(Enumerable.Range(0, 1000).Select(i => new string((char)('a' + (i % 26)), 1000)));

        var (results, problems) = RunWith("* | eval j=mvjoin(m, \";\"), n=len(j)", SearchLimits.Default with { MaxStringLength = 5000 }, Ev(("m", values)));

        Assert.Equal("5000", results.Single("n"));
        Assert.StartsWith(new string('a', 1000) + ";b", results.Single("j"), StringComparison.Ordinal);
        var problem = AssertLimitReported(problems, "[ferret] max_string_length", "eval function 'mvjoin'");
        Assert.Contains("kept the first 5000 of 1000999 characters", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mvrange_past_max_mv_size_is_null_and_reported()
    {
        var (results, problems) = RunWith("* | eval r=mvrange(0, 1000000000), n=coalesce(mvcount(r), -1)", SearchLimits.Default with { MaxMvSize = 1000 }, Ev(("x", "1")));

        Assert.Equal("-1", results.Single("n"));
        AssertLimitReported(problems, "[ferret] max_mv_size", "eval function 'mvrange'");
    }
}
