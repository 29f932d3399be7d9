using Ferret.Engine.Execution;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Ingest.Evtx;
using Ferret.Knowledge;

namespace Ferret.Detection.Hunting;

/// <summary>
/// How a hunt that reads its inputs keeps the events its detections hold until they finish (groups' samples, the
/// events filters kept, the events of searches that cannot be fed): an event read from a file as its origin (file and
/// position) and a check of its text, so the hunt's memory does not grow with its input. When they are wanted (a
/// detection finishing, evidence being chosen) those events are read again by position, only the records wanted
/// (<see cref="InputReader.Reread"/>, each EVTX file's chunks counted once: <see cref="EvtxChunkIndex"/>), and normalized
/// as the first read normalized them, with the number the read gave them (<see cref="Event.Arrival"/>), so they are the
/// same events. One the file no longer gives (moved, changed, damaged since) is reported as an input problem naming the
/// file and the event, and left out. Events recalled are shared while anything still holds them, so detections that
/// want the same event get the same instance: the hunt steps the detections that read many candidates through the
/// read's stretches together, reading the events a stretch's slices want once for all of them
/// (<see cref="RecallTogether"/>) and holding them while those detections search them.
/// Thread-safe: detections finish in parallel.
/// </summary>
internal sealed class HuntEventKeeping(IngestOptions ingest, KnowledgeBase knowledge, IProblemSink problems) : EventKeeping
{
    /// <summary>The table of events recalled is swept of those no longer held once it has grown this much beyond what
    /// the last sweep left: a hunt recalls far more events over its run than are held at any moment.</summary>
    private const int SweepGrowth = 4096;

    /// <summary>The fewest records of one file read again on their own when several are read together: fewer are not worth
    /// a thread (each part reads its chunks and their templates on its own).</summary>
    private const int MinimumPart = 64;

    private readonly Dictionary<EventOrigin, WeakReference<Event>> _recalled = [];
    private int _sweepAt = SweepGrowth;

    private readonly HashSet<EventOrigin> _lost = [];
    private readonly EvtxChunkIndex _chunks = new();
    private readonly Lock _gate = new();

    public override HeldEvent Keep(Event e) => e.Origin is { } origin ? new HeldEvent(null, origin, HeldEvent.CheckOf(e), e.Arrival) : HeldEvent.Of(e);

    public override Event?[] Recall(IReadOnlyList<HeldEvent> held) => Recall(held, null);

    /// <summary>Reads again, once, the events <paramref name="held"/> stands for that are not in use already, their files
    /// (and parts of a file) in parallel, and returns them: a caller that holds them while several detections search the
    /// same events makes each of those find them shared, not read them again.</summary>
    public Event?[] RecallTogether(IReadOnlyList<HeldEvent> held, ParallelOptions parallel) =>
        Recall([.. held.Where(h => h.Origin is not null).DistinctBy(h => h.Origin)], parallel);

    private Event?[] Recall(IReadOnlyList<HeldEvent> held, ParallelOptions? parallel)
    {
        var events = new Event?[held.Count];
        var byFile = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        lock (_gate)
        {
            for (var i = 0; i < held.Count; i++)
            {
                if (held[i].Whole is { } whole)
                {
                    events[i] = whole;
                }
                else if (_recalled.TryGetValue(held[i].Origin!, out var known) && known.TryGetTarget(out var e))
                {
                    events[i] = e;
                }
                else if (!_lost.Contains(held[i].Origin!))
                {
                    var file = held[i].Origin!.File;
                    if (!byFile.TryGetValue(file, out var indexes))
                    {
                        byFile[file] = indexes = [];
                    }

                    indexes.Add(i);
                }
            }
        }

        if (parallel is null)
        {
            foreach (var (file, indexes) in byFile)
            {
                ReadAgain(file, indexes, held, events);
            }

            return events;
        }

        // Each file's records in as many parts as threads (few files may hold them all: one big file), each part read on
        // its own; the parts fill their own indexes of the answer.
        var threads = Math.Max(1, parallel.MaxDegreeOfParallelism);
        var parts = byFile.SelectMany(file => file.Value.Chunk(Math.Max(MinimumPart, (file.Value.Count + threads - 1) / threads))
            .Select(part => (File: file.Key, Indexes: part))).ToList();
        Parallel.ForEach(parts, parallel, part => ReadAgain(part.File, part.Indexes, held, events));
        return events;
    }

