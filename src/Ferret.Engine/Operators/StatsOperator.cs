using Ferret.Engine.Aggregation;
using Ferret.Engine.Execution;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary><c>stats</c>: one row per group (Search Reference, "stats command").</summary>
public sealed class StatsOperator(GroupedAggregation plan) : BlockingOperator("stats"), IFeedableAggregation
{
    public GroupedAggregation Plan => plan;

    public AggregationFeed StartFeed(RunContext run, int samplesPerGroup) => new StatsFeed(plan.NewPartial(samplesPerGroup));

    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var partial = plan.NewPartial();
        var runtime = run.Runtime;
        foreach (var e in input)
        {
            runtime.CurrentEvent = e;
            partial.Add(e, runtime);
        }

        return partial.Results();
    }
}

/// <summary><c>eventstats</c>: the aggregates of each result's group added to the result (Search Reference, "eventstats command").</summary>
public sealed class EventstatsOperator(GroupedAggregation plan) : BlockingOperator("eventstats")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var rows = RowBudget.Collect(input, run, "eventstats");
        var partial = plan.NewPartial();
        foreach (var e in rows)
        {
            run.Runtime.CurrentEvent = e;
            partial.Add(e, run.Runtime);
        }

        foreach (var e in rows)
        {
            if (partial.ResultFor(e) is { } result)
            {
                plan.CopyAggregates(result, e);
            }

            yield return e;
        }
    }
}

/// <summary>
/// <c>streamstats</c>: running aggregates in result order, per group (Search Reference, "streamstats command");
/// <c>current=false</c> leaves the current result out; <c>window=N</c> covers the last N results of the group.
/// </summary>
public sealed class StreamstatsOperator(GroupedAggregation plan, bool current, int window) : BlockingOperator("streamstats")
{
    public override bool MutatesEvents => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var running = new Dictionary<string, PartialAggregate>(StringComparer.Ordinal);
        var windows = new Dictionary<string, Queue<Event>>(StringComparer.Ordinal);
        foreach (var e in input)
        {
            run.Runtime.CurrentEvent = e;
            var keys = plan.KeysOf(e).ToList();
            if (keys.Count == 0)
            {
                yield return e;
                continue;
            }

            var key = string.Join('\u001f', keys[0].Select(k => k.ToString()));
            Event? result;
            if (window > 0)
            {
                if (!windows.TryGetValue(key, out var queue))
                {
                    queue = new Queue<Event>();
                    windows[key] = queue;
                }

                var snapshot = e.Clone();
                if (current)
                {
                    queue.Enqueue(snapshot);
                    while (queue.Count > window)
                    {
                        queue.Dequeue();
                    }
                }

                var partial = plan.NewPartial();
                foreach (var item in queue)
                {
                    partial.Add(item, run.Runtime);
                }

                result = queue.Count == 0 ? null : partial.ResultFor(e);
                if (!current)
                {
                    queue.Enqueue(snapshot);
                    while (queue.Count > window)
                    {
                        queue.Dequeue();
                    }
                }
            }
            else
            {
                if (!running.TryGetValue(key, out var partial))
                {
                    partial = plan.NewPartial();
                    running[key] = partial;
                }

                if (current)
                {
                    partial.Add(e, run.Runtime);
                    result = partial.ResultFor(e);
                }
                else
                {
                    result = partial.GroupCount == 0 ? null : partial.ResultFor(e);
                    partial.Add(e.Clone(), run.Runtime);
                }
            }

            if (result is not null)
            {
                plan.CopyAggregates(result, e);
            }

            yield return e;
        }
    }
}
