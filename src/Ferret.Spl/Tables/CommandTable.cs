namespace Ferret.Spl.Tables;

/// <summary>
/// Every SPL command the front end knows, as data: docs/spl-support.md is rendered from it, and the parser's command
/// dispatch is checked against it. A command not listed still parses (as a generic command) so the engine can say
/// "not supported" for it alone. Syntax lines follow the Search Reference page of each command.
/// </summary>
public static class CommandTable
{
    private static CommandInfo C(string name, CommandKind kind, string syntax, string description, params string[] aliases) =>
        new(name, kind, syntax, description, aliases);

    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        C("search", CommandKind.Streaming, "search <terms: keyword, \"phrase\", field=value, field!=value, field<value, field IN (...), NOT, OR, AND, ( ), earliest=, latest=, [subsearch]>", "Filters events by search terms; implied at the start of a search."),
        C("where", CommandKind.Streaming, "where <eval-expression>", "Keeps results whose eval expression is true."),
        C("eval", CommandKind.Streaming, "eval <field>=<expression> [, <field>=<expression>]...", "Computes fields from eval expressions."),
        C("regex", CommandKind.Streaming, "regex [<field>=|<field>!=]\"<regex>\"", "Keeps (or drops) results whose field matches a regular expression."),
        C("rex", CommandKind.Streaming, "rex [field=<f>] [max_match=<n>] [offset_field=<f>] [mode=sed] \"<regex or sed expression>\"", "Extracts fields with named groups, or edits a field with a sed expression."),
        C("rename", CommandKind.Streaming, "rename <field> AS <new> [, <field> AS <new>]... (wildcards allowed)", "Renames fields."),
        C("table", CommandKind.Transforming, "table <field-list>", "Keeps the listed fields, in order."),
        C("fields", CommandKind.Streaming, "fields [+|-] <field-list>", "Keeps or removes fields."),
        C("fillnull", CommandKind.Streaming, "fillnull [value=<v>] [<field-list>]", "Replaces null values."),
        C("mvexpand", CommandKind.Streaming, "mvexpand <field> [limit=<n>]", "One result per value of a multivalue field."),
        C("makemv", CommandKind.Streaming, "makemv [delim=<s>|tokenizer=<regex>] [allowempty=<bool>] [setsv=<bool>] <field>", "Splits a field into a multivalue field."),
        C("convert", CommandKind.Streaming, "convert [timeformat=<fmt>] <function>(<field>) [AS <new>]...", "Converts field values (ctime, mktime, dur2sec, num, ...)."),
        C("bin", CommandKind.Streaming, "bin [span=<span>|bins=<n>|minspan=|start=|end=|aligntime=] <field> [AS <new>]", "Puts numeric or time values into buckets.", "bucket"),
        C("spath", CommandKind.Streaming, "spath [input=<f>] [output=<f>] [path=<p> | <p>]", "Extracts fields from JSON or XML."),
        C("xmlkv", CommandKind.Streaming, "xmlkv [<field>] [maxinputs=<n>]", "Extracts fields from XML key-value pairs."),
        C("fromjson", CommandKind.Streaming, "fromjson <field> [prefix=<p>]", "Extracts fields from a JSON object in a field."),
        C("iplocation", CommandKind.Streaming, "iplocation [prefix=<p>] [allfields=<bool>] [lang=<l>] <ip-field>", "Adds location fields for an IP address."),
        C("addtotals", CommandKind.Streaming, "addtotals [row=<bool>] [col=<bool>] [fieldname=<f>] [labelfield=<f>] [label=<s>] [<field-list>]", "Sums numeric fields."),
        C("nomv", CommandKind.Streaming, "nomv <field>", "Turns a multivalue field into a single value."),
        C("accum", CommandKind.Streaming, "accum <field> [AS <newfield>]", "Running total of a numeric field."),
        C("delta", CommandKind.Streaming, "delta <field> [AS <newfield>] [p=<int>]", "Difference from a field's value in an earlier result."),
        C("mvcombine", CommandKind.Transforming, "mvcombine [delim=<string>] <field>", "Combines results that differ only in one field into one multivalue result."),
        C("replace", CommandKind.Streaming, "replace <value> WITH <new> [, <value> WITH <new>]... [IN <field-list>]", "Replaces field values."),
        C("stats", CommandKind.Transforming, "stats [options] <function>[(<field>|eval(<expr>))] [AS <f>]... [BY <field-list>]", "Aggregates results, optionally by fields."),
        C("eventstats", CommandKind.Transforming, "eventstats [allnum=<bool>] <function>... [BY <field-list>]", "Adds aggregates to each result."),
        C("streamstats", CommandKind.Transforming, "streamstats [current=] [window=] [time_window=] [global=] [reset_*=] <function>... [BY <field-list>]", "Adds running aggregates to each result, in order."),
        C("tstats", CommandKind.Generating, "| tstats [summariesonly=] [allow_old_summaries=] [fillnull_value=] [prestats=] <function>... [FROM datamodel=<Model>[.<Dataset>]] [WHERE <search terms>] [BY <field-list> [span=<span>]]", "Aggregates over data model (or indexed) fields."),
        C("mstats", CommandKind.Generating, "| mstats <function>... [WHERE <search terms>] [BY <field-list>] [span=<span>]", "Aggregates metrics."),
        C("timechart", CommandKind.Transforming, "timechart [span=<span>] [limit=] [useother=] <function>... [BY <field>]", "Aggregates over time buckets."),
        C("chart", CommandKind.Transforming, "chart [options] <function>... [OVER <field>] [BY <field>]", "Aggregates into a table for charting."),
        C("top", CommandKind.Transforming, "top [limit=<n>] [countfield=] [percentfield=] [showperc=] <field-list> [BY <field-list>]", "Most common values."),
        C("rare", CommandKind.Transforming, "rare [limit=<n>] <field-list> [BY <field-list>]", "Least common values."),
        C("transaction", CommandKind.Transforming, "transaction [<field-list>] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=] [keepevicted=] [mvlist=] [connected=]", "Groups events into transactions."),
        C("dedup", CommandKind.Transforming, "dedup [<n>] <field-list> [keepevents=] [keepempty=] [consecutive=] [sortby [+|-]<field>...]", "Keeps the first result for each combination of values."),
        C("sort", CommandKind.Transforming, "sort [<n>] [limit=<n>] [+|-]<field>|num(<f>)|str(<f>)|ip(<f>)|auto(<f>)... [desc]", "Sorts results."),
        C("head", CommandKind.Transforming, "head [<n> | limit=<n> | (<eval-expression>)] [null=] [keeplast=]", "First results."),
        C("tail", CommandKind.Transforming, "tail [<n>]", "Last results, in reverse order."),
        C("lookup", CommandKind.Streaming, "lookup [local=] [update=] <name> <field> [AS <f>]... [OUTPUT|OUTPUTNEW <field> [AS <f>]...]", "Adds fields from a lookup table."),
        C("inputlookup", CommandKind.Generating, "| inputlookup [append=] [start=] [max=] <name> [WHERE <search terms>]", "Reads a lookup table."),
        C("outputlookup", CommandKind.Transforming, "outputlookup [append=] [createinapp=] [override_if_empty=] <name>", "Writes results to a lookup table."),
        C("join", CommandKind.Orchestrating, "join [type=inner|outer|left] [usetime=] [earlier=] [overwrite=] [max=<n>] [<field-list>] [<subsearch>]", "Joins results with a subsearch's results.") with { ReadsEventsAgain = true },
        C("append", CommandKind.Orchestrating, "append [extendtimerange=] [maxtime=] [maxout=] [timeout=] [<subsearch>]", "Appends a subsearch's results.") with { ReadsEventsAgain = true },
        C("appendcols", CommandKind.Orchestrating, "appendcols [override=] [<subsearch>]", "Appends a subsearch's fields to each result, by position.") with { ReadsEventsAgain = true },
        C("appendpipe", CommandKind.Orchestrating, "appendpipe [run_in_preview=] [<commands>]", "Appends the output of commands run over the current results."),
        C("foreach", CommandKind.Streaming, "foreach [mode=] [fieldstr=] [matchstr=] [matchseg1=] <field-or-wildcard>... [<template with <<FIELD>>>]", "Runs a templated eval for each matching field."),
        C("map", CommandKind.Orchestrating, "map (search=\"<search with $field$>\" | [<subsearch>]) [maxsearches=<n>]", "Runs a search once per result.") with { ReadsEventsAgain = true },
        C("return", CommandKind.Transforming, "return [<n>] <field> | <alias>=<field> | $<field> ...", "Returns values from a subsearch."),
        C("format", CommandKind.Transforming, "format [mvsep=] [maxresults=] [\"<row prefix>\" \"<col prefix>\" \"<col sep>\" \"<col end>\" \"<row sep>\" \"<row end>\"]", "Formats results as a search string."),
        C("makeresults", CommandKind.Generating, "| makeresults [count=<n>] [annotate=<bool>]", "Generates empty results."),
        C("from", CommandKind.Generating, "| from <dataset-type>:<dataset-name>", "Reads a dataset (datamodel:<Model>.<Dataset>, inputlookup:<name>, ...)."),
        C("datamodel", CommandKind.Generating, "| datamodel [<Model>] [<Dataset>] [search|flat|acceleration_search] [summariesonly=]", "Reads a data model dataset."),
        C("rest", CommandKind.Generating, "| rest <endpoint> [count=] [splunk_server=] [timeout=]", "Reads a Splunk REST endpoint."),
        C("apply", CommandKind.Streaming, "apply <model> [as <field>] [options] (Machine Learning Toolkit)", "Applies a trained model.") with { HasTypedGrammar = false },
        C("fit", CommandKind.Transforming, "fit <algorithm> <fields> [into <model>] [options] (Machine Learning Toolkit)", "Trains a model.") with { HasTypedGrammar = false },
        C("collect", CommandKind.Transforming, "collect index=<index> [options]", "Writes results to a summary index.") with { HasTypedGrammar = false },
        C("outlier", CommandKind.Transforming, "outlier [action=] [param=] [uselower=] [mark=] [<field-list>]", "Removes or caps outlying numeric values.") with { HasTypedGrammar = false },
        C("anomalydetection", CommandKind.Transforming, "anomalydetection [method=] [action=] [pthresh=] [cutoff=] [<field-list>]", "Finds anomalous events.") with { HasTypedGrammar = false },
        C("extract", CommandKind.Streaming, "extract [options] [<extractor-name>...]", "Extracts key=value fields.", "kv") with { HasTypedGrammar = false },
        C("multikv", CommandKind.Streaming, "multikv [options]", "Extracts fields from table-formatted events.") with { HasTypedGrammar = false },
        C("delete", CommandKind.Streaming, "delete", "Marks events as deleted (never run by Ferret).") with { HasTypedGrammar = false },
        C("sendemail", CommandKind.Transforming, "sendemail to=<addresses> [options]", "Sends results by email (never run by Ferret).") with { HasTypedGrammar = false },
        C("cyberchef", CommandKind.Streaming, "cyberchef infield=<f> outfield=<f> operation=<op> | recipe=<json> (CyberChef for Splunk app)", "Applies CyberChef operations to a field.") with { HasTypedGrammar = false },
    ];

    private static readonly Dictionary<string, CommandInfo> ByName = BuildIndex();

    private static Dictionary<string, CommandInfo> BuildIndex()
    {
        var index = new Dictionary<string, CommandInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in All)
        {
            index[command.Name] = command;
            foreach (var alias in command.Aliases)
            {
                index[alias] = command;
            }
        }

        return index;
    }

    /// <summary>Every name a command can be called by (names and aliases).</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The command named <paramref name="name"/> or one of its aliases (case-insensitive), or null.</summary>
    public static CommandInfo? Find(string name) => ByName.GetValueOrDefault(name);
}
