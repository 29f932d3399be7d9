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
/// member's), as every event result of a search does. A field's values are, by default, the set of its distinct values
/// sorted lexicographically; with <c>mvlist=true</c> (or the field named in <c>mvlist=f1,f2</c>) every value of every
/// member, duplicates kept, oldest member first. A transaction that ends without its closing condition (its
/// <c>startswith</c> event) is evicted: dropped, unless <c>keepevicted=true</c>, which keeps it with
/// <c>closed_txn=0</c> beside the closed ones' <c>closed_txn=1</c> (a transaction closed by maxspan, maxpause, maxevents
/// or startswith).
/// </summary>
public sealed class TransactionOperator(
    IReadOnlyList<string> fields, double? maxSpan, double? maxPause, int maxEvents, Predicate? startsWith, Predicate? endsWith)
    : BlockingOperator("transaction")
{
    public override bool CreatesRows => true;

    /// <summary><c>keepevicted</c>: output evicted transactions too, every transaction with <c>closed_txn</c>.</summary>
    public bool KeepEvicted { get; init; }

    /// <summary><c>mvlist</c>: the fields whose values stay a list (<c>*</c>: every field); the others are sorted sets.</summary>
    public IReadOnlySet<string> ListedFields { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// Builds transactions the way Splunk reads events, newest first: a transaction opens at its newest event (an
    /// <c>endswith</c> event when one is given) and grows back in time until <c>maxspan</c>, <c>maxpause</c> or
    /// <c>maxevents</c> would be exceeded or its <c>startswith</c> event is reached.
    /// </summary>
    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var open = new Dictionary<string, List<Event>>(StringComparer.Ordinal);
        // Each finished transaction with whether it closed: by its startswith event, or (with no startswith) by maxspan,
        // maxpause, maxevents or the next endswith event. A transaction still open at the end is evicted.
        var finished = new List<(List<Event> Events, bool Closed)>();
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
                    finished.Add((current, startsWith is null));
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
                finished.Add((current, true));
                open.Remove(key);
            }
        }

        // Evicted transactions are dropped unless keepevicted; Splunk outputs them anyway when there is no startswith.
        var output = finished.Concat(open.Values.Select(t => (Events: t, Closed: false)))
            .Where(t => t.Closed || KeepEvicted || startsWith is null);
        return output.Select(t => Merge(Enumerable.Reverse(t.Events).ToList(), t.Closed)).OrderByDescending(t => t.Time ?? 0);
    }

    private Event Merge(List<Event> events, bool closedTransaction)
    {
        var merged = new Event();
        var names = events.SelectMany(e => e.Fields.Keys).Distinct(StringComparer.Ordinal).ToList();
        foreach (var name in names)
        {
            if (name is "_raw" or "_time")
            {
                continue;
            }

            var values = events.SelectMany(e => e[name].Values);
            merged.Set(name, FieldValue.Multi(ListedFields.Contains("*") || ListedFields.Contains(name)
                ? values
                : values.DistinctBy(v => v.ToString()).OrderBy(v => v.ToString(), StringComparer.Ordinal)));
        }

        var first = events[0].Time ?? 0;
        var last = events[^1].Time ?? 0;
        merged.Time = first;
        merged.Raw = string.Join('\n', events.Select(e => e.Raw).Where(r => r is not null));
        merged.Set("duration", FieldValue.Of(last - first));
        merged.Set("eventcount", FieldValue.Of(events.Count));
        if (KeepEvicted)
        {
            merged.Set("closed_txn", FieldValue.Of(closedTransaction ? 1 : 0));
        }

        return merged;
    }
}
