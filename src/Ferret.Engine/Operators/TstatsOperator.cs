using Ferret.Engine.Aggregation;
using Ferret.Engine.Execution;
using Ferret.Engine.Planning;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary>
/// <c>| tstats</c> (Search Reference, "tstats command") computed from the events themselves: over a data model dataset
/// (each event projected through <see cref="DataModels.IDataModelView"/>, so <c>Processes.process_name</c> exists) or over
/// the events when no data model is named. <c>where</c> filters, <c>by</c> groups (with <c>_time span=</c>), and
/// <c>fillnull_value</c> stands in for a missing by field (else the event is left out, as stats does).
/// <c>prestats=t</c> passes the filtered events (with <c>_time</c> binned) on for a later stats/timechart.
/// <c>summariesonly</c> and <c>allow_old_summaries</c> have nothing to select between here: every event is used.
/// </summary>
public sealed class TstatsOperator(string? dataModel, Predicate? where, GroupedAggregation plan, bool prestats) : Operator("tstats"), IFeedableAggregation
{
    public override OperatorKind Kind => OperatorKind.Generating;

    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var view = dataModel is null ? null : DataModelAccess.Resolve(run, dataModel, this);
        if (dataModel is not null && view is null)
        {
            return prestats ? Prestats([], run) : plan.NewPartial().Results();
        }

        var runtime = run.Runtime;
        if (prestats)
        {
            return Prestats(view is null ? run.Source : DataModelAccess.Project(run, view), run);
        }

        // Aggregation only reads the projected events, so it can use the view's shared projections (no copy per event).
        var events = view is null ? run.Source : DataModelAccess.ProjectShared(run, view);

        var partial = plan.NewPartial();
        foreach (var e in events)
        {
            runtime.CurrentEvent = e;
            if (where is null || where(e, runtime))
            {
                partial.Add(e, runtime);
            }
        }

        return partial.Results();
    }

    /// <summary>Aggregating tstats fed event by event: each raw event is projected (shared), filtered by the where
    /// clause and added to its groups, the raw event offered as the group's sample. prestats passes events on, so it is
    /// not fed.</summary>
    public AggregationFeed? StartFeed(RunContext run, int samplesPerGroup)
    {
        if (prestats)
        {
            return null;
        }

        var view = dataModel is null ? null : DataModelAccess.Resolve(run, dataModel, this);
        return new TstatsFeed(plan.NewPartial(samplesPerGroup), dataModel is not null && view is null, view, where);
    }

    private IEnumerable<Event> Prestats(IEnumerable<Event> events, RunContext run)
    {
        foreach (var e in events)
        {
            if (where is not null && !where(e, run.Runtime))
            {
                continue;
            }

            if (plan.TimeSpan is { } span && e.Time is { } t)
            {
                var copy = e.Clone();
                copy.Time = span.Floor(t);
                yield return copy;
                continue;
            }

            yield return dataModel is null ? e.Clone() : e;
        }
    }
}

/// <summary>The per-event half of <see cref="TstatsOperator.Execute"/>.</summary>
internal sealed class TstatsFeed(PartialAggregate partial, bool unknownDataModel, DataModels.IDataModelView? view, Predicate? where) : AggregationFeed(partial)
{
    /// <summary>Projects the raw <paramref name="e"/> itself; the raw event is what its groups sample.</summary>
    public override void Add(Event e, Event sample, RunContext run)
    {
        if (unknownDataModel)
        {
            return;
        }

        var projected = e;
        if (view is not null && !view.TryProjectShared(e, out projected))
        {
            return;
        }

        var runtime = run.Runtime;
        runtime.CurrentEvent = projected;
        if (where is null || where(projected, runtime))
        {
            Partial.Add(projected, runtime, e);
        }
    }
}
