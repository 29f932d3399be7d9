using Ferret.Engine.Execution;
using Ferret.Engine.Matching;
using Ferret.Engine.Text;
using Ferret.Events;

namespace Ferret.Engine.Tests.Execution;

using static Spl;

/// <summary>A search fed one event at a time gives what the same search gives over all the events at once.</summary>
public sealed class IncrementalRunTests
{
    private static readonly Event[] Events =
    [
        Ev(("EventCode", "4688"), ("process_name", "cmd.exe"), ("user", "a"), ("n", 1)),
        Ev(("EventCode", "4688"), ("process_name", "powershell.exe"), ("user", "b"), ("n", 2)),
        Ev(("EventCode", "4624"), ("user", "a"), ("n", 3)),
        Ev(("EventCode", "4688"), ("process_name", "CMD.EXE"), ("user", "c"), ("n", 4)),
        Ev(("EventCode", "4688"), ("process_name", "rundll32.exe"), ("user", "a"), ("n", 5)),
    ];

    public static TheoryData<string> Searches =>
    [
        "EventCode=4688 process_name=cmd.exe",
        "EventCode=4688 | where n > 1 | eval x=upper(process_name) | table x user n",
        "EventCode=4688 | where match(process_name, \"(?i)^(cmd|rundll32)\\.exe$\") | stats count by user | sort user",
        "EventCode=4688 | search user=a | rename process_name AS p | head 1",
        "* | dedup user | table user n",
        "EventCode=4688 | regex process_name=\"^[a-z]+\\.exe$\" | stats values(process_name) as names",
        "EventCode=4688 | eval p=lower(process_name) | rename user AS u | where p!=\"rundll32.exe\" | stats count max(n) as last by p u | sort - last",
        "| tstats count max(n) as last where EventCode=4688 by user",
        "EventCode=4688 | stats count by user | join type=outer user [search EventCode=4624 | stats count as logons by user]",
        "| tstats count where EventCode=4688 by user | append [| tstats count as logons where EventCode=4624 by user]",
        "EventCode=4688 | join user [search EventCode=4624 | table user]",
        "EventCode=4688 | append [search EventCode=4624]",
        "EventCode=4688 [| makeresults | eval user=\"a\" | fields user] | stats count by process_name",
        "| tstats count where EventCode=4688 by user process_name | search [| makeresults | eval user=\"a\" | fields user]",
        "| tstats count where EventCode=4688 by user process_name | search [| tstats count where EventCode=4624 by user | fields user]",
        "EventCode=4688 | eval p=lower(process_name) | search [search EventCode=4624 | fields user] | table p user n",
    ];

    [Theory]
    [MemberData(nameof(Searches))]
    public void Feeding_events_one_by_one_gives_the_results_of_a_whole_run(string spl)
    {
        var search = SearchEngine.Compile(spl);
        Assert.False(search.HasErrors, string.Join("; ", search.Diagnostics));
        var whole = search.Run(Events.Select(e => e.Clone()).ToList(), Context()).ToList();

        var fed = IncrementalRun.TryStart(search, Context());
        Assert.NotNull(fed);
        foreach (var e in Events)
        {
            fed.Add(e.Clone());
        }

        var results = fed.Finish().ToList();
        Assert.Equal(whole.Select(Describe), results.Select(Describe));
        Assert.Equal(Events.Length, fed.Fed);
    }

    [Fact]
    public void Only_the_events_the_leading_filters_accept_are_held()
    {
        var fed = IncrementalRun.TryStart(SearchEngine.Compile("EventCode=4688 process_name=cmd.exe | eval y=1"), Context());
        Assert.NotNull(fed);
        foreach (var e in Events)
        {
            fed.Add(e);
        }

        Assert.Equal(2, fed.Kept);
        Assert.All(Events, e => Assert.False(e.Has("y")));
    }

    [Theory]
    [InlineData("EventCode=4688 | stats count by user")]
    [InlineData("| tstats count where EventCode=4688 by user | join user [| tstats count as logons where EventCode=4624 by user]")]
    [InlineData("EventCode=4688 | eval p=lower(process_name) | stats count by p")]
    [InlineData("EventCode=4688 | stats count by user | join type=outer user [| makeresults | eval user=\"a\", seen=1]")]
    [InlineData("EventCode=4688 | stats count by user | foreach count [eval <<FIELD>>=<<FIELD>>*2]")]
    public void A_search_that_aggregates_holds_no_events_while_it_is_fed(string spl)
    {
        var fed = IncrementalRun.TryStart(SearchEngine.Compile(spl), Context());
        Assert.NotNull(fed);
        Assert.NotNull(fed.Aggregation);
        foreach (var e in Events)
        {
            fed.Add(e);
        }

        Assert.Equal(0, fed.Kept);
        Assert.All(Events, e => Assert.False(e.Has("p")));
    }

