using Ferret.Detection.Compilation;
using Ferret.Engine;
using Ferret.Engine.Execution;
using Ferret.Events;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Finds the raw events behind a result row: the detection's events that pass its leading search command
/// (for tstats: those its data model dataset accepts) and agree with the row, i.e. for every field the row
/// and the event both have, share a value (case-insensitively). A row of counts with no field in common
/// with the events gets all of them, up to the limit. A row none agrees with fully (it renamed or computed a value the
/// events also carry, such as <c>user</c>) gets the events that agree on the most fields, so it still has a host and a
/// provenance.
/// </summary>
internal sealed class EvidenceFinder
{
    /// <summary>Rows beyond this many get no evidence: matching is rows × events, kept bounded.</summary>
    private const int MaxRowsWithEvidence = 1000;

    private static readonly HashSet<string> StatisticFields = new(StringComparer.Ordinal) { "count", "firstTime", "lastTime", "_time" };

    /// <summary>The candidates in order, in slices: a hunt reads them again slice by slice, so a detection with many
    /// candidates holds one slice at a time, and stops reading them once every row has its evidence.</summary>
    private readonly IEnumerable<HeldSlice> _slices;

    private EvidenceFinder(IEnumerable<HeldSlice> slices)
    {
        _slices = slices;
    }

    public static EvidenceFinder For(CompiledDetection detection, IReadOnlyList<Event> events, SearchContext context, int rowCount)
    {
        if (rowCount == 0 || events.Count == 0)
        {
            return Over([]);
        }

        return detection.EvidenceSearch is { } leading
            ? Over(leading.Run(events, context).ToList())
            : Over(events);
    }

    /// <summary>An evidence finder over candidates already filtered by the detection's leading search
    /// (<see cref="CompiledDetection.EvidenceSearch"/> run over its events).</summary>
    public static EvidenceFinder Over(IReadOnlyList<Event> candidates) => new([HeldSlice.Of(candidates)]);

    /// <summary>An evidence finder over candidates made slice by slice, in order, as <see cref="ForAll"/> reads them: each
    /// slice is made when it is searched, and held only while it is.</summary>
    public static EvidenceFinder OverSlices(IEnumerable<HeldSlice> slices) => new(slices) { InSlices = true };

    /// <summary>Whether the candidates chosen by <paramref name="leading"/> (a detection's <see cref="CompiledDetection.EvidenceSearch"/>,
    /// null: every event) can be chosen a slice of events at a time: each of its commands handles each event on its own
    /// (a <c>fillnull</c> without fields, say, fills the fields of all events, so it reads them all first).</summary>
    public static bool SlicesAlike(CompiledSearch? leading) =>
        leading is null || leading.Pipeline.Operators.All(o => o.Kind == OperatorKind.Streaming);

    /// <summary>The plan of what <see cref="For"/> runs over a detection's events to choose candidates: the leading
    /// search and the event-by-event commands after it (up to the first that aggregates or reorders), what each raw
    /// event went through before the detection summarized it. Bound from the detection's tree (those commands of it),
    /// never from its text again; null when every event is a candidate (the search does not start with a search
    /// command) or the prefix alone does not bind.</summary>
    public static CompiledSearch? LeadingPlan(string expandedSearch, Pipeline pipeline)
    {
        if (pipeline.Commands.Count == 0 || pipeline.Commands[0] is not SearchCommandNode first || first.Span.Length == 0)
        {
            return null;
        }

        var length = 1 + pipeline.Commands.Skip(1).TakeWhile(c => EventByEventCommands.Contains(c.Name)).Count();
        var plan = SearchCompilation.BindPrefix(expandedSearch, pipeline, length);
        return plan.HasErrors ? null : plan;
    }

