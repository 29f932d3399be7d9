using Ferret.Engine.Aggregation;
using Ferret.Engine.Functions;
using Ferret.Spl.Tables;

namespace Ferret.Engine;

/// <summary>
/// What the engine runs, per command and function: the verdicts docs/spl-support.md prints next to the Spl tables
/// (rendered by <see cref="SplSupportDocument"/>; a test keeps the file in step).
/// </summary>
public static class EngineSupport
{
    private static readonly Dictionary<string, string> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["search"] = "yes: case-insensitive wildcard values compared as text, CIDR values (src=10.0.0.0/8), field=CASE(v)/TERM(v), segment-aware terms and phrases, TERM()/CASE(), IN, NOT, earliest/latest, subsearches",
        ["where"] = "yes",
        ["eval"] = "yes: {field} dynamic names; a boolean result is a compile error as in Splunk; arithmetic prints to the precision of its operands (exact() prints every digit)",
        ["regex"] = "yes: PCRE translated to .NET, match timeout reported",
        ["rex"] = "yes: named groups, max_match, offset_field (name=start-end of each group, end inclusive, joined by &), mode=sed (s/// with g or N, y///)",
        ["rename"] = "yes: wildcards",
        ["table"] = "yes: wildcards",
        ["fields"] = "yes",
        ["fillnull"] = "yes",
        ["mvexpand"] = "yes",
        ["makemv"] = "yes",
        ["convert"] = "yes: ctime, mktime, dur2sec, mstime, memk, rmunit, rmcomma, num, auto, none",
        ["bin"] = "yes: span= (time units and numbers), bins=; minspan/start/end/aligntime warn",
        ["spath"] = "yes: JSON and XML",
        ["xmlkv"] = "yes",
        ["fromjson"] = "yes",
        ["iplocation"] = "yes: prefix, allfields, lang; needs a MaxMind DB (.mmdb) or legacy GeoIP.dat country database (docs/geoip.md), else the run fails (SPL3001)",
        ["addtotals"] = "yes",
        ["nomv"] = "yes",
        ["accum"] = "yes",
        ["delta"] = "yes: p=",
        ["mvcombine"] = "partial: results are multivalue; delim= is not supported (warning)",
        ["replace"] = "yes",
        ["stats"] = "yes: partial aggregates merge; wildcard fields (values(*) AS *, values(prefix.*) AS *) discovered per run",
        ["eventstats"] = "yes: allnum, wildcard fields too",
        ["streamstats"] = "partial: current=, window=, reset_on_change, reset_before, reset_after, wildcard fields; time_window warns",
        ["tstats"] = "yes: over events or a data model (IDataModelCatalog); prestats, fillnull_value, by _time span=; summariesonly/allow_old_summaries select nothing (every event is used); wildcard fields are a compile error",
        ["mstats"] = "no: no metric indexes (compile error)",
        ["timechart"] = "partial: span= (without it, the span Splunk picks for 100 buckets over the searched span, else the events' time range), limit, useother, cont; empty buckets filled over the searched span, at most [discretize] maxbins",
        ["chart"] = "partial: over/by pivot, limit, useother, 0 in empty count cells; no bins/span/cont/format options",
        ["top"] = "yes: top N or limit=",
        ["rare"] = "yes",
        ["transaction"] = "partial: fields, maxspan, maxpause, maxevents, startswith, endswith, keepevicted (closed_txn), mvlist (true or a field list; otherwise sorted distinct values), built from the newest event back and returned newest first; connected=false over several fields and delim are refused (SPL3008)",
        ["dedup"] = "yes: N, keepempty, consecutive, keepevents, sortby",
        ["sort"] = "yes: num/str/ip/auto, default limit 10000",
        ["head"] = "yes: N, limit=, (expression) with null= and keeplast=",
        ["tail"] = "yes",
        ["lookup"] = "yes: OUTPUT/OUTPUTNEW, WILDCARD/CIDR match types, case sensitivity, max/min_matches, default_match",
        ["inputlookup"] = "yes: where, append, start, max",
        ["outputlookup"] = "yes: writes CSV when an output folder is configured, else reports it",
        ["join"] = "yes: inner/outer/left, max, overwrite",
        ["append"] = "yes",
        ["appendcols"] = "partial: override; extra subsearch rows beyond the main results are dropped",
        ["appendpipe"] = "yes",
        ["foreach"] = "partial: mode=multifield (<<FIELD>>, <<MATCHSTR>>, <<MATCHSEG1-3>>, listed fields that do not exist), multivalue, json_array and auto_collections (<<ITEM>>), fieldstr/matchstr/matchseg1-3/itemstr; <<ITER>>/iterstr not supported",
        ["map"] = "yes: search=\"...\" or [subsearch], $field$ and $_serial_id$ tokens, maxsearches (default 10); a result missing a token field is reported and skipped",
        ["return"] = "yes",
        ["format"] = "yes",
        ["makeresults"] = "yes: count, format=csv|json data=",
        ["from"] = "partial: datamodel: and inputlookup: datasets",
        ["datamodel"] = "yes: <Model> [<Dataset>] search|flat",
        ["rest"] = "no: no Splunk server (compile error)",
        ["apply"] = "no: no MLTK models (compile error)",
        ["fit"] = "no: no MLTK models (compile error)",
        ["collect"] = "no: no summary index (compile error)",
        ["outlier"] = "no: compile error",
        ["anomalydetection"] = "no: compile error",
        ["extract"] = "no: compile error",
        ["multikv"] = "no: compile error",
        ["delete"] = "no: never run (compile error)",
        ["sendemail"] = "no: never run (compile error)",
        ["cyberchef"] = "no: an app's command (compile error)",
    };

    private static readonly Dictionary<string, string> FunctionNotes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["lookup"] = "no: use the lookup command (compile error)",
        ["perc"] = "yes: exact (Splunk approximates large inputs)",
        ["sparkline"] = "no: charting only (compile error)",
        ["p"] = "yes: exact",
        ["percentile"] = "yes: exact",
        ["estdc"] = "yes: exact",
        ["searchmatch"] = "yes: literal search string",
        ["time"] = "yes",
        ["random"] = "yes",
        ["per_second"] = "no: needs the bucket span inside the aggregate (unknown stats function error)",
        ["per_minute"] = "no: needs the bucket span inside the aggregate (unknown stats function error)",
        ["per_hour"] = "no: needs the bucket span inside the aggregate (unknown stats function error)",
        ["per_day"] = "no: needs the bucket span inside the aggregate (unknown stats function error)",
    };

    public static string? Command(CommandInfo command) => Commands.GetValueOrDefault(command.Name);

    public static string Function(FunctionInfo function)
    {
        if (FunctionNotes.TryGetValue(function.Name, out var note))
        {
            return note;
        }

        if (function.Kind == FunctionKind.Aggregate)
        {
            return AggregateFunctions.TryCreateFactory(function.Name, out _) || AggregateFunctions.TryCreateFactory(function.Name + "50", out _)
                ? "yes"
                : "no (unknown stats function error)";
        }

        return FunctionLibrary.IsKnown(function.Name) ? "yes" : "no (unknown function error)";
    }

    /// <summary>The whole docs/spl-support.md text: the Spl tables with the engine's verdicts.</summary>
    public static string RenderDocument() => SplSupportDocument.Render(Command, Function);
}
