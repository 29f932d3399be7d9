using Ferret.Engine.Operators;

namespace Ferret.Engine.Tests;

/// <summary>Where a plan puts raw events newest first (docs/architecture.md, Ferret.Engine): after the leading filters,
/// only when the order can show, so order-free aggregations keep their flat memory.</summary>
public sealed class EventOrderPlanTests
{
    public static TheoryData<string, int?> Cases => new()
    {
        { "* | head 2", 1 },
        { "a=1 | where b>2 | dedup c", 2 },
        { "* | eval x=1 | table x", 1 },
        { "* | stats count by user", null },
        { "* | eval x=1 | timechart span=1h count", null },
        { "* | stats first(x) by user", 1 },
        { "* | chart list(x) over user", 1 },
        { "* | top user", null },
        { "* | streamstats count", 1 },
        { "| makeresults count=3 | head 1", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Newest_first_ordering_goes_after_the_leading_filters_only_where_the_order_shows(string search, int? position)
    {
        var operators = SearchEngine.Compile(search).Pipeline.Operators.Where(o => o.Name != "copy").ToList();
        var found = operators.FindIndex(o => o is NewestFirstOperator);
        Assert.Equal(position, found < 0 ? null : found);
    }
}
