using Ferret.Spl.Syntax;

namespace Ferret.Spl.Tests.Parsing;

public sealed class CommandParsingTests
{
    private static T Single<T>(string spl)
        where T : CommandNode
    {
        var result = SplParser.Parse(spl);
        Assert.Empty(result.Diagnostics);
        return Assert.IsType<T>(result.Pipeline.Commands[^1]);
    }

    [Fact]
    public void Stats_reads_functions_aliases_eval_arguments_and_by_fields()
    {
        var stats = Single<StatsCommandNode>("* | stats count min(_time) as firstTime dc(user) count(eval(x>1)) AS big by host, \"src ip\"");

        Assert.Equal(["count", "firstTime", "dc(user)", "big"], stats.Aggregations.Select(a => a.OutputName));
        var eval = Assert.IsType<FunctionCall>(Assert.Single(stats.Aggregations[3].Arguments));
        Assert.Equal("eval", eval.Name);
        Assert.Equal(["host", "src ip"], stats.ByFields.Select(f => f.Text));
    }

    [Fact]
    public void Tstats_reads_options_datamodel_where_by_and_span_between_by_fields()
    {
        var tstats = Single<TstatsCommandNode>(
            "| tstats summariesonly=false allow_old_summaries=true count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by _time span=1h Processes.dest");

        Assert.Equal("Endpoint.Processes", tstats.DataModel);
        Assert.Equal("false", tstats.Options.Find("summariesonly")!.Value.Text);
        Assert.Equal("1h", tstats.Options.Find("span")!.Value.Text);
        Assert.IsType<SearchComparison>(tstats.Where);
        Assert.Equal(["_time", "Processes.dest"], tstats.ByFields.Select(f => f.Text));
    }

    [Fact]
    public void Rex_keeps_its_options_and_pattern()
    {
        var rex = Single<RexCommandNode>("* | rex field=Message max_match=0 \"Consumer =\\s+(?<consumer>[^;|^$]+)\"");

        Assert.Equal("Message", rex.Field);
        Assert.Equal("0", rex.Options.Find("max_match")!.Value.Text);
        Assert.Equal("Consumer =\\s+(?<consumer>[^;|^$]+)", rex.Pattern.Text);
        Assert.False(rex.IsSedMode);
        Assert.True(Single<RexCommandNode>("* | rex field=x mode=sed \"s/a/b/g\"").IsSedMode);
    }

    [Fact]
    public void Lookup_reads_input_and_output_fields_with_aliases()
    {
        var lookup = Single<LookupCommandNode>("* | lookup update=true ioc domain as query OUTPUTNEW Description, isIOC AS ioc");

        Assert.Equal("ioc", lookup.Table.Text);
        Assert.Equal(("domain", "query"), (lookup.InputFields[0].Field.Text, lookup.InputFields[0].Alias!.Text));
        Assert.Equal(LookupOutputMode.OutputNew, lookup.OutputMode);
        Assert.Equal(["Description", "isIOC"], lookup.OutputFields.Select(f => f.Field.Text));
        Assert.Equal("ioc", lookup.OutputFields[1].Alias!.Text);
        Assert.Equal(LookupOutputMode.All, Single<LookupCommandNode>("* | lookup t a").OutputMode);
    }

    [Fact]
    public void Join_keeps_options_fields_and_subsearch()
    {
        var join = Single<JoinCommandNode>("* | join type=outer max=0 host [search index=x | fields host]");

        Assert.Equal("outer", join.Options.Find("type")!.Value.Text);
        Assert.Equal("host", Assert.Single(join.Fields).Text);
        Assert.Equal(2, join.Subsearch.Pipeline.Commands.Count);
    }

    [Fact]
    public void Foreach_keeps_the_template_text_and_parses_placeholders_as_names()
    {
        var @foreach = Single<ForeachCommandNode>("* | foreach *_count [eval <<FIELD>>_pct = <<FIELD>> * 100]");

        Assert.Equal("eval <<FIELD>>_pct = <<FIELD>> * 100", @foreach.BodyText);
        var eval = Assert.IsType<EvalCommandNode>(Assert.Single(@foreach.Body.Pipeline.Commands));
        Assert.Equal("<<FIELD>>_pct", eval.Assignments[0].Field.Text);
    }

    [Fact]
    public void Sort_reads_direction_and_comparison_per_key()
    {
        var sort = Single<SortCommandNode>("* | sort 10 - count num(x) +str(y) desc");

        Assert.Equal(10, sort.Limit);
        Assert.Equal([(true, null), (false, "num"), (false, "str")], sort.Keys.Select(k => (k.IsDescending, k.Comparison)));
        Assert.True(sort.IsReversed);
    }

