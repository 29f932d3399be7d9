using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>
/// One run of a compiled search fed one event at a time, as a reader produces them: the leading filters
/// (<see cref="CompiledPipeline.FedPrefixLength"/>: search, where, regex) test each event on arrival and only the events
/// they keep are held (the caller's own events, not copies); the rest of the pipeline runs over those in
/// <see cref="Finish"/>. The results equal
/// <see cref="CompiledSearch.Run"/> over the same events in the same order, because a streaming operator handles each
/// event on its own (Search Reference, "Command types": streaming commands apply to each event independently), so
/// applying the prefix event by event and the rest afterwards is the same composition. Only pipelines that never read
/// the run's events a second time (no subsearch, join, append or map) can be fed: see <see cref="TryStart"/>.
/// Not thread-safe: one thread feeds it at a time.
/// </summary>
public sealed class IncrementalRun
{
    private readonly CompiledPipeline _pipeline;
    private readonly RunContext _run;
    private readonly List<Event> _kept = [];

    private IncrementalRun(CompiledPipeline pipeline, SearchContext context)
    {
        _pipeline = pipeline;
        _run = new RunContext(context, NotReadable.Instance);
    }

    /// <summary>How many events were fed.</summary>
    public long Fed { get; private set; }

    /// <summary>The events the prefix kept so far (what is held in memory).</summary>
    public int Kept => _kept.Count;

    /// <summary>A fed run of <paramref name="search"/>, or null when it cannot be fed: it has errors, no leading
    /// event-by-event operator, or reads its events again (<see cref="CompiledSearch.ReadsEventsAgain"/>: a subsearch,
    /// join, append, map).</summary>
    public static IncrementalRun? TryStart(CompiledSearch search, SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(search);
        if (search.HasErrors || search.ReadsEventsAgain || search.Pipeline.FedPrefixLength == 0 || search.Pipeline.ReadsRunEvents)
        {
            return null;
        }

        return new IncrementalRun(search.Pipeline, context);
    }

    /// <summary>Runs the leading filters over <paramref name="e"/> and keeps it if they all accept it; exceptions
    /// propagate as in a run.</summary>
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

        _kept.Add(e);
    }

    /// <summary>Runs the rest of the pipeline over the kept events: the search's results. Call once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<Event> Finish()
    {
        IEnumerable<Event> stream = Replay();
        var operators = _pipeline.Operators;
        for (var i = _pipeline.FedPrefixLength; i < operators.Count; i++)
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
