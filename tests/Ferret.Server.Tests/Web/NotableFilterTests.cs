using Ferret.Server.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Ferret.Server.Tests.Web;

public sealed class NotableFilterTests
{
    private static readonly NotableRow Row = new("id1", 1000, "WMI Permanent Event Subscription", "ESCU - WMI Permanent Event Subscription - Rule",
        "high", "2", "In Progress", "analyst", "DC01", "system", "endpoint", "WMI Permanent Event Subscription\nDC01\n{\"dest\":\"DC01\",\"user\":\"svc_backup\"}");

    public static TheoryData<string, bool> Queries => new()
    {
        { "", true },
        { "urgency=high", true },
        { "urgency=critical,high", true },
        { "urgency=critical&urgency=low", false },
        { "status=2", true },
        { "status=In Progress", true },
        { "status=1,5", false },
        { "owner=ANALYST", true },
        { "owner=admin", false },
        { "detection=ESCU - WMI Permanent Event Subscription - Rule", true },
        { "detection=ESCU - Other - Rule", false },
        { "text=svc_BACKUP", true },
        { "text=dc01", true },
        { "text=mimikatz", false },
        { "urgency=high&status=2&owner=analyst&text=wmi", true },
        { "urgency=high&status=4", false },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void A_notable_matches_when_every_filter_given_matches(string query, bool matches)
    {
        Assert.Equal(matches, NotableFilter.From(Parse(query)).Matches(Row));
    }

    [Fact]
    public void The_urgency_counts_ignore_the_urgency_filter_but_not_the_others()
    {
        var filter = NotableFilter.From(Parse("urgency=critical&status=2"));
        Assert.False(filter.Matches(Row));
        Assert.True(filter.MatchesAllButUrgency(Row));
        Assert.False(NotableFilter.From(Parse("urgency=high&status=1")).MatchesAllButUrgency(Row));
    }

    [Fact]
    public void Without_a_time_range_every_notable_is_listed()
    {
        var filter = NotableFilter.From(Parse(""));
        Assert.Equal(("0", "now"), (filter.Earliest, filter.Latest));
    }

    private static QueryCollection Parse(string query)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair[..pair.IndexOf('=', StringComparison.Ordinal)], pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            values[name] = values.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }

        return new QueryCollection(values);
    }
}
