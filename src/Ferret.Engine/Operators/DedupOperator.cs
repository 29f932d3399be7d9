using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>dedup [N] fields [keepempty=] [consecutive=] [keepevents=] [sortby ...]</c> (Search Reference, "dedup command"):
/// keeps the first N results for each combination of the fields' values; results lacking any of the fields are dropped
/// unless <c>keepempty=true</c>; <c>consecutive=true</c> only removes runs of duplicates; <c>keepevents=true</c> keeps
/// duplicates but removes the fields from them.
/// </summary>
public sealed class DedupOperator(
    IReadOnlyList<string> fields, int count, bool keepEmpty, bool consecutive, bool keepEvents, SortOperator? sortBy) : BlockingOperator("dedup")
{
    public override bool MutatesEvents => keepEvents;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var output = Deduplicate(input, run);
        return sortBy is null ? output : sortBy.Execute(output, run);
    }

    private IEnumerable<Event> Deduplicate(IEnumerable<Event> input, RunContext run)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var budget = new GroupBudget("dedup", "combinations of values", "results with other combinations were kept without removing their duplicates");
        string? previous = null;
        foreach (var e in input)
        {
            if (fields.Any(f => !e.Has(f)))
            {
                if (keepEmpty)
                {
                    yield return e;
                }

                continue;
            }

            var key = string.Join('\u001f', fields.Select(f => string.Join('\u001e', e[f].Texts)));
            if (consecutive)
            {
                if (key != previous)
                {
                    previous = key;
                    yield return e;
                }
                else if (keepEvents)
                {
                    yield return Strip(e);
                }

                continue;
            }

            if (!seen.TryGetValue(key, out var n) && !budget.TryAdd(key.Length, 0, run.Runtime))
            {
                yield return e;
                continue;
            }

            seen[key] = n + 1;
            if (n < count)
            {
                yield return e;
            }
            else if (keepEvents)
            {
                yield return Strip(e);
            }
        }
    }

    private Event Strip(Event e)
    {
        foreach (var f in fields)
        {
            e.Remove(f);
        }

        return e;
    }
}

/// <summary><c>head N</c> (default 10) or <c>head (expr)</c>: the first results, or results while the expression is true.</summary>
public sealed class HeadOperator(int count, Planning.Evaluator? condition, bool keepLast) : BlockingOperator("head")
{
    /// <summary><c>null=true</c>: an expression whose result is null counts as true, so head goes on (Search Reference,
    /// "head": by default a null result ends the results like false does).</summary>
    public bool NullIsTrue { get; init; }

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        if (condition is null)
        {
            return input.Take(count);
        }

        return While(input, run);
    }

    private IEnumerable<Event> While(IEnumerable<Event> input, RunContext run)
    {
        foreach (var e in input)
        {
            var result = condition!(e, run.Runtime);
            if (!(Functions.FunctionLibrary.IsTrue(result) || (NullIsTrue && result.IsNull)))
            {
                if (keepLast)
                {
                    yield return e;
                }

                yield break;
            }

            yield return e;
        }
    }
}

/// <summary><c>tail N</c> (default 10): the last N results, in reverse order (Search Reference, "tail command").</summary>
public sealed class TailOperator(int count) : BlockingOperator("tail")
{
    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var buffer = new Queue<Event>();
        foreach (var e in input)
        {
            buffer.Enqueue(e);
            if (buffer.Count > count)
            {
                buffer.Dequeue();
            }
        }

        return buffer.Reverse();
    }
}