    [Fact]
    public void Rename_fields_dedup_convert_bin_and_spath_read_their_arguments()
    {
        var rename = Single<RenameCommandNode>("* | rename Processes.* AS *, a as \"b c\"");
        Assert.Equal([("Processes.*", "*"), ("a", "b c")], rename.Renames.Select(r => (r.Field.Text, r.Alias!.Text)));

        var fields = Single<FieldsCommandNode>("* | fields - a, b*");
        Assert.True(fields.IsRemove);
        Assert.Equal(["a", "b*"], fields.Fields.Select(f => f.Text));

        var dedup = Single<DedupCommandNode>("* | dedup 2 a b keepempty=true sortby -_time");
        Assert.Equal((2, 2, "true", "_time"), (dedup.Count!.Value, dedup.Fields.Count, dedup.Options.Find("keepempty")!.Value.Text, dedup.SortBy[0].Field.Text));

        var convert = Single<ConvertCommandNode>("* | convert timeformat=\"%Y\" ctime(firstTime) AS ft ctime(lastTime)");
        Assert.Equal([("ctime", "firstTime", "ft"), ("ctime", "lastTime", null)],
            convert.Conversions.Select(c => (c.Function, c.Field.Text, c.Alias?.Text)));

        var bin = Single<BinCommandNode>("* | bucket _time span=1d");
        Assert.Equal(("bucket", "_time", "1d"), (bin.Name, bin.Field.Text, bin.Options.Find("span")!.Value.Text));
        var binAs = Single<BinCommandNode>("* | bin _time span=5m as t");
        Assert.Equal(("_time", "5m", "t"), (binAs.Field.Text, binAs.Options.Find("span")!.Value.Text, binAs.Alias!.Text));

        var spath = Single<SpathCommandNode>("* | spath input=x output=y path=a.b{}.c");
        Assert.Equal("a.b{}.c", spath.EffectivePath);
        Assert.Equal("a.b", Single<SpathCommandNode>("* | spath a.b").EffectivePath);
    }

    [Fact]
    public void Generating_commands_read_their_datasets()
    {
        Assert.Equal("Web.Web", Single<FromCommandNode>("| from datamodel:Web.Web").DatasetName);
        Assert.Equal(("datamodel", "Web.Web"), (Single<FromCommandNode>("| from datamodel Web.Web").DatasetType, Single<FromCommandNode>("| from datamodel Web.Web").DatasetName));
        var inputlookup = Single<InputlookupCommandNode>("| inputlookup append=t mylookup where a=1");
        Assert.Equal(("mylookup", "t"), (inputlookup.Table.Text, inputlookup.Options.Find("append")!.Value.Text));
        Assert.IsType<SearchComparison>(inputlookup.Where);
        var datamodel = Single<DatamodelCommandNode>("| datamodel Endpoint Processes search");
        Assert.Equal(("Endpoint", "Processes", "search"), (datamodel.Model!.Text, datamodel.Dataset!.Text, datamodel.Mode!.Text));
    }

    [Fact]
    public void Appendpipe_body_starts_with_a_command()
    {
        var appendpipe = Single<AppendCommandNode>("* | appendpipe [stats count | where count=0]");

        Assert.IsType<StatsCommandNode>(appendpipe.Subsearch.Pipeline.Commands[0]);
    }

    [Fact]
    public void An_unknown_command_parses_as_generic_and_the_rest_of_the_pipeline_still_parses()
    {
        var result = SplParser.Parse("* | frobnicate a x=1 \"q\" [search b] | stats count");

        Assert.Empty(result.Diagnostics);
        var generic = Assert.IsType<GenericCommandNode>(result.Pipeline.Commands[1]);
        Assert.Equal("frobnicate", generic.Name);
        Assert.Collection(generic.Arguments,
            a => Assert.Equal("a", Assert.IsType<GenericWordArgument>(a).Word.Text),
            a => Assert.Equal("x", Assert.IsType<GenericOptionArgument>(a).Option.Name),
            a => Assert.True(Assert.IsType<GenericWordArgument>(a).Word.IsQuoted),
            a => Assert.IsType<GenericSubsearchArgument>(a));
        Assert.IsType<StatsCommandNode>(result.Pipeline.Commands[2]);
    }

    /// <summary>Input, expected error code, and the text the diagnostic's span starts at.</summary>
    public static TheoryData<string, string, string> Errors => new()
    {
        { "index=x | eval a=\"open", "SPL1001", "\"open" },
        { "index=x | | stats count", "SPL1003", "| stats" },
        { "index=x (a OR b", "SPL1004", "(a OR" },
        { "index=x [search b", "SPL1005", "[search" },
        { "index=x | where", "SPL1008", "" },
        { "index=x | rename a", "SPL1008", "" },
        { "index=x | eval x=", "SPL1006", "" },
        { "index=x | stats count by", "SPL1008", "" },
        { "", "SPL1009", "" },
        { "a ```never closed", "SPL1012", "```never" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Broken_searches_report_a_coded_error_at_the_right_place(string spl, string code, string at)
    {
        var result = SplParser.Parse(spl);

        var diagnostic = result.Diagnostics.FirstOrDefault(d => d.Code == code);
        Assert.True(diagnostic is not null, $"expected {code}, got: {string.Join("; ", result.Diagnostics)}");
        Assert.StartsWith(at, spl[diagnostic.Span.Start..]);
    }
}
