using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>accum field [AS new]</c>: the running total of a numeric field, in result order (Search Reference, "accum"). A
/// result whose field is not a number gets no total and leaves the total as it was. Blocking because it keeps state
/// across results; it still yields each result as it comes.
/// </summary>
public sealed class AccumOperator(string field, string output) : BlockingOperator("accum")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        double total = 0;
        foreach (var e in input)
        {
            if (e[field].First.TryGetNumber(out var n))
            {
                total += n;
                e.Set(output, FieldValue.Of(total));
            }

            yield return e;
        }
    }
}

/// <summary>
/// <c>delta field [AS new] [p=N]</c>: the field's value minus its value N results earlier (default 1), in result order
/// (Search Reference, "delta"); the default output name is <c>delta(field)</c>. No delta where either value is not a
/// number, nor for the first N results.
/// </summary>
public sealed class DeltaOperator(string field, string output, int period) : BlockingOperator("delta")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var previous = new Queue<double?>(period + 1);
        foreach (var e in input)
        {
            double? current = e[field].First.TryGetNumber(out var n) ? n : null;
            if (previous.Count == period && previous.Dequeue() is { } earlier && current is { } now)
            {
                e.Set(output, FieldValue.Of(now - earlier));
            }

            previous.Enqueue(current);
            yield return e;
        }
    }
}

/// <summary>
/// <c>mvcombine [delim=s] field</c>: results identical except for the field become one result whose field holds every
/// value, in result order (Search Reference, "mvcombine"). Internal fields (names starting with '_') do not make
/// results different. The first result of each group keeps its place.
/// </summary>
public sealed class MvcombineOperator(string field) : BlockingOperator("mvcombine")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var groups = new Dictionary<string, (Event First, List<Scalar> Values)>(StringComparer.Ordinal);
        var order = new List<Event>();
        foreach (var e in RowBudget.Collect(input, run, "mvcombine"))
        {
            if (!e.Has(field))
            {
                order.Add(e);
                continue;
            }

            var key = string.Join('\u001f', e.Fields.Where(p => p.Key != field && !p.Key.StartsWith('_'))
                .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + '\u001e' + string.Join('\u001e', p.Value.Texts)));
            if (groups.TryGetValue(key, out var group))
            {
                group.Values.AddRange(e[field].Values);
                continue;
            }

            groups[key] = (e, [.. e[field].Values]);
            order.Add(e);
        }

        foreach (var (first, values) in groups.Values)
        {
            first.Set(field, FieldValue.Multi(values));
        }

        return order;
    }
}
