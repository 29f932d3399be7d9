using Ferret.Engine.GeoIp;
using Ferret.Events;
using static Ferret.Engine.Tests.Spl;

namespace Ferret.Engine.Tests.GeoIp;

/// <summary>The iplocation command (Search Reference, "iplocation") over a small MaxMind DB written by the test.</summary>
public sealed class IpLocationOperatorTests
{
    private static readonly MaxMindDatabase Database = TestDatabases.City();
    private static readonly string[] DefaultFields = ["City", "Country", "Region", "lat", "lon"];

    private static SearchContext WithDatabase(ProblemCollector? problems = null, IGeoIpDatabase? database = null) =>
        new() { Clock = TimeProvider.System, GeoIp = database ?? Database, Problems = problems };

    [Fact]
    public void A_located_address_gets_City_Country_Region_lat_and_lon()
    {
        var row = Assert.Single(Run("* | iplocation clientip", [Ev(("clientip", "81.2.69.160"))], WithDatabase()));
        Assert.Equal(["London", "United Kingdom", "England", "51.5142", "-0.0931"],
            DefaultFields.Select(f => row[f].Text));
        Assert.False(row.Has("Continent") || row.Has("Timezone") || row.Has("MetroCode"));
    }

    [Fact]
    public void Prefix_names_the_fields_so_two_addresses_can_be_compared()
    {
        var events = new[] { Ev(("dest", "81.2.69.1"), ("src", "8.8.8.8")), Ev(("dest", "8.8.4.4"), ("src", "8.8.8.9")) };
        var rows = Run("* | iplocation prefix=auth_ dest | iplocation prefix=verify_ src | where auth_Country != verify_Country", events, WithDatabase());
        var row = Assert.Single(rows);
        Assert.Equal(("United Kingdom", "United States", "Boston"), (row["auth_Country"].Text, row["verify_Country"].Text, row["verify_City"].Text));
        Assert.False(row.Has("Country"));
    }

    [Fact]
    public void Allfields_adds_Continent_MetroCode_and_Timezone()
    {
        var row = Assert.Single(Run("* | iplocation allfields=true ip", [Ev(("ip", "8.8.8.8"))], WithDatabase()));
        Assert.Equal(("North America", "506", "America/New_York"), (row["Continent"].Text, row["MetroCode"].Text, row["Timezone"].Text));
    }

    [Fact]
    public void A_located_address_without_city_or_region_gets_empty_values()
    {
        var row = Assert.Single(Run("* | iplocation allfields=t ip", [Ev(("ip", "1.2.3.4"))], WithDatabase()));
        Assert.Equal(("", "France", "", "", ""), (row["City"].Text, row["Country"].Text, row["Region"].Text, row["MetroCode"].Text, row["Timezone"].Text));
        Assert.True(row.Has("City"));
    }

    [Theory]
    [InlineData("10.0.0.5")]
    [InlineData("192.168.10.20")]
    [InlineData("9.9.9.9")]
    [InlineData("not-an-address")]
    [InlineData("-")]
    public void Internal_unknown_and_invalid_addresses_add_no_fields_and_keep_existing_ones(string address)
    {
        var row = Assert.Single(Run("* | iplocation ip", [Ev(("ip", address), ("Country", "earlier"))], WithDatabase()));
        Assert.Equal("earlier", row["Country"].Text);
        Assert.False(row.Has("City") || row.Has("lat"));
    }

    [Fact]
    public void An_event_without_the_field_passes_unchanged()
    {
        var row = Assert.Single(Run("* | iplocation ip", [Ev(("other", "8.8.8.8"))], WithDatabase()));
        Assert.Equal(["other"], row.Fields.Keys);
    }

    [Fact]
    public void A_multivalue_field_is_located_by_its_first_value()
    {
        var rows = Run("* | iplocation ip", [Ev(("ip", Mv("8.8.8.8", "81.2.69.1"))), Ev(("ip", Mv("10.0.0.1", "81.2.69.1")))], WithDatabase());
        Assert.Equal(["Boston", "∅"], rows.Column("City"));
    }

