using Ferret.Engine.Aggregation;
using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Engine.Operators;
using Ferret.Events;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

public sealed partial class Planner
{
    private Operator? BindStats(StatsCommandNode stats)
    {
        var aggregates = BindAggregations(stats.Name, stats.Aggregations, allowWildcards: true);
        if (Flag(stats.Name, stats.Options, "allnum", false))
        {
            aggregates = aggregates.Select(a => AllNumState.IsNumerical(a.Function)
                ? a with { Factory = () => new AllNumState(a.Factory()) }
                : a).ToList();
        }

        var plan = new GroupedAggregation(aggregates, stats.ByFields.Select(f => f.Text).ToList()) { Command = stats.Name };
        switch (stats.Name)
        {
            case "eventstats":
                CheckOptions("eventstats", stats.Options, "allnum");
                return new EventstatsOperator(plan);
            case "streamstats":
                CheckOptions("streamstats", stats.Options, "current", "window", "global", "allnum", "reset_on_change", "reset_before", "reset_after");
                return new StreamstatsOperator(plan, Flag("streamstats", stats.Options, "current", true), Integer("streamstats", stats.Options, "window", 0), BindStreamstatsResets(stats));
            default:
                CheckOptions("stats", stats.Options, "allnum", "delim", "partitions");
                return new StatsOperator(plan);
        }
    }

    private List<AggregateBinding> BindAggregations(string command, IReadOnlyList<Ferret.Spl.Syntax.Aggregation> aggregations, bool allowWildcards = false)
    {
        var bound = new List<AggregateBinding>();
        foreach (var aggregation in aggregations)
        {
            if (BindAggregation(command, aggregation, allowWildcards) is { } binding)
            {
                bound.Add(binding);
            }
        }

        return bound;
    }

    private AggregateBinding? BindAggregation(string command, Ferret.Spl.Syntax.Aggregation aggregation, bool allowWildcards)
    {
        var function = aggregation.Function;
        if (!AggregateFunctions.TryCreateFactory(function, out var factory))
        {
            _bind.Report(Spl.Tables.FunctionTable.FindAggregate(function, out _) is null
                ? DiagnosticFacts.UnknownStatsFunction(aggregation.Span, command, function,
                    NameSuggestion.Closest(function, Spl.Tables.FunctionTable.Aggregates.Select(f => f.Name)))
                : DiagnosticFacts.FunctionNotSupported(aggregation.Span, function, "Ferret does not compute it"));
            return null;
        }

        if (aggregation.Arguments.Count == 0)
        {
            if (!AggregateFunctions.AllowsNoField(function))
            {
                _bind.Report(DiagnosticFacts.MissingCommandArgument(aggregation.Span, command, $"function '{function}' needs a field"));
                return null;
            }

            return new AggregateBinding(function, aggregation.OutputName, null, factory);
        }

        var argument = aggregation.Arguments[0];
        switch (argument)
        {
            case FieldExpression field when field.Name.Contains('*', StringComparison.Ordinal):
                return BindWildcardAggregation(command, aggregation, field, factory, allowWildcards);
            case FieldExpression field:
                var name = field.Name;
                return new AggregateBinding(function, aggregation.OutputName, (e, _) => e[name], factory);
            case FunctionCall { Name: "eval", Arguments.Count: 1 } eval:
                var compiled = _expressions.Compile(eval.Arguments[0]);
                // stats count(eval(cond)) counts the events where cond is true: false counts as no value.
                return new AggregateBinding(function, aggregation.OutputName, (e, rt) =>
                {
                    var value = compiled(e, rt);
                    return value.IsBoolean ? (value.Boolean ? FieldValue.Of(1) : FieldValue.Null) : value.Field;
                }, factory);
            default:
                var expression = _expressions.Compile(argument);
                return new AggregateBinding(function, aggregation.OutputName, (e, rt) => expression(e, rt).Field, factory);
        }
    }

