using Ferret.Engine.DataModels;
using Ferret.Engine.Lookups;
using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>Commands, each pinned to its Search Reference page.</summary>
public sealed class CommandTests
{
    [Fact]
    public void Rename_with_wildcards_carries_the_matched_part_and_keeps_field_order()
    {
        var results = Run("* | rename Processes.* AS *", Ev(("Processes.dest", "h"), ("count", "1"), ("Processes.user", "u")));
        var row = Assert.Single(results);
        Assert.Equal(["dest", "count", "user"], row.Fields.Keys);
    }

    [Fact]
    public void Table_keeps_the_listed_fields_in_order()
    {
        var row = Assert.Single(Run("* | table b a*", Ev(("a1", "1"), ("b", "2"), ("c", "3"), ("a2", "4"))));
        Assert.Equal(["b", "a1", "a2"], row.Fields.Keys);
    }

    [Fact]
    public void Fields_minus_removes_and_fields_keeps_internal_fields()
    {
        var kept = Assert.Single(Run("* | fields a", Raw("r", ("a", "1"), ("b", "2"))));
        Assert.Equal(["_raw", "a"], kept.Fields.Keys.Order(StringComparer.Ordinal));
        var removed = Assert.Single(Run("* | fields - a", Raw("r", ("a", "1"), ("b", "2"))));
        Assert.False(removed.Has("a"));
    }

    [Fact]
    public void Spath_extracts_json_and_xml_paths()
    {
        var json = Run("* | spath", Raw("{\"a\":{\"b\":[1,2]},\"c\":\"x\"}"));
        Assert.Equal("1|2", json.Single("a.b{}"));
        Assert.Equal("x", json.Single("c"));
        var xml = Run("* | spath input=x path=Event.System.EventID output=id", Ev(("x", "<Event><System><EventID>4688</EventID></System></Event>")));
        Assert.Equal("4688", xml.Single("id"));
        var kv = Run("* | xmlkv", Raw("<a>1</a><b>two</b>"));
        Assert.Equal("two", kv.Single("b"));
    }

    [Fact]
    public void Lookup_matches_exactly_by_default_and_honours_wildcard_cidr_and_case_options()
    {
        var table = new LookupTable(["proc", "ip", "label"],
            [["cmd.exe", "10.0.0.0/8", "shell"], ["power*.exe", "192.168.1.0/24", "ps"]],
            new LookupOptions { CaseSensitive = false }.WithMatchType("WILDCARD(proc), CIDR(ip)"));
        var context = new SearchContext { Clock = TimeProvider.System, Lookups = new InMemoryLookupResolver().Add("procs", table) };
        var events = new[] { Ev(("p", "PowerShell.exe")), Ev(("p", "CMD.EXE")), Ev(("p", "other")) };
        Assert.Equal(["ps", "shell", "∅"], Run("* | lookup procs proc AS p OUTPUT label", events, context).Column("label"));
        Assert.Equal(["shell"], Run("* | lookup procs ip AS a OUTPUTNEW label", [Ev(("a", "10.9.9.9"))], context).Column("label"));
    }

