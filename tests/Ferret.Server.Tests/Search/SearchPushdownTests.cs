using Ferret.Server.Search;
using Ferret.Spl;

namespace Ferret.Server.Tests.Search;

public sealed class SearchPushdownTests
{
    private static readonly string[] All = ["_internal", "attack_data", "main", "notable", "risk"];
    private static readonly string[] Defaults = ["attack_data", "main"];
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("search foo", "attack_data,main")]
    [InlineData("search index=main foo", "main")]
    [InlineData("search index=*", "_internal,attack_data,main,notable,risk")]
    [InlineData("search (index=notable OR index=risk)", "notable,risk")]
    [InlineData("search index IN (main, risk)", "main,risk")]
    [InlineData("search index=ma*", "main")]
    [InlineData("search index=main OR sourcetype=x", "_internal,attack_data,main,notable,risk")]
    [InlineData("search NOT index=main", "_internal,attack_data,main,notable,risk")]
    [InlineData("| makeresults", "_internal,attack_data,main,notable,risk")]
    [InlineData("search index=main | join x [search index=risk]", "_internal,attack_data,main,notable,risk")]
    public void Searches_read_the_indexes_they_name_or_the_default_ones(string spl, string expected)
    {
        Assert.Equal(expected, string.Join(',', Pushdown(spl).Indexes.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Metadata_terms_and_time_modifiers_of_the_top_level_and_are_pushed_down()
    {
        var query = Pushdown("search index=main sourcetype=XmlWin* (source=a OR source=b) wmic.exe \"call create\" earliest=-1h latest=now NOT host=x");

        Assert.Equal(["sourcetype:XmlWin*", "source:a|b"], query.Metadata.Select(m => $"{m.Column}:{string.Join('|', m.Patterns)}"));
        Assert.Equal(["\"wmic\" AND \"exe\"", "\"call\" AND \"create\""], query.Terms);
        Assert.Equal(Now.AddHours(-1).ToUnixTimeSeconds(), query.Earliest);
        Assert.Equal(Now.ToUnixTimeSeconds(), query.Latest);
    }

    [Fact]
    public void A_search_that_reads_the_index_again_pushes_down_only_indexes_and_time()
    {
        var query = Pushdown("search sourcetype=a foo | append [search sourcetype=b bar]");

        Assert.Empty(query.Metadata);
        Assert.Empty(query.Terms);
    }

    [Theory]
    [InlineData("wmic", "\"wmic\"")]
    [InlineData("C:\\Windows\\System32\\wbem\\WMIC.exe", "\"C\" AND \"Windows\" AND \"System32\" AND \"wbem\" AND \"WMIC\" AND \"exe\"")]
    [InlineData("power*", "\"power\" *")]
    [InlineData("power.*", "\"power\"")]
    [InlineData("*shell", null)]
    [InlineData("a*b", null)]
    [InlineData("::", null)]
    public void Terms_become_fts5_queries_for_all_of_their_tokens(string term, string? expected)
    {
        Assert.Equal(expected, SearchPushdown.FtsQuery(term));
    }

    private static Ferret.Server.Store.StoreQuery Pushdown(string spl) =>
        SearchPushdown.For(SplParser.Parse(spl).Pipeline, spl, All, Defaults, null, null, Now);
}
