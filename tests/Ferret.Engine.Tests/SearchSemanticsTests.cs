using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>
/// Splunk's search-command semantics (Search Reference, "search command"; Search Manual, "Use the search language"
/// and "About segmentation"), pinned one rule per row: which of the events a, b, c, d, e match.
/// </summary>
public sealed class SearchSemanticsTests
{
    private static readonly Event[] Events =
    [
        Raw("user=Alice action=login src=10.1.2.3 C:\\Windows\\evil.exe", ("name", "a"), ("user", "Alice"), ("x", "1"), ("count", "10")),
        Raw("user=bob action=logout devil", ("name", "b"), ("user", "bob"), ("x", "2"), ("count", "9")),
        Raw("no user here", ("name", "c"), ("count", "100")),
        Raw("multi", ("name", "d"), ("user", Mv("carol", "dave")), ("x", Mv("1", "3"))),
        Raw("quoted \"two words\" here", ("name", "e"), ("user", "EVE"), ("x", "01")),
    ];

    public static TheoryData<string, string> Cases => new()
    {
        { "user=alice", "a" },
        { "user=ALICE", "a" },
        { "user=a*", "a" },
        { "user=*e*", "a,d,e" },
        { "user=*", "a,b,d,e" },
        { "NOT user=*", "c" },
        // '=' compares text: x=1 does not match "01" (spl/search/value-forms.spltest).
        { "x=1", "a,d" },
        { "x!=1", "b,e" },
        { "NOT x=1", "b,c,e" },
        { "user=dave", "d" },
        { "user IN (bob, eve)", "b,e" },
        { "count>9", "a,c" },
        { "count<=10", "a,b" },
        { "evil", "a" },
        { "EVIL.exe", "a" },
        { "evi*", "a" },
        { "vil", "" },
        { "10.1.2.3", "a" },
        { "\"two words\"", "e" },
        { "login OR logout", "a,b" },
        { "user=bob OR user=alice name=a", "a" },
        { "NOT (user=bob OR user=alice)", "c,d,e" },
        { "*", "a,b,c,d,e" },
        { "CASE(Alice)", "a" },
        { "CASE(alice)", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Search_matches_as_Splunk_does(string terms, string expected)
    {
        var results = Run("search " + terms, Events);
        Assert.Equal(expected, string.Join(',', results.Column("name")));
    }

    [Fact]
    public void Where_compares_case_sensitively_but_search_does_not()
    {
        Assert.Empty(Run("* | where user=\"alice\"", Events));
        Assert.Single(Run("* | where user=\"Alice\"", Events));
        Assert.Single(Run("* | search user=\"alice\"", Events));
    }

    [Fact]
    public void Time_modifiers_in_search_use_the_injected_clock()
    {
        var events = new[] { Ev(("name", "old"), ("_time", 1715700000.0)), Ev(("name", "new"), ("_time", 1715770000.0)) };
        var results = Run("earliest=-2h@h latest=now", events);
        Assert.Equal(["new"], results.Column("name"));
    }

    [Fact]
    public void A_subsearch_becomes_field_terms()
    {
        var results = Run("search name=* [search user=bob | fields user]", Events);
        Assert.Equal(["b"], results.Column("name"));
    }

    [Fact]
    public void A_subsearch_with_return_gives_search_text()
    {
        var results = Run("search [search name=d | return x]", Events);
        Assert.Equal(["a", "d"], results.Column("name"));
    }
}