    /// <summary>
    /// <c>values(*)</c>, <c>latest(*) AS *</c>, <c>values(requestParameters.*) AS *</c>: one aggregate per matching field, named
    /// by the AS template with the wildcard parts filled in, or <c>values(&lt;field&gt;)</c> without AS (Search Reference,
    /// "stats command": the argument and the AS name are wc-fields). Only stats, eventstats and streamstats take them: tstats
    /// reads data model fields it must know up front, and chart/timechart pivot on their columns.
    /// </summary>
    private AggregateBinding? BindWildcardAggregation(
        string command, Ferret.Spl.Syntax.Aggregation aggregation, FieldExpression field, Func<IAggregateState> factory, bool allowWildcards)
    {
        var function = aggregation.Function;
        if (!allowWildcards)
        {
            _bind.Report(DiagnosticFacts.MissingCommandArgument(field.Span, command,
                $"a wildcard field ('{field.Name}' in {function}()) is only allowed in stats, eventstats and streamstats; name the fields"));
            return null;
        }

        if (aggregation.Alias is { } alias && !alias.Text.Contains('*', StringComparison.Ordinal))
        {
            _bind.Report(DiagnosticFacts.MissingCommandArgument(alias.Span, command,
                $"{function}({field.Name}) aggregates every matching field, so its AS name needs a wildcard too (e.g. AS *), not '{alias.Text}'"));
            return null;
        }

        return new AggregateBinding(function, aggregation.OutputName, null, factory) { Wildcard = new FieldNamePattern(field.Name) };
    }

    private Operator? BindTstats(TstatsCommandNode tstats)
    {
        if (tstats.Name != "tstats")
        {
            return NotSupported(tstats, "there are no metric indexes");
        }

        CheckOptions("tstats", tstats.Options, "summariesonly", "allow_old_summaries", "fillnull_value", "prestats", "span", "local", "append", "chunk_size", "include_reduced_buckets");
        if (tstats.Options.Find("append") is { } append && Flag("tstats", tstats.Options, "append", false))
        {
            _bind.Report(DiagnosticFacts.OptionNotSupported(append.Span, "tstats", "append"));
        }

        if (tstats.From is { } from && tstats.DataModel is null)
        {
            return NotSupported(tstats, $"'from {from.Text}' names an index or namespace Ferret does not have; use from datamodel=<Model>.<Dataset>");
        }

        var aggregates = BindAggregations("tstats", tstats.Aggregations);
        var plan = new GroupedAggregation(aggregates, tstats.ByFields.Select(f => f.Text).ToList(), Span("tstats", tstats.Options),
            tstats.Options.Find("fillnull_value")?.Value.Text) { Command = "tstats" };
        var where = tstats.Where is null ? null : _search.Compile(tstats.Where);
        return new TstatsOperator(tstats.DataModel, where, plan, Flag("tstats", tstats.Options, "prestats", false));
    }

    private Operator? BindChart(ChartCommandNode chart)
    {
        var isTimechart = chart.Name == "timechart";
        CheckOptions(chart.Name, chart.Options, "span", "limit", "useother", "usenull", "bins", "minspan", "cont", "partial", "fixedrange");
        var aggregates = BindAggregations(chart.Name, chart.Aggregations);
        var limit = Integer(chart.Name, chart.Options, "limit", 10);
        var useOther = Flag(chart.Name, chart.Options, "useother", true);
        if (isTimechart)
        {
            // cont=false leaves the gaps in time unfilled (Search Reference, "timechart command", cont).
            var fill = Flag("timechart", chart.Options, "cont", true);
            if (Span("timechart", chart.Options) is not { } span)
            {
                return new TimechartAutoSpan(aggregates, First(chart.ByFields), limit, useOther, fill);
            }

            return new TimechartOperator(aggregates, FieldNames.Time, span, First(chart.ByFields), limit, useOther, fill);
        }

        var over = chart.Over?.Text ?? First(chart.ByFields);
        if (over is null)
        {
            return new StatsOperator(new GroupedAggregation(aggregates, []));
        }

        var split = chart.Over is null ? (chart.ByFields.Count > 1 ? chart.ByFields[1].Text : null) : First(chart.ByFields);
        return new TimechartOperator(aggregates, over, null, split, limit, useOther, fillEmptyBuckets: false);
    }

    private TopOperator BindTop(TopCommandNode top)
    {
        CheckOptions(top.Name, top.Options, "limit", "countfield", "percentfield", "showcount", "showperc", "useother", "otherstr");
        return new TopOperator(top.Name == "rare", top.Fields.Select(f => f.Text).ToList(), top.ByFields.Select(f => f.Text).ToList(),
            Integer(top.Name, top.Options, "limit", 10), top.Options.Find("countfield")?.Value.Text ?? "count",
            top.Options.Find("percentfield")?.Value.Text ?? "percent", Flag(top.Name, top.Options, "showcount", true),
            Flag(top.Name, top.Options, "showperc", true));
    }

