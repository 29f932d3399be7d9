using Ferret.Engine.Aggregation;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>timechart</c> and <c>chart</c> (Search Reference, "timechart command", "chart command"): aggregates per row key
/// (the <c>_time</c> bucket, or the <c>over</c> field) and, with a split-by field, one column per split value (named
/// <c>value</c>, or <c>agg: value</c> with several aggregates), keeping the <c>limit</c> (default 10) largest split values and
/// summing the rest into <c>OTHER</c> when <c>useother=true</c>. timechart fills empty buckets over the searched span
/// (count 0; <see cref="TimechartBuckets"/>) unless <c>cont=false</c>; chart does not. Both put 0 in a count-like cell of a row whose split value had no events.
/// </summary>
public sealed class TimechartOperator(
    IReadOnlyList<AggregateBinding> aggregates, string rowField, BinSpan? span, string? splitBy, int limit, bool useOther, bool fillEmptyBuckets)
    : BlockingOperator("timechart")
{
    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var byFields = splitBy is null ? new[] { rowField } : new[] { rowField, splitBy };
        var plan = new GroupedAggregation(aggregates, byFields, span) { Command = span is null ? "chart" : "timechart" };
        var partial = plan.NewPartial();
        foreach (var e in input)
        {
            run.Runtime.CurrentEvent = e;
            partial.Add(e, run.Runtime);
        }

        var cells = partial.Results().ToList();
        if (splitBy is null)
        {
            return FillBuckets(cells.Select(c => c.Clone()).ToList(), run);
        }

        return Pivot(cells, run);
    }

    private List<Event> Pivot(List<Event> cells, RunContext run)
    {
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            var split = cell[splitBy!].ToString();
            var measure = cell[aggregates[0].OutputName].First.TryGetNumber(out var n) ? n : 0;
            totals[split] = totals.GetValueOrDefault(split) + measure;
        }

        var kept = totals.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(limit > 0 ? limit : int.MaxValue).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, Event>(StringComparer.Ordinal);
        var order = new List<Event>();
        foreach (var cell in cells)
        {
            var rowKey = cell[rowField].ToString();
            if (!rows.TryGetValue(rowKey, out var row))
            {
                row = new Event();
                row.Set(rowField, cell[rowField]);
                rows[rowKey] = row;
                order.Add(row);
            }

            var split = cell[splitBy!].ToString();
            var isOther = !kept.Contains(split);
            if (isOther && !useOther)
            {
                continue;
            }

            foreach (var aggregate in aggregates)
            {
                var column = (aggregates.Count > 1 ? aggregate.OutputName + ": " : string.Empty) + (isOther ? "OTHER" : split);
                var value = cell[aggregate.OutputName];
                if (isOther && row[column].First.TryGetNumber(out var sum) && value.First.TryGetNumber(out var add))
                {
                    value = FieldValue.Of(sum + add);
                }

                row.Set(column, value);
            }
        }

        FillCountColumns(order);
        return FillBuckets(order, run);
    }

    /// <summary>A split value with no events in a row counts 0 there, in chart as in timechart (a count-like cell is
    /// never left empty; an avg or max cell is).</summary>
    private void FillCountColumns(List<Event> rows)
    {
        var columns = rows.SelectMany(r => r.Fields.Keys).Where(k => k != rowField && IsCountLike(k)).Distinct(StringComparer.Ordinal).ToList();
        foreach (var row in rows)
        {
            foreach (var column in columns.Where(c => !row.Has(c)))
            {
                row.Set(column, FieldValue.Of(0));
            }
        }
    }

    private List<Event> FillBuckets(List<Event> rows, RunContext run)
    {
        if (!fillEmptyBuckets || span is null || rows.Count == 0)
        {
            return rows;
        }

        var byTime = rows.Where(r => r[rowField].First.TryGetNumber(out _)).ToDictionary(r => r[rowField].First.Number is var n && !double.IsNaN(n) ? n : double.Parse(r[rowField].Text!, System.Globalization.CultureInfo.InvariantCulture));
        if (byTime.Count == 0 || TimechartBuckets.Starts(span, byTime.Keys.Min(), byTime.Keys.Max(), run) is not { } starts)
        {
            return rows;
        }

        var columns = rows.SelectMany(r => r.Fields.Keys).Where(k => k != rowField).Distinct(StringComparer.Ordinal).ToList();
        var result = new List<Event>(starts.Count);
        foreach (var t in starts)
        {
            if (!byTime.TryGetValue(t, out var row))
            {
                row = new Event();
                row.Set(rowField, FieldValue.Of(t));
            }

            foreach (var column in columns)
            {
                if (!row.Has(column) && IsCountLike(column))
                {
                    row.Set(column, FieldValue.Of(0));
                }
            }

            result.Add(row);
        }

        return result;
    }

    private bool IsCountLike(string column) =>
        aggregates.Any(a => (a.Function is "count" or "c" or "dc" or "distinct_count" or "sum")
            && (column == a.OutputName || column.StartsWith(a.OutputName + ": ", StringComparison.Ordinal) || aggregates.Count == 1));
}
