using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Engine.Planning;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>transaction [fields] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=]</c> (Search Reference,
/// "transaction command"): groups events that share the fields' values, in time order, into one result whose fields
/// are the union of the events' values, with <c>_time</c> of the first event, <c>duration</c> (last minus first),
/// <c>eventcount</c>, and <c>_raw</c> the events' raw text joined by newlines, oldest first. The events arrive newest
/// first, as a search returns them; the transactions leave newest first too (by their <c>_time</c>, the earliest
/// member's), as every event result of a search does.
/// </summary>
public sealed class TransactionOperator(
    IReadOnlyList<string> fields, double? maxSpan, double? maxPause, int maxEvents, Predicate? startsWith, Predicate? endsWith)
    : BlockingOperator("transaction")
{
    public override bool CreatesRows => true;

    /// <summary>
    /// Builds transactions the way Splunk reads events, newest first: a transaction opens at its newest event (an
    /// <c>endswith</c> event when one is given) and grows back in time until <c>maxspan</c>, <c>maxpause</c> or
    /// <c>maxevents</c> would be exceeded or its <c>startswith</c> event is reached.
    /// </summary>
    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var open = new Dictionary<string, List<Event>>(StringComparer.Ordinal);
        var closed = new List<List<Event>>();
        foreach (var e in RowBudget.Collect(input, run, "transaction").OrderByDescending(e => e.Time ?? 0))
        {
            if (fields.Count > 0 && fields.All(f => !e.Has(f)))
            {
                continue;
            }

            var key = string.Join('\u001f', fields.Select(f => e[f].ToString()));
            var isEnd = endsWith?.Invoke(e, run.Runtime) ?? false;
            if (open.TryGetValue(key, out var current))
            {
                var newest = current[0].Time ?? 0;
                var oldest = current[^1].Time ?? 0;
                var time = e.Time ?? 0;
                if (isEnd || (maxSpan is { } span && newest - time > span) || (maxPause is { } pause && oldest - time > pause)
                    || (maxEvents > 0 && current.Count >= maxEvents))
                {
                    closed.Add(current);
                    open.Remove(key);
                    current = null;
                }
            }

            if (current is null)
            {
                if (endsWith is not null && !isEnd)
                {
                    continue;
                }

                current = [];
                open[key] = current;
            }

            current.Add(e);
            if (startsWith?.Invoke(e, run.Runtime) == true)
            {
                closed.Add(current);
                open.Remove(key);
            }
        }

        closed.AddRange(open.Values);
        return closed.Where(t => startsWith is null || startsWith(t[^1], run.Runtime))
            .Select(t => Merge(Enumerable.Reverse(t).ToList())).OrderByDescending(t => t.Time ?? 0);
    }

    private static Event Merge(List<Event> events)
    {
        var merged = new Event();
        var names = events.SelectMany(e => e.Fields.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            if (name is "_raw" or "_time")
            {
                continue;
            }

            merged.Set(name, FieldValue.Multi(events.SelectMany(e => e[name].Values).DistinctBy(v => v.ToString())));
        }

        var first = events[0].Time ?? 0;
        var last = events[^1].Time ?? 0;
        merged.Time = first;
        merged.Raw = string.Join('\n', events.Select(e => e.Raw).Where(r => r is not null));
        merged.Set("duration", FieldValue.Of(last - first));
        merged.Set("eventcount", FieldValue.Of(events.Count));
        return merged;
    }
}
