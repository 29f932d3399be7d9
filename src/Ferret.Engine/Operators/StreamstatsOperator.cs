using Ferret.Engine.Aggregation;
using Ferret.Engine.Execution;
using Ferret.Engine.Functions;
using Ferret.Engine.Limits;
using Ferret.Engine.Planning;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>When <c>streamstats</c> starts over (Search Reference, "streamstats command"): <c>reset_on_change=true</c>
/// when the by-field values differ from the previous result's, <c>reset_before="(expr)"</c> before the result whose
/// expression is true is counted, <c>reset_after="(expr)"</c> after it is counted (the expression can read the fields
/// streamstats has just added). A reset clears every group and window, as if the next result were the first.</summary>
public sealed record StreamstatsResets(bool OnChange, Evaluator? Before, Evaluator? After)
{
    public static StreamstatsResets None { get; } = new(false, null, null);
}

/// <summary>
/// <c>streamstats</c>: running aggregates in result order, per group (Search Reference, "streamstats command");
/// <c>current=false</c> leaves the current result out; <c>window=N</c> covers the last N results of the group;
/// <see cref="StreamstatsResets"/> says when it starts over.
/// </summary>
public sealed class StreamstatsOperator(GroupedAggregation plan, bool current, int window, StreamstatsResets resets) : BlockingOperator("streamstats")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var running = new Dictionary<string, PartialAggregate>(StringComparer.Ordinal);
        var windows = new Dictionary<string, Queue<Event>>(StringComparer.Ordinal);
        var budget = NewBudget();
        string? previousKey = null;
        foreach (var e in input)
        {
            run.Runtime.CurrentEvent = e;
            var keys = plan.KeysOf(e).ToList();
            var key = keys.Count == 0 ? null : string.Join('\u001f', keys[0].Select(k => k.ToString()));
            var changed = resets.OnChange && previousKey is not null && key != previousKey;
            if (changed || IsTrue(resets.Before, e, run))
            {
                running.Clear();
                windows.Clear();
                budget = NewBudget();
            }

            previousKey = key;
            if (key is null || !Admit(key, e, running, windows, budget, run))
            {
                yield return e;
                continue;
            }

            var result = window > 0 ? Windowed(e, key, windows, run) : Running(e, key, running, run);
            if (result is not null)
            {
                plan.CopyAggregates(result, e);
            }

            if (IsTrue(resets.After, e, run))
            {
                running.Clear();
                windows.Clear();
                budget = NewBudget();
            }

            yield return e;
        }
    }

    private static GroupBudget NewBudget() => new("streamstats", "groups", "the results of other groups got no running aggregates");

    /// <summary>Whether the group of <paramref name="key"/> is kept: a new one only within the run's memory limit, counting
    /// the results its window holds.</summary>
    private bool Admit(string key, Event e, Dictionary<string, PartialAggregate> running, Dictionary<string, Queue<Event>> windows, GroupBudget budget, RunContext run) =>
        running.ContainsKey(key) || windows.ContainsKey(key)
        || budget.TryAdd(key.Length, window > 0 ? window * RowBudget.EstimateBytes(e) : GroupBudget.StateBytes * plan.Aggregates.Count, run.Runtime);

    private static bool IsTrue(Evaluator? condition, Event e, RunContext run) =>
        condition is not null && FunctionLibrary.IsTrue(condition(e, run.Runtime));

    private Event? Windowed(Event e, string key, Dictionary<string, Queue<Event>> windows, RunContext run)
    {
        if (!windows.TryGetValue(key, out var queue))
        {
            queue = new Queue<Event>();
            windows[key] = queue;
        }

        var snapshot = e.Clone();
        if (current)
        {
            Enqueue(queue, snapshot);
        }

        var partial = plan.NewPartial();
        foreach (var item in queue)
        {
            partial.Add(item, run.Runtime);
        }

        var result = queue.Count == 0 ? null : partial.ResultFor(e);
        if (!current)
        {
            Enqueue(queue, snapshot);
        }

        return result;
    }

    private void Enqueue(Queue<Event> queue, Event snapshot)
    {
        queue.Enqueue(snapshot);
        while (queue.Count > window)
        {
            queue.Dequeue();
        }
    }

    private Event? Running(Event e, string key, Dictionary<string, PartialAggregate> running, RunContext run)
    {
        if (!running.TryGetValue(key, out var partial))
        {
            partial = plan.NewPartial();
            running[key] = partial;
        }

        if (current)
        {
            partial.Add(e, run.Runtime);
            return partial.ResultFor(e);
        }

        var result = partial.GroupCount == 0 ? null : partial.ResultFor(e);
        partial.Add(e.Clone(), run.Runtime);
        return result;
    }
}
