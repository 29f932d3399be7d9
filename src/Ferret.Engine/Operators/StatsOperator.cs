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