    [Fact]
    public void A_missing_lookup_is_reported_and_the_events_pass_unchanged()
    {
        var problems = new ProblemCollector();
        var context = new SearchContext { Clock = TimeProvider.System, Problems = problems, Lookups = new InMemoryLookupResolver() };
        var results = Run("* | lookup nosuch a OUTPUT b", [Ev(("a", "1")), Ev(("a", "2"))], context);
        Assert.Equal(2, results.Count);
        Assert.Contains("nosuch", Assert.Single(problems.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Join_combines_matching_subsearch_rows_and_outer_keeps_the_rest()
    {
        var events = new[] { Ev(("k", "1"), ("kind", "main")), Ev(("k", "2"), ("kind", "main")), Ev(("k", "1"), ("kind", "side"), ("extra", "e")) };
        var inner = Run("kind=main | join k [search kind=side | fields k extra]", events);
        Assert.Equal(["e"], inner.Column("extra"));
        var outer = Run("kind=main | join type=left k [search kind=side | fields k extra]", events);
        Assert.Equal(["e", "∅"], outer.Column("extra"));
    }

    [Fact]
    public void Transaction_groups_events_by_field_within_maxpause()
    {
        var events = new[]
        {
            Raw("a", ("_time", 100.0), ("s", "1")), Raw("b", ("_time", 110.0), ("s", "1")),
            Raw("c", ("_time", 500.0), ("s", "1")), Raw("d", ("_time", 105.0), ("s", "2")),
        };
        var results = Run("* | transaction s maxpause=60s", events);
        Assert.Equal(["2", "1", "1"], results.Column("eventcount"));
        Assert.Equal(["10", "0", "0"], results.Column("duration"));
    }

    [Fact]
    public void Timechart_counts_per_span_and_fills_empty_buckets()
    {
        var events = new[] { Ev(("_time", 0.0)), Ev(("_time", 10.0)), Ev(("_time", 7300.0)) };
        var results = Run("* | timechart span=1h count", events);
        Assert.Equal(["2", "0", "1"], results.Column("count"));
    }

    [Fact]
    public void Tstats_projects_events_through_the_data_model_and_fills_missing_by_fields()
    {
        var context = new SearchContext { Clock = TimeProvider.System, DataModels = new FakeDataModels() };
        var events = new[]
        {
            Ev(("_time", 100.0), ("process_name", "cmd.exe"), ("dest", "h1")),
            Ev(("_time", 200.0), ("process_name", "cmd.exe")),
            Ev(("_time", 300.0), ("process_name", "calc.exe"), ("dest", "h1")),
            Ev(("_time", 400.0), ("other", "not a process")),
        };
        var results = Run("| tstats summariesonly=false fillnull_value=null count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest", events, context);
        Assert.Equal(["h1", "null"], results.Column("Processes.dest"));
        Assert.Equal(["1", "1"], results.Column("count"));
        var dropped = Run("| tstats count from datamodel=Endpoint.Processes by Processes.dest", events, context);
        Assert.Equal(["2"], dropped.Column("count"));
    }

    [Theory]
    [InlineData("* | apply mymodel", "apply")]
    [InlineData("| mstats avg(cpu) where index=m", "mstats")]
    [InlineData("| rest /services/server/info", "rest")]
    [InlineData("* | multikv", "multikv")]
    public void Commands_Ferret_cannot_honour_are_reported_at_compile_time_by_name(string spl, string command)
    {
        var compiled = SearchEngine.Compile(spl);
        var diagnostic = Assert.Single(compiled.Diagnostics, d => d.Code == "SPL3001");
        Assert.Contains($"'{command}'", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(compiled.Run([Ev(("a", "1"))], Context()));
    }

    [Theory]
    [InlineData("* | frobnicate x", "Unknown search command 'frobnicate'.")]
    [InlineData("* | stast count", "Unknown search command 'stast'. Did you mean 'stats'?")]
    [InlineData("* | tabel user", "Unknown search command 'tabel'. Did you mean 'table'?")]
    public void A_command_the_registry_does_not_declare_is_an_unknown_search_command(string spl, string message)
    {
        var diagnostic = Assert.Single(SearchEngine.Compile(spl).Diagnostics);
        Assert.Equal(("SPL3014", message), (diagnostic.Code, diagnostic.Message));
    }

    [Fact]
    public void A_generating_command_after_the_first_is_an_error()
    {
        Assert.Contains(SearchEngine.Compile("* | makeresults").Diagnostics, d => d.Code == "SPL3010");
    }

    [Fact]
    public void A_compiled_search_runs_again_without_changing_the_callers_events()
    {
        var events = new[] { Ev(("a", "1")) };
        var compiled = SearchEngine.Compile("* | eval a=a+1");
        Assert.Equal("2", compiled.Run(events, Context()).Single("a"));
        Assert.Equal("2", compiled.Run(events, Context()).Single("a"));
        Assert.Equal("1", events[0]["a"].Text);
    }

    private sealed class FakeDataModels : IDataModelCatalog
    {
        public IDataModelView? Resolve(string path) => path == "Endpoint.Processes" ? new ProcessesView() : null;
    }

    private sealed class ProcessesView : IDataModelView
    {
        public string ModelName => "Endpoint";

        public string DatasetName => "Processes";

        public bool TryProject(Event raw, out Event projected)
        {
            projected = new Event();
            if (!raw.Has("process_name"))
            {
                return false;
            }

            projected.Time = raw.Time;
            foreach (var field in (string[])["process_name", "dest"])
            {
                projected.Set("Processes." + field, raw[field]);
            }

            return true;
        }
    }
}