    private static readonly HashSet<string> EventByEventCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "search", "where", "eval", "rex", "rename", "regex", "fillnull", "spath", "lookup", "convert", "xmlkv", "makemv", "bin", "bucket",
    };

    /// <summary>False when no event reached the detection's search: its rows aggregate nothing (stats over no events
    /// still gives one row of zero counts). Known once <see cref="ForAll"/> ran (or its <see cref="Scan"/> ended).</summary>
    public bool HasCandidates { get; private set; }

    /// <summary>Whether the candidates come in slices read again as they are wanted (<see cref="OverSlices"/>), so a
    /// hunt can step several detections' scans through their slices together (<see cref="Scan.Step"/>).</summary>
    public bool InSlices { get; private init; }

    /// <summary>The evidence of each of <paramref name="rows"/>: the first <paramref name="limit"/> candidates that agree
    /// with it fully, else the first of those that agree on the most fields; none for rows past
    /// <see cref="MaxRowsWithEvidence"/>. The candidates are read once for all rows, a slice at a time, and no further
    /// once every row has its limit.</summary>
    public IReadOnlyList<FindingEvidence> ForAll(IReadOnlyList<Event> rows, int limit, EventKeeping? keeping)
    {
        using var scan = Start(rows, limit, keeping);
        while (scan.Step())
        {
        }

        return scan.Evidence;
    }

    /// <summary>A scan for the evidence of <paramref name="rows"/> (as <see cref="ForAll"/> finds it) that reads one slice
    /// of candidates per <see cref="Scan.Step"/>.</summary>
    public Scan Start(IReadOnlyList<Event> rows, int limit, EventKeeping? keeping) => new(this, rows, limit, keeping);

    /// <summary>One search for the evidence of a detection's rows, a slice of candidates at a time.</summary>
    internal sealed class Scan : IDisposable
    {
        private readonly EvidenceFinder _finder;
        private readonly IReadOnlyList<Event> _rows;
        private readonly List<RowSearch> _searches;
        private readonly IEnumerator<HeldSlice> _slices;
        private bool _ended;

        /// <summary>Whether <see cref="_slices"/> was moved to the slice <see cref="Next"/> names.</summary>
        private bool _movedToNext;

        public Scan(EvidenceFinder finder, IReadOnlyList<Event> rows, int limit, EventKeeping? keeping)
        {
            _finder = finder;
            _rows = rows;
            _searches = [.. rows.Take(MaxRowsWithEvidence).Select(row => new RowSearch(row, limit, keeping))];
            _slices = finder._slices.GetEnumerator();
        }

        /// <summary>The slice <see cref="Step"/> reads next, not yet made; null once the scan has ended: the slices ran out,
        /// or every row has its evidence and one candidate was seen (whether there are any is asked), so no further slice is
        /// read.</summary>
        public HeldSlice? Next
        {
            get
            {
                if (!_ended && !_movedToNext)
                {
                    _ended = (_finder.HasCandidates && _searches.TrueForAll(s => s.Done)) || !_slices.MoveNext();
                    _movedToNext = !_ended;
                }

                return _ended ? null : _slices.Current;
            }
        }

        /// <summary>Makes and searches the next slice (<see cref="Next"/>); false once the scan has ended.</summary>
        public bool Step()
        {
            if (Next is not { } next)
            {
                return false;
            }

            _movedToNext = false;
            var slice = next.Make();
            if (slice.Count == 0)
            {
                return true;
            }

            _finder.HasCandidates = true;

            // The first row reads the candidates' fields by name; the next read them as columns, once for all rows.
            var columns = new EvidenceColumns(slice);
            var first = true;
            foreach (var search in _searches.Where(s => !s.Done))
            {
                search.Scan(slice, first ? null : columns);
                first = false;
            }

            return true;
        }

        /// <summary>The rows whose evidence the scan searches for.</summary>
        public IReadOnlyList<Event> Rows => _rows;

        /// <summary>Whether a candidate was seen (<see cref="EvidenceFinder.HasCandidates"/>).</summary>
        public bool HasCandidates => _finder.HasCandidates;

        /// <summary>The evidence of each row found so far (all of it once <see cref="Step"/> returned false).</summary>
        public IReadOnlyList<FindingEvidence> Evidence =>
            [.. _rows.Select((_, i) => i < _searches.Count ? _searches[i].Evidence : FindingEvidence.None)];

        public void Dispose() => _slices.Dispose();
    }

    /// <summary>One row's search through the candidates, slice after slice. What it finds is kept as
    /// <paramref name="keeping"/> keeps a finding's evidence at once (an event read from a file: its origin), so a scan
    /// that goes on through many slices does not hold the events it found: with many rows and many candidates each,
    /// those would grow with the input.</summary>
    private sealed class RowSearch(Event row, int limit, EventKeeping? keeping)
    {
        private readonly List<(string Name, string[] Texts)> _wanted = Wanted(row);
        private readonly List<EvidenceItem> _found = [];
        private readonly List<EvidenceItem> _closest = [];
        private int _closestAgreeing;

        private static List<(string Name, string[] Texts)> Wanted(Event row)
        {
            var wanted = new List<(string Name, string[] Texts)>();
            foreach (var (name, value) in row.Fields)
            {
                if (!StatisticFields.Contains(name))
                {
                    wanted.Add((name, [.. value.Texts]));
                }
            }

            return wanted;
        }

        public bool Done => _found.Count >= limit;

        public FindingEvidence Evidence => FindingEvidence.FromItems(_found.Count > 0 ? _found : _closest, keeping);

        /// <summary>Offers the candidates of <paramref name="slice"/> in order, their fields read from
        /// <paramref name="columns"/> where given (and kept within its bound), else by name.</summary>
        public void Scan(IReadOnlyList<Event> slice, EvidenceColumns? columns)
        {
            var wanted = _wanted.ConvertAll(w => new WantedField(w.Name, w.Texts, columns?.ColumnOf(w.Name)));
            for (var i = 0; i < slice.Count && !Done; i++)
            {
                // Once one event agrees fully, only full agreement counts: stop at the first field that differs.
                var candidate = slice[i];
                var (agreeing, disagreeing) = Agreement(candidate, i, wanted, stopAtDisagreement: _found.Count > 0);
                if (disagreeing == 0)
                {
                    _found.Add(EvidenceItem.Of(candidate, keeping));
                }
                else if (_found.Count == 0 && agreeing > 0 && agreeing >= _closestAgreeing)
                {
                    if (agreeing > _closestAgreeing)
                    {
                        _closest.Clear();
                        _closestAgreeing = agreeing;
                    }

                    if (_closest.Count < limit)
                    {
                        _closest.Add(EvidenceItem.Of(candidate, keeping));
                    }
                }
            }
        }
    }

    /// <summary>How many of the fields the row and the event (candidate number <paramref name="index"/>) both have share
    /// a value (ignoring case), and how many do not.</summary>
    private static (int Agreeing, int Disagreeing) Agreement(Event evidence, int index, List<WantedField> wanted, bool stopAtDisagreement)
    {
        var agreeing = 0;
        var disagreeing = 0;
        foreach (var field in wanted)
        {
            var other = field.Column is { } column ? column[index] : evidence[field.Name];
            if (other.IsNull)
            {
                continue;
            }

            if (SharesAValue(field.Texts, other.Values))
            {
                agreeing++;
            }
            else
            {
                disagreeing++;
                if (stopAtDisagreement)
                {
                    break;
                }
            }
        }

        return (agreeing, disagreeing);
    }

    /// <summary>Whether one of <paramref name="values"/> reads as one of <paramref name="texts"/>, ignoring case; a value
    /// is written into a buffer to be compared, not made a string, unless it is longer than the buffer, and a string value
    /// of a length no text has is not written at all (texts equal ignoring case have the same length).</summary>
    private static bool SharesAValue(string[] texts, ScalarList values)
    {
        Span<char> buffer = stackalloc char[FormatBufferLength];
        foreach (var value in values)
        {
            if (value.IsString && !HasTextOfLength(texts, value.TextLength))
            {
                continue;
            }

            ReadOnlySpan<char> text = value.TryFormat(buffer, out var written) ? buffer[..written] : value.ToString();
            foreach (var wanted in texts)
            {
                if (text.Equals(wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasTextOfLength(string[] texts, int length)
    {
        foreach (var text in texts)
        {
            if (text.Length == length)
            {
                return true;
            }
        }

        return false;
    }

    private const int FormatBufferLength = 256;

    /// <summary>A field of the row to agree on: its name, its texts, and the candidates' values of it when read as a
    /// column (null: read by name from each candidate).</summary>
    private readonly record struct WantedField(string Name, string[] Texts, EvidenceColumns.Column? Column);
}
