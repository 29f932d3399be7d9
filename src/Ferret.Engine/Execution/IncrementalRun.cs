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
/// pipeline event by event and the rest afterwards is the same composition (<see cref="PipelineFeed"/>). Searches nested
/// in it that read the same events (join, append, appendcols) are fed beside it and answer with their fed results when
/// it finishes, as is a search-term subsearch whose command runs once the read ended; <c>map</c> cannot be fed: see
/// <see cref="TryStart"/>.
/// Not thread-safe: one thread feeds it at a time.
/// </summary>
public sealed class IncrementalRun
{
    private readonly PipelineFeed _main;
    private readonly PipelineFeed[] _nested;

    private IncrementalRun(PipelineFeed main, PipelineFeed[] nested)
    {
        _main = main;
        _nested = nested;
    }

    /// <summary>How many events were fed.</summary>
    public long Fed { get; private set; }

    /// <summary>The events held so far (besides the aggregations' groups): what the filters of the main search and of
    /// the nested searches kept where no aggregation follows them.</summary>
    public int Kept => _main.Kept + _nested.Sum(n => n.Kept);

    /// <summary>The main search's aggregation fed as events arrive, or null when the run holds its filtered events.</summary>
    public AggregationFeed? Aggregation => _main.Aggregation;

    /// <summary>A fed run of <paramref name="search"/>, or null when it cannot be fed: it has errors, or its main search
    /// or one of the searches nested in it that read the events again (subsearch, join, append: each fed the same
    /// events as they arrive) has neither leading event-by-event operators nor a leading aggregation, or it reads the
    /// events through searches compiled only as it runs (map), or a search-term subsearch that reads them sits in a command
    /// that runs as events arrive (it would run before the read ended). A fed aggregation of the main search keeps
    /// <paramref name="samplesPerGroup"/> events of each group (<see cref="AggregationFeed.Samples"/>).</summary>
    public static IncrementalRun? TryStart(CompiledSearch search, SearchContext context, int samplesPerGroup = 0)
    {
        ArgumentNullException.ThrowIfNull(search);
        var readers = search.ReadsEventsAgain || search.Pipeline.ReadsRunEvents ? search.NestedReaders : [];
        if (search.HasErrors || readers is null)
        {
            return null;
        }

        var fedReaders = new Dictionary<CompiledPipeline, Func<IEnumerable<Event>>>();
        var run = new RunContext(context, NotReadable.Instance) { FedReaders = fedReaders };
        var nested = new List<PipelineFeed>(readers.Count);
        foreach (var reader in readers)
        {
            if (reader.ReadsNoEvents)
            {
                // It runs as it would in a whole run, when the search finishes: it never reads the events.
                continue;
            }

            if (PipelineFeed.TryStart(reader, run, 0) is not { } feed)
            {
                return null;
            }

            nested.Add(feed);
            fedReaders[reader] = feed.Finish;
        }

        // A search-term subsearch that reads the events must run after the read ended: its command must not run on arrival.
        return PipelineFeed.TryStart(search.Pipeline, run, samplesPerGroup) is { } main && !search.ReadingSubsearchOperators.Any(main.RunsOnArrival)
            ? new IncrementalRun(main, [.. nested])
            : null;
    }

    /// <summary>Hands <paramref name="e"/> to the main search and to every nested one; exceptions propagate as in a run.
    /// True when the main search held the event (or what its streaming commands made of it: a data model projection,
    /// a changed copy) for <see cref="Finish"/>: one of the events its results are made from.</summary>
    public bool Add(Event e)
    {
        Fed++;
        var held = _main.Add(e);
        foreach (var nested in _nested)
        {
            nested.Add(e);
        }

        return held;
    }

    /// <summary>The events the main search's fed aggregation sampled (<see cref="AggregationFeed.Samples"/>), each once in
    /// arrival order, in slices cut at every <paramref name="width"/> arrivals (<see cref="HeldSlice.Cut"/>), made as
    /// they are wanted, those kept compact read again; none without a fed aggregation.</summary>
    public IEnumerable<HeldSlice> SampleSlices(int width) => _main.SampleSlices(width);

    /// <summary>Runs the rest of the pipeline over the kept events (or the fed aggregation's rows), the nested searches
    /// answering with what they were fed: the search's results. Call once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<Event> Finish() => _main.Finish();

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
