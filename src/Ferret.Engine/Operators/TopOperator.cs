using System.Globalization;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>top</c> / <c>rare</c> (Search Reference, "top command"): the most (least) common combinations of the fields'
/// values, with <c>count</c> and <c>percent</c> (of the results that have the fields), at most <c>limit</c> (default 10,
/// 0 = all) per by-group; ties keep first-seen order.
/// </summary>
public sealed class TopOperator(
    bool rare, IReadOnlyList<string> fields, IReadOnlyList<string> byFields, int limit, string countField, string percentField,
    bool showCount, bool showPercent) : BlockingOperator(rare ? "rare" : "top")
{
    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var groups = new Dictionary<string, (Event Template, Dictionary<string, (Event Row, long Count, int Order)> Values, long Total)>(StringComparer.Ordinal);
        var groupOrder = new List<string>();
        var budget = new GroupBudget(Name, "values", "the results with other values were not counted");
        foreach (var e in input)
        {
            if (byFields.Any(f => !e.Has(f)) || fields.Any(f => !e.Has(f)))
            {
                continue;
            }

            var groupKey = string.Join('\u001f', byFields.Select(f => e[f].ToString()));
            var valueKey = string.Join('\u001f', fields.Select(f => e[f].ToString()));
            var known = groups.TryGetValue(groupKey, out var group);
            if ((!known || !group.Values.ContainsKey(valueKey))
                && !budget.TryAdd(groupKey.Length + valueKey.Length, GroupBudget.StateBytes * (fields.Count + byFields.Count + 2), run.Runtime))
            {
                continue;
            }

            if (!known)
            {
                var template = new Event();
                foreach (var f in byFields)
                {
                    template.Set(f, e[f]);
                }

                group = (template, new Dictionary<string, (Event, long, int)>(StringComparer.Ordinal), 0);
                groupOrder.Add(groupKey);
            }

            if (group.Values.TryGetValue(valueKey, out var entry))
            {
                group.Values[valueKey] = (entry.Row, entry.Count + 1, entry.Order);
            }
            else
            {
                var row = group.Template.Clone();
                foreach (var f in fields)
                {
                    row.Set(f, e[f]);
                }

                group.Values[valueKey] = (row, 1, group.Values.Count);
            }

            groups[groupKey] = (group.Template, group.Values, group.Total + 1);
        }

        foreach (var groupKey in groupOrder)
        {
            var group = groups[groupKey];
            var ordered = rare
                ? group.Values.Values.OrderBy(v => v.Count).ThenBy(v => v.Order)
                : group.Values.Values.OrderByDescending(v => v.Count).ThenBy(v => v.Order);
            foreach (var (row, count, _) in limit > 0 ? ordered.Take(limit) : ordered)
            {
                if (showCount)
                {
                    row.Set(countField, FieldValue.Of(count));
                }

                if (showPercent)
                {
                    var percent = Math.Round(count * 100.0 / group.Total, 6);
                    row.Set(percentField, FieldValue.Of(percent.ToString("0.######", CultureInfo.InvariantCulture)));
                }

                yield return row;
            }
        }
    }
}
