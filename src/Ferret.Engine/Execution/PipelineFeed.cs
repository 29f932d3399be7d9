using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>
/// One pipeline of an <see cref="IncrementalRun"/> (its main search, or a nested search that reads the same events)
/// fed one event at a time: the leading filters (<see cref="CompiledPipeline.FedPrefixLength"/>) test each event on
/// arrival; when a grouped aggregation (<see cref="IFeedableAggregation"/>: stats, or a leading tstats) follows them,
/// possibly behind more event-by-event commands, those commands and the aggregation also run on arrival and only the
/// groups are kept; otherwise the events the filters keep are held. A pipeline led by a data model's events
/// (<c>| from datamodel</c>, <c>| datamodel</c>) projects each event on arrival and runs every event-by-event command
/// behind it then too, holding only the projections that come through. <see cref="Finish"/> runs the rest.
/// </summary>
internal sealed class PipelineFeed
{
    private readonly CompiledPipeline _pipeline;
    private readonly RunContext _run;
    private readonly List<HeldEvent> _kept = [];

    /// <summary>The index of the fed aggregation in the operators, or -1 when the filtered events are held.</summary>
    private readonly int _aggregationAt = -1;

    /// <summary>A leading data model's projection of each event, or null when the pipeline reads the events as they are.</summary>
    private readonly Func<Event, Event?>? _projection;

    /// <summary>Where the operators that run in <see cref="Finish"/> over the held events start.</summary>
    private readonly int _heldFrom;

    private PipelineFeed(CompiledPipeline pipeline, RunContext run, int samplesPerGroup)
    {
        _pipeline = pipeline;
        _run = run;
        var operators = pipeline.Operators;
        var at = pipeline.FedPrefixLength;
        if (at == 0 && operators.Count > 0 && operators[0] is Operators.DatamodelOperator datamodel)
        {
            _projection = datamodel.StartFeed(run);
            at = 1;
        }

        while (at < operators.Count && operators[at] is StreamingOperator or CopyEventsOperator)
        {
            at++;
        }

        if (at < operators.Count && (at == 0 || operators[at].Kind != OperatorKind.Generating)
            && operators[at] is IFeedableAggregation feedable && feedable.StartFeed(run, samplesPerGroup) is { } feed)
        {
            _aggregationAt = at;
            Aggregation = feed;
        }

        _heldFrom = _projection is null ? pipeline.FedPrefixLength : at;
    }

    public int Kept => _kept.Count;

    /// <summary>Whether <paramref name="op"/> (one of the pipeline's) runs on each event as it arrives: the leading filters,
    /// the projection and the commands behind it, or those in front of the fed aggregation and the aggregation itself.</summary>
    public bool RunsOnArrival(Operator op)
    {
        var arriving = Aggregation is not null ? _aggregationAt + 1 : _heldFrom;
        for (var i = 0; i < arriving; i++)
        {
            if (ReferenceEquals(_pipeline.Operators[i], op))
            {
                return true;
            }
        }

        return false;
    }

    public AggregationFeed? Aggregation { get; }

    /// <summary>A feed of <paramref name="pipeline"/>, or null when nothing of it can run on arrival.</summary>
    public static PipelineFeed? TryStart(CompiledPipeline pipeline, RunContext run, int samplesPerGroup)
    {
        var feed = new PipelineFeed(pipeline, run, samplesPerGroup);
        return pipeline.FedPrefixLength > 0 || feed.Aggregation is not null || feed._projection is not null ? feed : null;
    }

    /// <summary>Feeds one event; true when the pipeline held it (or the projection or copy made of it) for
    /// <see cref="Finish"/>, false when its filters dropped it or it went into the fed aggregation.</summary>
    public bool Add(Event e)
    {
        var runtime = _run.Runtime;
        var operators = _pipeline.Operators;
        if (_projection is not null)
        {
            runtime.CurrentEvent = e;
            return _projection(e) is { } projected && RunStreaming(projected, 1, _heldFrom, sample: e);
        }

        for (var i = 0; i < _pipeline.FedPrefixLength; i++)
        {
            runtime.CurrentEvent = e;
            if (!((StreamingOperator)operators[i]).Process(e, _run))
            {
                return false;
            }
        }

        if (Aggregation is null)
        {
            _kept.Add(EventKeeping.KeepWith(_run.Search.Keeping, e));
            return true;
        }

        return RunStreaming(e, _pipeline.FedPrefixLength, _aggregationAt, sample: null);
    }

