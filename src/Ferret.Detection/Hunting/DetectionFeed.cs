using System.Runtime.ExceptionServices;
using Ferret.Detection.Compilation;
using Ferret.Engine;
using Ferret.Engine.Execution;
using Ferret.Events;

namespace Ferret.Detection.Hunting;

/// <summary>
/// What a hunt keeps of one detection while it reads: where it can, the detection's leading event-by-event commands
/// run on each event as it arrives (<see cref="IncrementalRun"/>). When they lead to an aggregation (stats, or a leading
/// tstats), that aggregates as events arrive too and only its groups are kept, each with a bounded sample of its first
/// events, which are the evidence candidates; else only the events the filters keep are held, and the detection's
/// evidence plan (<see cref="CompiledDetection.EvidenceSearch"/>) runs over those alone when its findings are made, not
/// over every event routed (for a search led by a data model's events, <c>| from datamodel</c>, the candidates are the
/// events whose projections the search held). Otherwise (tstats and other generating searches,
/// subsearches, join, append, map) every event routed to the detection is held until the read ends, as the search
/// needs them all. The results are the same either way. Every event held is kept as the run's
/// <see cref="SearchContext.Keeping"/> keeps it (a hunt over files: its origin, read again when the detection finishes).
/// One thread feeds a detection at a time; once its findings are made, <see cref="Release"/> lets go of what it held.
/// </summary>
internal sealed class DetectionFeed
{
    private IncrementalRun? _search;
    private IncrementalRun? _evidence;
    private List<HeldEvent>? _routed;

    /// <summary>For a fed search that does not aggregate as events arrive: the routed events it held (or held a projection
    /// of), the evidence candidates, or for a search led by a search command those its evidence plan chooses from; null
    /// otherwise.</summary>
    private List<HeldEvent>? _held;
    private Exception? _searchFailure;
    private Exception? _evidenceFailure;

    /// <param name="contextFor">The search context of a run of this detection that reports to the given problems.</param>
    /// <param name="evidencePerRow">How many events a finding shows at most: an aggregation fed as events arrive keeps
    /// that many of each group (at least one, so a row can tell whether any event is behind it).</param>
    public DetectionFeed(CompiledDetection detection, Func<IProblemSink, SearchContext> contextFor, int evidencePerRow)
    {
        Detection = detection;
        Context = contextFor(Problems);
        _search = IncrementalRun.TryStart(detection.Search, Context, Math.Max(1, evidencePerRow));
        if (_search?.Aggregation is not null)
        {
            return;
        }

        var evidenceNeedsAll = true;
        if (_search is not null)
        {
            // The events the fed search held are those its leading filters passed. Without a leading search they are the
            // candidates; with one, the evidence plan runs over them alone when the findings are made: it starts with the
            // same filters, so the events they drop would not be candidates anyway, and the filters need not run twice
            // per event while the input is read.
            _held = [];
            evidenceNeedsAll = false;
        }
        else if (detection.EvidenceSearch is { } compiled)
        {
            _evidence = IncrementalRun.TryStart(compiled, contextFor(EvidenceProblems));
            evidenceNeedsAll = _evidence is null;
        }

        _routed = _search is null || evidenceNeedsAll ? [] : null;
    }

    /// <summary>How many arrivals (<see cref="Event.Arrival"/>) the slices of evidence candidates read again span: a
    /// detection that sampled many events holds a slice of them while it chooses, not all (at most this many events, about
    /// 15 MiB normalized), and reads no more once every finding has its evidence. The hunt steps the detections that read
    /// slices through the read's stretches together and reads each stretch's events once for all of them
    /// (<see cref="HuntRunner"/>).</summary>
    internal const int EvidenceSliceSize = 1024;

    public CompiledDetection Detection { get; }

    public SearchContext Context { get; }

    /// <summary>Problems the detection's search reported (and those of choosing its evidence, once it is chosen).</summary>
    public ProblemCollector Problems { get; } = new();

    /// <summary>Problems met while choosing evidence: reported only when evidence is wanted, as a search that chose
    /// it after running would report them.</summary>
    private ProblemCollector EvidenceProblems { get; } = new();

    /// <summary>How many events were routed to the detection.</summary>
    public long Routed { get; private set; }