    [Fact]
    public void Lang_picks_names_in_that_language_and_an_unknown_one_falls_back_to_English_with_a_warning()
    {
        Assert.Equal("Vereinigte Staaten", Run("* | iplocation lang=de ip", [Ev(("ip", "8.8.8.8"))], WithDatabase()).Single("Country"));
        var problems = new ProblemCollector();
        var rows = Run("* | iplocation lang=es ip", [Ev(("ip", "8.8.8.8")), Ev(("ip", "81.2.69.1"))], WithDatabase(problems));
        Assert.Equal(["United States", "United Kingdom"], rows.Column("Country"));
        Assert.Contains("lang=es", Assert.Single(problems.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_database_the_run_fails_with_SPL3001_saying_where_Ferret_looks()
    {
        var compiled = SearchEngine.Compile("* | iplocation ip");
        Assert.False(compiled.HasErrors);
        var error = Assert.Throws<GeoIpUnavailableException>(() => compiled.Run([Ev(("ip", "8.8.8.8"))], new SearchContext()).ToList());
        Assert.Equal("SPL3001", error.Diagnostic.Code);
        Assert.StartsWith("SPL3001", error.Message, StringComparison.Ordinal);
        Assert.Contains("--geoip", error.Message, StringComparison.Ordinal);
        Assert.Contains(GeoIpDatabaseLocator.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/share/GeoIP", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fed_run_without_a_database_fails_the_same_way_and_one_with_a_database_locates()
    {
        var compiled = SearchEngine.Compile("* | iplocation ip");
        var fed = Ferret.Engine.Execution.IncrementalRun.TryStart(compiled, new SearchContext());
        Assert.NotNull(fed);
        var error = Assert.Throws<GeoIpUnavailableException>(() =>
        {
            fed.Add(Ev(("ip", "8.8.8.8")));
            _ = fed.Finish().ToList();
        });
        Assert.Equal("SPL3001", error.Diagnostic.Code);
        var located = Ferret.Engine.Execution.IncrementalRun.TryStart(compiled, WithDatabase());
        Assert.NotNull(located);
        located.Add(Ev(("ip", "8.8.8.8")));
        Assert.Equal("Boston", located.Finish().Single("City"));
    }

    [Theory]
    [InlineData("* | iplocation", "SPL3009")]
    [InlineData("* | iplocation a b", "SPL3009")]
    [InlineData("* | iplocation allfields=maybe ip", "SPL3007")]
    public void A_wrong_command_line_is_a_compile_error(string spl, string code)
    {
        var compiled = SearchEngine.Compile(spl);
        Assert.Contains(compiled.Diagnostics, d => d.IsError && d.Code == code);
    }

    [Fact]
    public void A_database_that_fails_is_reported_once_and_the_events_still_pass()
    {
        var problems = new ProblemCollector();
        var rows = Run("* | iplocation ip", [Ev(("ip", "8.8.8.8")), Ev(("ip", "8.8.8.9")), Ev(("ip", "81.2.69.1"))], WithDatabase(problems, new FailingDatabase()));
        Assert.Equal(3, rows.Count);
        Assert.Equal(["∅", "∅", "∅"], rows.Column("City"));
        var problem = Assert.Single(problems.Problems);
        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Contains("broken.mmdb", problem.Message, StringComparison.Ordinal);
    }

    private sealed class FailingDatabase : IGeoIpDatabase
    {
        public string Path => "broken.mmdb";

        public string Description => "a database that always fails";

        public IReadOnlyList<string> Languages => ["en"];

        public GeoIpLocation? Lookup(string address, string language = "en") =>
            throw GeoIpDatabaseException.Corrupt(Path, "the data section ends early");
    }
}
