using Ferret.Engine.Lookups;
using Ferret.Events;

namespace Ferret.Engine.Tests;

using static Spl;

/// <summary>What the spec files cannot state: lookup match types from configuration, run-time problems, diagnostics'
/// wording, and a compiled search run twice. SPL results live in tests/Ferret.Conformance/spl.</summary>
public sealed class CommandTests
{
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

    [Theory]
    [InlineData("cmd.exe", @"C:\Windows\System32\cmd.exe", "system shell")]
    [InlineData("CMD.EXE", @"c:\windows\system32\CMD.exe", "system shell")]
    [InlineData("cmd.exe", @"C:\Users\eve\cmd.exe", "copied shell")]
    [InlineData("cmd.exe", @"D:\cmd.exe", "∅")]
    [InlineData("powershell.exe", @"C:\Windows\System32\cmd.exe", "ps")]
    [InlineData("pwsh.exe", @"C:\Windows\System32\cmd.exe", "∅")]
    public void A_lookup_by_an_exact_and_a_wildcard_key_returns_the_rows_both_keys_accept(string name, string path, string label)
    {
        var table = new LookupTable(["name", "path", "label"],
            [["cmd.exe", @"C:\Windows\System32\cmd.exe", "system shell"], ["cmd.exe", @"C:\Users\*\cmd.exe", "copied shell"], ["powershell.exe", @"C:\Windows\*", "ps"]],
            new LookupOptions { CaseSensitive = false }.WithMatchType("WILDCARD(path)"));
        var context = new SearchContext { Clock = TimeProvider.System, Lookups = new InMemoryLookupResolver().Add("binaries", table) };

        var results = Run("* | lookup binaries name AS n path AS p OUTPUT label", [Ev(("n", name), ("p", path))], context);

        Assert.Equal([label], results.Column("label"));
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
    public void A_compiled_search_runs_again_without_changing_the_callers_events()
    {
        var events = new[] { Ev(("a", "1")) };
        var compiled = SearchEngine.Compile("* | eval a=a+1");
        Assert.Equal("2", compiled.Run(events, Context()).Single("a"));
        Assert.Equal("2", compiled.Run(events, Context()).Single("a"));
        Assert.Equal("1", events[0]["a"].Text);
    }
}
