using Ferret.Engine.Limits;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.Limits;

public class RegexBudgetTests
{
    [Fact]
    public void A_catastrophic_regex_is_abandoned_once_its_timeouts_use_the_search_budget()
    {
        var evil = new string('a', 40) + "!";
        var events = Enumerable.Range(0, 40).Select(_ => Ev(("f", evil))).Append(Ev(("f", "aaa"))).ToArray();
        var problems = new ProblemCollector();
        var limits = SearchLimits.Default with { RegexMatchTimeout = TimeSpan.FromMilliseconds(20), RegexSearchBudget = TimeSpan.FromMilliseconds(100) };
        var context = new SearchContext { Clock = TimeProvider.System, Problems = problems, Limits = limits, Label = "runaway" };

        var results = Run("* | where match(f, \"^(a+)+$\")", events, context);

        Assert.Empty(results);
        var timeouts = problems.Problems.Count(p => p.Message.Contains("match timeout", StringComparison.Ordinal));
        Assert.Equal(4, timeouts);
        var abandoned = Assert.Single(problems.Problems, p => p.Message.StartsWith("SPL3015", StringComparison.Ordinal));
        Assert.Contains("[ferret] regex_search_budget_ms", abandoned.Message, StringComparison.Ordinal);
        Assert.Contains("^(a+)+$", abandoned.Location, StringComparison.Ordinal);
    }
}
