using Ferret.Engine.Execution;
using Ferret.Engine.Operators;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class Planner
{
    private LookupOperator BindLookup(LookupCommandNode lookup)
    {
        CheckOptions("lookup", lookup.Options, "local", "update", "event_time_field");
        var inputs = lookup.InputFields.Select(f => (f.Field.Text, f.Alias?.Text ?? f.Field.Text)).ToList();
        var outputs = lookup.OutputFields.Select(f => (f.Field.Text, f.Alias?.Text ?? f.Field.Text)).ToList();
        return new LookupOperator(TableName(lookup.Table.Text), inputs, lookup.OutputMode, outputs);
    }

    private InputlookupOperator BindInputlookup(InputlookupCommandNode inputlookup)
    {
        CheckOptions("inputlookup", inputlookup.Options, "append", "start", "max");
        var where = inputlookup.Where is null ? null : _search.Compile(inputlookup.Where);
        return new InputlookupOperator(TableName(inputlookup.Table.Text), where, Flag("inputlookup", inputlookup.Options, "append", false),
            Integer("inputlookup", inputlookup.Options, "start", 0), Integer("inputlookup", inputlookup.Options, "max", 0));
    }

    private OutputlookupOperator BindOutputlookup(OutputlookupCommandNode outputlookup)
    {
        CheckOptions("outputlookup", outputlookup.Options, "append", "createinapp", "override_if_empty", "create_empty", "max", "key_field");
        return new OutputlookupOperator(TableName(outputlookup.Table.Text), Flag("outputlookup", outputlookup.Options, "append", false));
    }

    private static string TableName(string text) => text.Trim('"');

    private JoinOperator BindJoin(JoinCommandNode join)
    {
        CheckOptions("join", join.Options, "type", "max", "overwrite", "usetime", "earlier", "left", "right", "where");
        var type = join.Options.Find("type")?.Value.Text.ToLowerInvariant() ?? "inner";
        if (type is not ("inner" or "outer" or "left"))
        {
            _bind.Report(DiagnosticFacts.InvalidOptionValue(join.Options.Find("type")!.Value.Span, "join", "type", type, "inner, outer or left"));
        }

        return new JoinOperator(PlanSubsearch(join.Subsearch.Pipeline), join.Fields.Select(f => f.Text).ToList(),
            type is "outer" or "left", Integer("join", join.Options, "max", 1), Flag("join", join.Options, "overwrite", true));
    }

    private AppendOperator BindAppend(AppendCommandNode append)
    {
        CheckOptions(append.Name, append.Options, "extendtimerange", "maxtime", "maxout", "timeout", "override", "run_in_preview");
        return append.Name switch
        {
            "appendpipe" => new AppendOperator("appendpipe", PlanBody(append.Subsearch.Pipeline), overCurrentResults: true, asColumns: false),
            "appendcols" => new AppendOperator("appendcols", Plan(append.Subsearch.Pipeline), overCurrentResults: false, asColumns: true)
            {
                OverrideValues = Flag("appendcols", append.Options, "override", false),
            },
            _ => new AppendOperator("append", Plan(append.Subsearch.Pipeline), overCurrentResults: false, asColumns: false),
        };
    }

    /// <summary><c>foreach</c> (Search Reference, "foreach command"): <c>mode=multifield</c> (default),
    /// <c>multivalue</c>, <c>json_array</c> or <c>auto_collections</c>, and the options that rename the template's placeholders.</summary>
    private Operator? BindForeach(ForeachCommandNode @foreach)
    {
        CheckOptions("foreach", @foreach.Options, "mode", "fieldstr", "matchstr", "matchseg1", "matchseg2", "matchseg3", "itemstr", "iterstr");
        if (@foreach.Options.Find("iterstr") is not null || @foreach.BodyText.Contains("<<ITER>>", StringComparison.Ordinal))
        {
            return NotSupported(@foreach, "the iteration placeholder <<ITER>> (iterstr=) is not supported");
        }

        var modeText = @foreach.Options.Find("mode")?.Value.Text.ToLowerInvariant() ?? "multifield";
        ForeachMode? mode = modeText switch
        {
            "multifield" => ForeachMode.Multifield,
            "multivalue" => ForeachMode.Multivalue,
            "json_array" => ForeachMode.JsonArray,
            "auto_collections" => ForeachMode.AutoCollections,
            _ => null,
        };
        if (mode is null)
        {
            return NotSupported(@foreach, $"mode={modeText} is not supported (multifield, multivalue, json_array and auto_collections are)");
        }

        if (mode != ForeachMode.Multifield && (@foreach.Fields.Count != 1 || @foreach.Fields[0].Text.Contains('*', StringComparison.Ordinal)))
        {
            _bind.Report(DiagnosticFacts.MissingCommandArgument(@foreach.Span, "foreach", $"mode={modeText} takes exactly one field, without wildcards"));
            return null;
        }

        var defaults = ForeachPlaceholders.Default;
        string Placeholder(string option, string fallback) => @foreach.Options.Find(option)?.Value.Text is { Length: > 0 } text ? text : fallback;
        var placeholders = new ForeachPlaceholders(
            Placeholder("fieldstr", defaults.Field),
            Placeholder("matchstr", defaults.MatchString),
            [Placeholder("matchseg1", defaults.MatchSegments[0]), Placeholder("matchseg2", defaults.MatchSegments[1]), Placeholder("matchseg3", defaults.MatchSegments[2])],
            Placeholder("itemstr", defaults.Item));

        var body = @foreach.BodyText.Trim();
        if (body.StartsWith('[') && body.EndsWith(']'))
        {
            body = body[1..^1];
        }

        var probeText = placeholders.All.Aggregate("| " + body, (text, placeholder) => text.Replace(placeholder, "x", StringComparison.Ordinal));
        var probe = Spl.SplParser.Parse(probeText);
        _bind.ReportAll(probe.Diagnostics.Where(d => d.IsError).Select(d => d.WithSpan(@foreach.Body.Span)));
        return new ForeachOperator(mode.Value, @foreach.Fields.Select(f => new FieldNamePattern(f.Text)).ToList(), "| " + body, placeholders);
    }

    private static ReturnOperator BindReturn(ReturnCommandNode @return) =>
        new(@return.Count ?? 1, @return.Items.Select(i => (i.Alias?.Text, i.Field.Text, i.IsValueOnly)).ToList());

    private FormatOperator BindFormat(FormatCommandNode format)
    {
        CheckOptions("format", format.Options, "maxresults", "mvsep", "emptystr");
        var s = format.Strings.Select(w => w.Text).ToList();
        return s.Count >= 6
            ? new FormatOperator(s[0], s[1], s[2], s[3], s[4], s[5], Integer("format", format.Options, "maxresults", 0))
            : new FormatOperator("(", "(", "AND", ")", "OR", ")", Integer("format", format.Options, "maxresults", 0));
    }

    private MakeresultsOperator BindMakeresults(MakeresultsCommandNode makeresults)
    {
        CheckOptions("makeresults", makeresults.Options, "count", "annotate", "splunk_server", "splunk_server_group", "format", "data");
        var count = Integer("makeresults", makeresults.Options, "count", 1);
        if (makeresults.Options.Find("data") is not { } data)
        {
            return new MakeresultsOperator(count);
        }

        var format = makeresults.Options.Find("format")?.Value.Text.ToLowerInvariant() ?? "csv";
        var rows = new List<Ferret.Events.Event>();
        if (format == "json")
        {
            var node = Functions.FunctionLibrary.ParseJson(data.Value.Text);
            var objects = node is System.Text.Json.Nodes.JsonArray array ? array.ToList() : [node];
            foreach (var item in objects)
            {
                if (item is not System.Text.Json.Nodes.JsonObject obj)
                {
                    _bind.Report(DiagnosticFacts.InvalidOptionValue(data.Value.Span, "makeresults", "data", data.Value.Text, "a JSON object or an array of objects"));
                    return new MakeresultsOperator(count);
                }

                var e = new Ferret.Events.Event();
                foreach (var (key, value) in obj)
                {
                    e.Set(key, value is System.Text.Json.Nodes.JsonArray values
                        ? Ferret.Events.FieldValue.Multi(values.Select(v => Functions.FunctionLibrary.NodeText(v) ?? "null"))
                        : Ferret.Events.FieldValue.Of(Functions.FunctionLibrary.NodeText(value)));
                }

                rows.Add(e);
            }
        }
        else
        {
            rows.AddRange(Lookups.LookupTable.ReadCsv(new StringReader(data.Value.Text.Trim()), Lookups.LookupOptions.Default).ToEvents());
        }

        return new MakeresultsOperator(count, rows);
    }

    private Operator? BindFrom(FromCommandNode from)
    {
        switch (from.DatasetType.ToLowerInvariant())
        {
            case "datamodel":
                return new DatamodelOperator("from", from.DatasetName);
            case "inputlookup" or "lookup":
                return new InputlookupOperator(from.DatasetName, null, false, 0, 0);
            default:
                return NotSupported(from, $"dataset type '{from.DatasetType}' is not available (use datamodel: or inputlookup:)");
        }
    }

    private Operator? BindDatamodel(DatamodelCommandNode datamodel)
    {
        CheckOptions("datamodel", datamodel.Options, "summariesonly", "allow_old_summaries", "strict_fields");
        if (datamodel.Model is null)
        {
            return NotSupported(datamodel, "listing data models is not available; name a model and dataset");
        }

        var mode = datamodel.Mode?.Text.ToLowerInvariant() ?? "search";
        if (mode is not ("search" or "flat"))
        {
            return NotSupported(datamodel, $"mode '{mode}' is not available (use search)");
        }

        var path = datamodel.Dataset is null ? datamodel.Model.Text : $"{datamodel.Model.Text}.{datamodel.Dataset.Text}";
        return new DatamodelOperator("datamodel", path);
    }
}
