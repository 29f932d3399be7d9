using Ferret.Engine.DataModels;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Engine.Operators;

/// <summary><c>| makeresults [count=N]</c>: N results with only <c>_time</c> (the search's start time); with
/// <c>format=csv|json data="..."</c>, one result per CSV row or JSON object (Search Reference, "makeresults command").</summary>
public sealed class MakeresultsOperator(int count, IReadOnlyList<Event>? data = null) : Operator("makeresults")
{
    public override OperatorKind Kind => OperatorKind.Generating;

    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run)
    {
        var now = Math.Floor(EpochTime.FromDateTimeOffset(run.Runtime.SearchStart));
        if (data is not null)
        {
            foreach (var row in data)
            {
                var copy = row.Clone();
                if (!copy.Has(FieldNames.Time))
                {
                    copy.Time = now;
                }

                yield return copy;
            }

            yield break;
        }

        for (var i = 0; i < count; i++)
        {
            var e = new Event(1);
            e.Time = now;
            yield return e;
        }
    }
}

/// <summary>Resolves a data model dataset once per run; an unknown one is reported and yields nothing.</summary>
internal static class DataModelAccess
{
    public static IDataModelView? Resolve(RunContext run, string path, object owner) =>
        run.GetOrAdd((owner, "view", path), () =>
        {
            var view = run.Search.DataModels?.Resolve(path);
            if (view is null)
            {
                run.Report(run.Search.DataModels is null
                    ? $"data model '{path}' cannot be read: no data models are configured for this search"
                    : $"data model '{path}' was not found", ProblemSeverity.Error);
            }

            return new Box(view);
        }).View;

    public static IEnumerable<Event> Project(RunContext run, IDataModelView view)
    {
        foreach (var raw in run.Source)
        {
            run.Runtime.CurrentEvent = raw;
            if (view.TryProject(raw, out var projected))
            {
                yield return projected;
            }
        }
    }

    /// <summary>Like <see cref="Project"/>, with projections shared between readers: for operators that only read them.</summary>
    public static IEnumerable<Event> ProjectShared(RunContext run, IDataModelView view)
    {
        foreach (var raw in run.Source)
        {
            run.Runtime.CurrentEvent = raw;
            if (view.TryProjectShared(raw, out var projected))
            {
                yield return projected;
            }
        }
    }

    private sealed record Box(IDataModelView? View);
}

/// <summary><c>| datamodel Model Dataset search</c> and <c>| from datamodel:Model.Dataset</c>: the dataset's events, with dataset-prefixed CIM fields.</summary>
public sealed class DatamodelOperator(string name, string path) : Operator(name)
{
    public override OperatorKind Kind => OperatorKind.Generating;

    public override bool CreatesRows => true;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run) =>
        DataModelAccess.Resolve(run, path, this) is { } view ? DataModelAccess.Project(run, view) : [];

    /// <summary>The per-event half of <see cref="Execute"/> for a fed run: the event's projection (a copy of its own),
    /// or null when it is not in the dataset (or the dataset is unknown, reported once).</summary>
    public Func<Event, Event?> StartFeed(RunContext run)
    {
        var view = DataModelAccess.Resolve(run, path, this);
        return raw => view is not null && view.TryProject(raw, out var projected) ? projected : null;
    }
}

/// <summary>Reads the run's events (the "index") for a pipeline that starts with a search.</summary>
public sealed class EventSourceOperator() : Operator("events")
{
    public override OperatorKind Kind => OperatorKind.Generating;

    public override IEnumerable<Event> Execute(IEnumerable<Event> input, RunContext run) => run.Source;
}