    /// <summary>Reads the events at <paramref name="indexes"/> of <paramref name="held"/> from <paramref name="file"/>:
    /// by position first; those that do not come back as they were (a damaged file counts its events otherwise) in
    /// order; what still fails is reported once.</summary>
    private void ReadAgain(string file, IReadOnlyList<int> indexes, IReadOnlyList<HeldEvent> held, Event?[] events)
    {
        // The first read reported the file's own problems; these are only told when an event is lost.
        var quiet = new ProblemCollector();
        IReadOnlyList<int> pending = indexes;
        var other = new HashSet<int>();
        foreach (var inOrder in (bool[])[false, true])
        {
            var read = InputReader.Reread(file, [.. pending.Select(i => held[i].Origin!.Position)], ingest, quiet, inOrder, _chunks);
            var normalized = Normalize(read);
            var left = new List<int>();
            foreach (var i in pending)
            {
                var origin = held[i].Origin!;
                if (normalized.TryGetValue(origin.Position, out var e) && HeldEvent.CheckOf(e) == held[i].Check)
                {
                    e.Arrival = held[i].Arrival;
                    events[i] = Remember(origin, e);
                    continue;
                }

                if (e is not null)
                {
                    other.Add(i);
                }

                left.Add(i);
            }

            pending = left;
            if (pending.Count == 0)
            {
                return;
            }
        }

        var told = quiet.Problems;
        var problem = told.FirstOrDefault(p => p.Severity == ProblemSeverity.Error) ?? (told.Count > 0 ? told[0] : null);
        foreach (var i in pending)
        {
            var why = other.Contains(i) ? "the file holds another event there now: it changed since it was read"
                : problem is not null ? $"{problem.Location}: {problem.Message}"
                : "the file has no event there now";
            ReportLost(held[i].Origin!, why);
        }
    }

    /// <summary>The events read again, normalized as the hunt normalized them the first time.</summary>
    private Dictionary<long, Event> Normalize(IReadOnlyDictionary<long, Event> read)
    {
        var normalized = new Dictionary<long, Event>(read.Count);
        foreach (var e in knowledge.AccelerateOnce(read.Values))
        {
            normalized[e.Origin!.Position] = e;
        }

        return normalized;
    }

    private Event Remember(EventOrigin origin, Event e)
    {
        lock (_gate)
        {
            if (_recalled.TryGetValue(origin, out var known) && known.TryGetTarget(out var earlier))
            {
                return earlier;
            }

            if (_recalled.Count >= _sweepAt)
            {
                SweepRecalled();
            }

            _recalled[origin] = new WeakReference<Event>(e);
            return e;
        }
    }

    /// <summary>How many events recalled the table knows (held or not yet swept).</summary>
    internal int Remembered
    {
        get
        {
            lock (_gate)
            {
                return _recalled.Count;
            }
        }
    }

    /// <summary>Lets go of the table of the events recalled for the detections, once they all finished: what is shown
    /// later is read again.</summary>
    public void LetGoOfRecalled()
    {
        lock (_gate)
        {
            _recalled.Clear();
            _sweepAt = SweepGrowth;
        }
    }

    /// <summary>Removes the entries of events no longer held by anyone; called under <see cref="_gate"/>.</summary>
    private void SweepRecalled()
    {
        var gone = _recalled.Where(entry => !entry.Value.TryGetTarget(out _)).Select(entry => entry.Key).ToList();
        foreach (var origin in gone)
        {
            _recalled.Remove(origin);
        }

        _sweepAt = _recalled.Count + SweepGrowth;
    }

    private void ReportLost(EventOrigin origin, string why)
    {
        lock (_gate)
        {
            if (!_lost.Add(origin))
            {
                return;
            }
        }

        problems.Report(new InputProblem(origin.File, $"event {origin.Position}",
            $"a detection held this event to show or search it later, but it could not be read again ({why}); it is left out of that detection's results and evidence"));
    }
}