    [Fact]
    public void Each_group_keeps_its_first_events_as_samples_in_arrival_order()
    {
        var fed = IncrementalRun.TryStart(SearchEngine.Compile("| tstats count where EventCode=4688 by user"), Context(), samplesPerGroup: 1);
        Assert.NotNull(fed);
        foreach (var e in Events)
        {
            fed.Add(e);
        }

        Assert.Equal(3, fed.Finish().Count());
        Assert.Equal(["1", "2", "4"], fed.SampleSlices(2).SelectMany(slice => slice.Make()).Select(e => e["n"].ToString()));
    }

    [Theory]
    [InlineData("EventCode=4688 process_name=cmd.exe", new[] { true, false, false, true, false })]
    [InlineData("EventCode=4688 | eval p=lower(process_name) | table p", new[] { true, true, false, true, true })]
    [InlineData("EventCode=4688 | stats count by user", new[] { false, false, false, false, false })]
    [InlineData("EventCode=4688 | join user [search EventCode=4624 | table user]", new[] { true, true, false, true, true })]
    public void Feeding_an_event_says_whether_the_main_search_held_it(string spl, bool[] held)
    {
        var fed = IncrementalRun.TryStart(SearchEngine.Compile(spl), Context());
        Assert.NotNull(fed);

        Assert.Equal(held, Events.Select(fed.Add));
    }

    [Theory]
    [InlineData("| makeresults count=2")]
    [InlineData("EventCode=4688 [search EventCode=4624 | fields user] | stats count")]
    [InlineData("EventCode=4688 | map search=\"search user=$user$\"")]
    [InlineData("EventCode=4688 [| makeresults | eval user=\"a\" | join user [search EventCode=4624 | table user] | fields user] | stats count")]
    [InlineData("EventCode=4688 | search [search EventCode=4624 | fields user] | stats count by user")]
    [InlineData("EventCode=4688 | eval p=1 | search [search EventCode=4624 | fields user] | stats count by user")]
    [InlineData("EventCode=4688 | stats count by user | join user [search EventCode=4624 [search EventCode=4688 | fields user] | table user]")]
    public void A_search_that_reads_its_events_again_or_generates_them_is_not_fed(string spl)
    {
        var search = SearchEngine.Compile(spl);
        Assert.False(search.HasErrors, string.Join("; ", search.Diagnostics));
        Assert.Null(IncrementalRun.TryStart(search, Context()));
    }

    [Theory]
    [InlineData("EventCode=4688 | stats count", false)]
    [InlineData("EventCode=4688 | appendpipe [stats count]", false)]
    [InlineData("EventCode=4688 [search EventCode=4624 | fields user]", true)]
    [InlineData("EventCode=4688 | join user [search EventCode=4624]", true)]
    [InlineData("EventCode=4688 | appendcols [search EventCode=4624]", true)]
    public void The_plan_says_whether_the_search_reads_its_events_again(string spl, bool readsEventsAgain)
    {
        Assert.Equal(readsEventsAgain, SearchEngine.Compile(spl).ReadsEventsAgain);
    }

    [Theory]
    [InlineData("CMD", "c:\\windows\\system32\\cmd.exe /c whoami")]
    [InlineData("-EncodedCommand", "powershell.exe -encodedcommand AAAA")]
    [InlineData("-EncodedCommand", "powershell.exe -enc AAAA")]
    [InlineData("straße", "STRASSE")]
    [InlineData("istanbul", "İSTANBUL")]
    [InlineData("k", "\u212A")]
    [InlineData("i", "ı")]
    [InlineData("ÉTÉ", "un été")]
    public void Wildcard_terms_ignore_case_as_an_ordinal_case_insensitive_search_does(string term, string text)
    {
        var expected = text.AsSpan().IndexOf(term, StringComparison.OrdinalIgnoreCase) >= 0;
        var pattern = new WildcardPattern($"*{term}*");

        // Often enough that the pattern switches to its vectorized finders on the way.
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(expected, pattern.IsMatch(i % 2 == 0 ? text : $"x{text}y"));
        }
    }

    [Fact]
    public void A_pattern_used_often_enough_to_be_compiled_matches_as_before()
    {
        var texts = new[] { "cmd.exe", "CMD.EXE", "rundll32.exe", "cmdx.exe", "powershell.exe" };
        var before = texts.Select(t => Matches("(?i)^cmd\\.exe$", t)).ToArray();
        for (var i = 0; i < 2_100; i++)
        {
            _ = Matches("(?i)^cmd\\.exe$", texts[i % texts.Length]);
        }

        Assert.True(RegexCache.TryGet("(?i)^cmd\\.exe$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1), out var regex, out _));
        Assert.True(regex.Options.HasFlag(System.Text.RegularExpressions.RegexOptions.Compiled));
        Assert.Equal(before, texts.Select(t => Matches("(?i)^cmd\\.exe$", t)));
    }

    private static bool Matches(string pcre, string text) =>
        RegexCache.TryGet(pcre, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1), out var regex, out var error)
            ? regex.IsMatch(text)
            : throw new InvalidOperationException(error);

    private static string Describe(Event e) => string.Join(';', e.Fields.Select(f => $"{f.Key}={f.Value}"));
}