    private TransactionOperator BindTransaction(TransactionCommandNode transaction)
    {
        CheckOptions("transaction", transaction.Options, "maxspan", "maxpause", "maxevents", "startswith", "endswith", "keepevicted", "mvlist", "connected");

        // connected only decides whether an event missing some of several fields may join; with one field (as ESCU
        // writes it) both values group alike, so only connected=false over several fields is refused as not honoured.
        if (transaction.Fields.Count > 1 && transaction.Options.Find("connected") is { } connected && !Flag("transaction", transaction.Options, "connected", true))
        {
            _bind.Report(DiagnosticFacts.OptionNotSupported(connected.Span, "transaction", "connected"));
        }

        double? Seconds(string name)
        {
            if (transaction.Options.Find(name) is not { } option)
            {
                return null;
            }

            if (BinSpan.TryParse(option.Value.Text, out var span))
            {
                return span.Unit is null ? span.Amount : span.Seconds;
            }

            _bind.Report(DiagnosticFacts.InvalidOptionValue(option.Value.Span, "transaction", name, option.Value.Text, "a duration such as 30s, 5m, 1h"));
            return null;
        }

        Predicate? Condition(string name)
        {
            if (transaction.Options.Find(name) is not { } option)
            {
                return null;
            }

            var text = option.Value.Text;
            if (text.StartsWith("eval(", StringComparison.OrdinalIgnoreCase) && text.EndsWith(')'))
            {
                var parsed = Spl.SplParser.ParseExpression(text[5..^1]);
                _bind.ReportAll(parsed.Diagnostics.Select(d => d.WithSpan(option.Value.Span)));
                if (parsed.Expression is null)
                {
                    return null;
                }

                var evaluator = _expressions.Compile(parsed.Expression);
                return (e, rt) => FunctionLibrary.IsTrue(evaluator(e, rt));
            }

            var search = Spl.SplParser.ParseSearchExpression(text);
            _bind.ReportAll(search.Diagnostics.Select(d => d.WithSpan(option.Value.Span)));
            return search.Expression is null ? null : _search.Compile(search.Expression);
        }

        return new TransactionOperator(transaction.Fields.Select(f => f.Text).ToList(), Seconds("maxspan"), Seconds("maxpause"),
            Integer("transaction", transaction.Options, "maxevents", 1000), Condition("startswith"), Condition("endswith"))
        {
            KeepEvicted = Flag("transaction", transaction.Options, "keepevicted", false),
            ListedFields = MvList(transaction.Options),
        };
    }

    /// <summary>transaction's <c>mvlist</c>: false (no field keeps every value), true (every field does, shown as
    /// <c>*</c>) or a list of the fields that do.</summary>
    private static HashSet<string> MvList(IReadOnlyList<CommandOption> options)
    {
        if (options.Find("mvlist") is not { } option)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var text = option.Value.Text.Trim('"');
        return BooleanWord(text) switch
        {
            true => new HashSet<string>(["*"], StringComparer.Ordinal),
            false => new HashSet<string>(StringComparer.Ordinal),
            null => new HashSet<string>(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal),
        };
    }

    private static string? First(IReadOnlyList<Word> words) => words.Count > 0 ? words[0].Text : null;

    private static SortOperator BindSort(SortCommandNode sort)
    {
        var keys = sort.Keys.Select(k => new SortSpec(k.Field.Text, k.IsDescending ^ sort.IsReversed, k.Comparison)).ToList();
        return new SortOperator(keys, sort.Limit ?? SortOperator.DefaultLimit);
    }

    private DedupOperator BindDedup(DedupCommandNode dedup)
    {
        CheckOptions("dedup", dedup.Options, "keepevents", "keepempty", "consecutive");
        var sortBy = dedup.SortBy.Count == 0
            ? null
            : new SortOperator(dedup.SortBy.Select(k => new SortSpec(k.Field.Text, k.IsDescending, k.Comparison)).ToList(), 0);
        return new DedupOperator(dedup.Fields.Select(f => f.Text).ToList(), Math.Max(1, dedup.Count ?? 1),
            Flag("dedup", dedup.Options, "keepempty", false), Flag("dedup", dedup.Options, "consecutive", false),
            Flag("dedup", dedup.Options, "keepevents", false), sortBy);
    }

    private Operator BindHead(HeadCommandNode head)
    {
        if (head.Name == "tail")
        {
            return new TailOperator(head.Count ?? 10);
        }

        CheckOptions("head", head.Options, "limit", "null", "keeplast");
        var count = head.Count ?? Integer("head", head.Options, "limit", 10);
        var condition = head.Condition is null ? null : _expressions.Compile(head.Condition);
        return new HeadOperator(count, condition, Flag("head", head.Options, "keeplast", false))
        {
            NullIsTrue = Flag("head", head.Options, "null", false),
        };
    }
}
