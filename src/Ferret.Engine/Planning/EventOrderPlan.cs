using Ferret.Engine.Execution;
using Ferret.Engine.Operators;
using Ferret.Spl.Syntax;

namespace Ferret.Engine.Planning;

/// <summary>
/// Where a search over raw events restores Splunk's search order, newest first (Search Reference, "head command": a
/// historical search returns the most recent events first). Readers give events in file order and never reverse a file;
/// instead one <see cref="NewestFirstOperator"/> goes right after the leading filters (search, where, regex: they treat
/// each event on its own, so order does not matter to them and the sort holds only what they keep), and only when
/// the order can show: a command up to the first aggregation depends on it (head, tail, dedup, streamstats,
/// transaction, eventstats, accum, delta, sort's ties...), the aggregation itself does (first, last, list), or the
/// events themselves are the results. A search whose events go straight into stats, chart, timechart, top or rare
/// without first/last/list gets no sort, so those keep their flat memory.
/// </summary>
internal static class EventOrderPlan
{
    /// <summary>Commands that pass each event on, in the order given, without looking at the others.</summary>
    private static readonly HashSet<string> KeepOrder = new(StringComparer.OrdinalIgnoreCase)
    {
        "search", "where", "regex", "eval", "rex", "rename", "fields", "fillnull", "mvexpand", "makemv", "convert",
        "bin", "bucket", "spath", "xmlkv", "fromjson", "iplocation", "nomv", "replace", "lookup", "foreach", "extract",
        "multikv", "cyberchef", "table",
    };

    /// <summary>Aggregations whose answer is the same whatever order their input comes in, unless they use one of
    /// <see cref="OrderSensitiveFunctions"/>.</summary>
    private static readonly HashSet<string> OrderFreeAggregations = new(StringComparer.OrdinalIgnoreCase)
    {
        "stats", "chart", "timechart", "top", "rare",
    };

    /// <summary>Statistical functions that answer from the order of their input (Search Reference, "Time functions"
    /// and "Multivalue stats and chart functions": first and last are the first and last seen, list keeps that order).</summary>
    private static readonly HashSet<string> OrderSensitiveFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "first", "last", "list",
    };

    /// <summary>Inserts the newest-first ordering into <paramref name="operators"/>, a plan over raw events whose
    /// operator i was bound from <paramref name="commands"/>[i], where the order can show.</summary>
    public static void Apply(List<Operator> operators, IReadOnlyList<CommandNode> commands)
    {
        var position = operators.TakeWhile(op => op is StreamingOperator { OnlyFilters: true }).Count();
        if (NeedsOrder(commands.Skip(position)))
        {
            operators.Insert(position, new NewestFirstOperator());
        }
    }

    private static bool NeedsOrder(IEnumerable<CommandNode> commands)
    {
        foreach (var command in commands)
        {
            if (KeepOrder.Contains(command.Name))
            {
                continue;
            }

            return !OrderFreeAggregations.Contains(command.Name) || UsesOrderSensitiveFunction(command);
        }

        return true;
    }

    private static bool UsesOrderSensitiveFunction(CommandNode command)
    {
        var aggregations = command switch
        {
            StatsCommandNode stats => stats.Aggregations,
            ChartCommandNode chart => chart.Aggregations,
            _ => [],
        };
        return aggregations.Any(a => OrderSensitiveFunctions.Contains(a.Function));
    }
}