    /// <summary>Runs operators [<paramref name="from"/>, <paramref name="to"/>) of the streaming run over one event,
    /// then aggregates what comes through (offering <paramref name="sample"/>, else the event as it came through, to
    /// its groups' samples) or holds it; true when it was held.</summary>
    private bool RunStreaming(Event e, int from, int to, Event? sample)
    {
        if (Stream(e, from, to) is not { } current)
        {
            return false;
        }

        if (Aggregation is null)
        {
            _kept.Add(EventKeeping.KeepWith(_run.Search.Keeping, current));
            return true;
        }

        Aggregation.Add(current, sample ?? current, _run);
        return false;
    }

    /// <summary>Operators [<paramref name="from"/>, <paramref name="to"/>) of the streaming run over one event: what
    /// comes through (the event, or the copy made of it), or null when they drop it.</summary>
    private Event? Stream(Event e, int from, int to)
    {
        var runtime = _run.Runtime;
        var operators = _pipeline.Operators;
        var current = e;
        for (var i = from; i < to; i++)
        {
            if (operators[i] is not StreamingOperator streaming)
            {
                // The plan's copy in front of the first operator that changes events: the caller's event stays as read.
                current = current.CloneOnWrite();
                continue;
            }

            runtime.CurrentEvent = current;
            if (!streaming.Process(current, _run))
            {
                return null;
            }
        }

        runtime.CurrentEvent = current;
        return current;
    }

    /// <summary>The events the fed aggregation's groups sampled, each once, in arrival order (none without an
    /// aggregation), in slices cut at every <paramref name="width"/> arrivals (<see cref="HeldSlice.Cut"/>). One kept
    /// compact is read again and made as it was sampled: the raw event behind a projection as it is, else what the
    /// commands in front of the aggregation made of it.</summary>
    public IEnumerable<HeldSlice> SampleSlices(int width)
    {
        if (Aggregation is null)
        {
            return [];
        }

        return HeldSlice.Cut(Aggregation.Samples(), width, slice =>
            Recall(slice, routed => _projection is not null ? routed : Stream(routed, _pipeline.FedPrefixLength, _aggregationAt)));
    }

    /// <summary>The events <paramref name="held"/> stands for, in order: a whole one as it is, one kept compact read
    /// again and remade by <paramref name="remake"/>; those that cannot be read again (reported) or remade are left out.</summary>
    private List<Event> Recall(HeldEvent[] held, Func<Event, Event?> remake)
    {
        var recalled = EventKeeping.RecallWith(_run.Search.Keeping, held);
        var events = new List<Event>(recalled.Length);
        for (var i = 0; i < recalled.Length; i++)
        {
            if (held[i].Whole is { } whole)
            {
                events.Add(whole);
            }
            else if (recalled[i] is { } routed && remake(routed) is { } made)
            {
                events.Add(made);
            }
        }

        return events;
    }

    /// <summary>The rest of the pipeline over the kept events or the aggregation's rows: the pipeline's results.</summary>
    public IEnumerable<Event> Finish()
    {
        IEnumerable<Event> stream = Aggregation is null ? Replay() : Aggregation.Results();
        var operators = _pipeline.Operators;
        for (var i = Aggregation is null ? _heldFrom : _aggregationAt + 1; i < operators.Count; i++)
        {
            stream = operators[i].Execute(stream, _run);
        }

        return stream;
    }

    /// <summary>A held event recalled as read made again into what the pipeline held: its projection through the commands
    /// behind it for a pipeline led by a data model's events, else the event itself.</summary>
    private Event? Remake(Event routed)
    {
        if (_projection is null)
        {
            return routed;
        }

        _run.Runtime.CurrentEvent = routed;
        return _projection(routed) is { } projected ? Stream(projected, 1, _heldFrom) : null;
    }

    /// <summary>How many kept events <see cref="Replay"/> reads again at a time.</summary>
    private const int ReplaySliceSize = 1024;

    /// <summary>The kept events, each made the current event as it is handed on, as the prefix's last operator did when it
    /// yielded it; read again a slice at a time, so a pipeline that holds none of them (stats) holds one slice, not all.</summary>
    private IEnumerable<Event> Replay()
    {
        foreach (var slice in _kept.Chunk(ReplaySliceSize))
        {
            foreach (var e in Recall(slice, Remake))
            {
                _run.Runtime.CurrentEvent = e;
                yield return e;
            }
        }
    }
}
