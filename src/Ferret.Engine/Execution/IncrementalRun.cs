using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>
/// One run of a compiled search fed one event at a time, as a reader produces them: the leading filters
/// (<see cref="CompiledPipeline.FedPrefixLength"/>: search, where, regex) test each event on arrival. When a grouped
/// aggregation (stats, or tstats leading the search: <see cref="IFeedableAggregation"/>) follows them, possibly behind
/// more event-by-event commands (eval, rename, rex...), those commands and the aggregation also run on arrival and
/// nothing but the groups is kept; otherwise the events the filters keep are held (the caller's own events, not
/// copies). The rest of the pipeline runs in <see cref="Finish"/>. The results equal
/// <see cref="CompiledSearch.Run"/> over the same events in the same order, because a streaming operator handles each
/// event on its own (Search Reference, "Command types": streaming commands apply to each event independently) and an
/// aggregation's partial state over events in order is its state over all of them, so applying the front of the
/// pipeline event by event and the rest afterwards is the same composition. Only pipelines that never read the run's
/// events a second time (no subsearch, join, append or map) can be fed: see <see cref="TryStart"/>.
/// Not thread-safe: one thread feeds it at a time.
/// </summary>
public sealed class IncrementalRun
{
    private readonly CompiledPipeline _pipeline;
    private readonly RunContext _run;
    private readonly List<Event> _kept = [];

    /// <summary>The index of the fed aggregation in the pipeline's operators (the event-by-event operators between the
    /// filters and it run on arrival too), or -1 when the run holds the filtered events instead.</summary>
    private readonly int _aggregationAt = -1;
    private readonly AggregationFeed? _aggregation;

    private IncrementalRun(CompiledPipeline pipeline, SearchContext context, int samplesPerGroup)
    {
        _pipeline = pipeline;
        _run = new RunContext(context, NotReadable.Instance);
        var operators = pipeline.Operators;
        var at = pipeline.FedPrefixLength;
        while (at < operators.Count && operators[at] is StreamingOperator or CopyEventsOperator)
        {
            at++;
        }

        if (at < operators.Count && (at == 0 || operators[at].Kind != OperatorKind.Generating)
            && operators[at] is IFeedableAggregation feedable && feedable.StartFeed(_run, samplesPerGroup) is { } feed)
        {
            _aggregationAt = at;
            _aggregation = feed;
        }
    }

    /// <summary>How many events were fed.</summary>
    public long Fed { get; private set; }

    /// <summary>The events the prefix kept so far (what is held in memory besides an aggregation's groups).</summary>
    public int Kept => _kept.Count;

    /// <summary>The aggregation fed as events arrive, or null when the run holds the filtered events.</summary>
    public AggregationFeed? Aggregation => _aggregation;

    /// <summary>A fed run of <paramref name="search"/>, or null when it cannot be fed: it has errors, neither leading
    /// event-by-event operators nor a leading aggregation, or reads its events again
    /// (<see cref="CompiledSearch.ReadsEventsAgain"/>: a subsearch, join, append, map). A fed aggregation keeps
    /// <paramref name="samplesPerGroup"/> events of each group (<see cref="AggregationFeed.Samples"/>).</summary>
    public static IncrementalRun? TryStart(CompiledSearch search, SearchContext context, int samplesPerGroup = 0)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.HasErrors || search.ReadsEventsAgain || search.Pipeline.ReadsRunEvents)
        {
            return null;
        }

        var run = new IncrementalRun(search.Pipeline, context, samplesPerGroup);
        return search.Pipeline.FedPrefixLength > 0 || run._aggregation is not null ? run : null;
    }

    /// <summary>Runs the leading filters over <paramref name="e"/> and keeps it if they all accept it (or hands it,
    /// through the event-by-event operators behind them, to the fed aggregation); exceptions propagate as in a run.</summary>
    public void Add(Event e)
    {
        Fed++;
        var runtime = _run.Runtime;
        var operators = _pipeline.Operators;
        for (var i = 0; i < _pipeline.FedPrefixLength; i++)
        {
            runtime.CurrentEvent = e;
            if (!((StreamingOperator)operators[i]).Process(e, _run))
            {
                return;
            }
        }

        if (_aggregation is null)
        {
            _kept.Add(e);
            return;
        }

        var current = e;
        for (var i = _pipeline.FedPrefixLength; i < _aggregationAt; i++)
        {
            if (operators[i] is not StreamingOperator streaming)
            {
                // The plan's copy in front of the first operator that changes events: the caller's event stays as read.
                current = current.Clone();
                continue;
            }

            runtime.CurrentEvent = current;
            if (!streaming.Process(current, _run))
            {
                return;
            }
        }

        runtime.CurrentEvent = current;
        _aggregation.Add(current, _run);
    }

    /// <summary>Runs the rest of the pipeline over the kept events (or the fed aggregation's rows): the search's
    /// results. Call once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<Event> Finish()
    {
        IEnumerable<Event> stream = _aggregation is null ? Replay() : _aggregation.Results();
        var operators = _pipeline.Operators;
        for (var i = _aggregation is null ? _pipeline.FedPrefixLength : _aggregationAt + 1; i < operators.Count; i++)
        {
            stream = operators[i].Execute(stream, _run);
        }

        return stream;
    }
    /// <summary>The kept events, each made the current event as it is handed on, as the prefix's last operator did when it yielded it.</summary>
    private IEnumerable<Event> Replay()
    {
        foreach (var e in _kept)
        {
            _run.Runtime.CurrentEvent = e;
            yield return e;
        }
    }

    /// <summary>The run's events for an incremental run: never read (a fed pipeline does not read them again); reading
    /// them fails loudly rather than giving a silently empty index.</summary>
    private sealed class NotReadable : IEnumerable<Event>
    {
        public static NotReadable Instance { get; } = new();

        public IEnumerator<Event> GetEnumerator() =>
            throw new InvalidOperationException("a search fed event by event cannot read its events a second time");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