    /// <summary>How much work the feed left for the finish, in events the finish reads again from the input (held events
    /// are kept as where they were read): those held for the search or its evidence, or, for a search that aggregated as
    /// events arrived, the samples its groups took (its evidence candidates; the groups grow with them).</summary>
    public long FinishingWork =>
        (_routed?.Count ?? 0) + (_held?.Count ?? 0) + (_search is { } search ? search.Kept + (search.Aggregation?.SampleCount ?? 0) : 0);

    public void Add(Event e)
    {
        Routed++;
        _routed?.Add(EventKeeping.KeepWith(Context.Keeping, e));
        if (_search is not null && _searchFailure is null)
        {
            try
            {
                if (_search.Add(e))
                {
                    _held?.Add(EventKeeping.KeepWith(Context.Keeping, e));
                }
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _searchFailure = error;
            }
        }

        if (_evidence is not null && _evidenceFailure is null)
        {
            try
            {
                _evidence.Add(e);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                _evidenceFailure = error;
            }
        }
    }

    /// <summary>The detection's result rows; throws what the search threw, as a run over all events would.</summary>
    public List<Event> Results()
    {
        if (_search is null)
        {
            return [.. Detection.Search.Run(RoutedEvents(), Context)];
        }

        if (_searchFailure is not null)
        {
            ExceptionDispatchInfo.Throw(_searchFailure);
        }

        return [.. _search.Finish()];
    }

    /// <summary>The evidence finder for <paramref name="rowCount"/> rows; throws what choosing the evidence threw.</summary>
    public EvidenceFinder Evidence(int rowCount)
    {
        if (rowCount == 0)
        {
            return EvidenceFinder.Over([]);
        }

        if (_search is { Aggregation: not null } fed)
        {
            return EvidenceFinder.OverSlices(fed.SampleSlices(EvidenceSliceSize));
        }

        if (_held is not null)
        {
            return EvidenceFinder.SlicesAlike(Detection.EvidenceSearch)
                ? EvidenceFinder.OverSlices(CandidateSlices(_held))
                : EvidenceFinder.For(Detection, EventKeeping.RecallPresent(Context.Keeping, _held), Context, rowCount);
        }

        if (_evidence is null)
        {
            return EvidenceFinder.SlicesAlike(Detection.EvidenceSearch)
                ? EvidenceFinder.OverSlices(CandidateSlices(_routed!))
                : EvidenceFinder.For(Detection, [.. RoutedEvents()], Context, rowCount);
        }

        if (Routed == 0)
        {
            return EvidenceFinder.Over([]);
        }

        try
        {
            if (_evidenceFailure is not null)
            {
                ExceptionDispatchInfo.Throw(_evidenceFailure);
            }

            return EvidenceFinder.Over([.. _evidence.Finish()]);
        }
        finally
        {
            foreach (var problem in EvidenceProblems.Problems)
            {
                Problems.Report(problem);
            }
        }
    }

    /// <summary>Lets go of the events, groups and samples held for the detection once its findings are made (they keep
    /// their own evidence), so a hunt's memory falls as detections finish instead of lasting until the last one.</summary>
    public void Release()
    {
        _search = null;
        _evidence = null;
        _routed = null;
        _held = null;
    }

    /// <summary>The evidence candidates among the events <paramref name="held"/> stands for (those the detection's
    /// evidence plan passes, when it has one), in slices cut at every <see cref="EvidenceSliceSize"/> arrivals, made as
    /// they are wanted.</summary>
    private IEnumerable<HeldSlice> CandidateSlices(List<HeldEvent> held) =>
        HeldSlice.Cut(held, EvidenceSliceSize, slice =>
        {
            var events = EventKeeping.RecallPresent(Context.Keeping, slice);
            return Detection.EvidenceSearch is { } leading ? [.. leading.Run(events, Context)] : events;
        });

    /// <summary>Every event routed to the detection, in order, made again from what was kept a slice at a time each time
    /// they are read (a subsearch reads them again), so the detection holds one slice, not all.</summary>
    private IEnumerable<Event> RoutedEvents() =>
        _routed!.Chunk(EvidenceSliceSize).SelectMany(slice => EventKeeping.RecallPresent(Context.Keeping, slice));
}
