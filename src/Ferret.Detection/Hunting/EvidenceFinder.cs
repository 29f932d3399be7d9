using Ferret.Detection.Compilation;
using Ferret.Engine;
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

    private readonly IReadOnlyList<Event> _candidates;
    private readonly EvidenceColumns _columns;
    private int _rowsServed;

    private EvidenceFinder(IReadOnlyList<Event> candidates)
    {
        _candidates = candidates;
        _columns = new EvidenceColumns(candidates);
    }

    public static EvidenceFinder For(CompiledDetection detection, IReadOnlyList<Event> events, SearchContext context, int rowCount)
    {
        if (rowCount == 0 || events.Count == 0)
        {
            return new EvidenceFinder([]);
        }

        return detection.EvidenceSearch is { } leading
            ? new EvidenceFinder(leading.Run(events, context).ToList())
            : new EvidenceFinder(events);
    }

    /// <summary>An evidence finder over candidates already filtered by the detection's leading search
    /// (<see cref="CompiledDetection.EvidenceSearch"/> run over its events).</summary>
    public static EvidenceFinder Over(IReadOnlyList<Event> candidates) => new(candidates);

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
    /// still gives one row of zero counts).</summary>
    public bool HasCandidates => _candidates.Count > 0;

    public IReadOnlyList<Event> For(Event row, int limit, int rowNumber)
    {
        if (rowNumber >= MaxRowsWithEvidence)
        {
            return [];
        }

        // The row's texts once per row, not once per candidate: this runs rows x candidates times. From the second row
        // on, the candidates' values of a field are read once for all rows (a column), not by name per row.
        var wanted = new List<WantedField>();
        foreach (var (name, value) in row.Fields)
        {
            if (!StatisticFields.Contains(name))
            {
                wanted.Add(new WantedField(name, [.. value.Texts], _rowsServed > 0 ? _columns.ColumnOf(name) : null));
            }
        }

        _rowsServed++;
        var found = new List<Event>();
        var closest = new List<Event>();
        var closestAgreeing = 0;
        for (var i = 0; i < _candidates.Count; i++)
        {
            if (found.Count >= limit)
            {
                break;
            }

            // Once one event agrees fully, only full agreement counts: stop at the first field that differs.
            var candidate = _candidates[i];
            var (agreeing, disagreeing) = Agreement(candidate, i, wanted, stopAtDisagreement: found.Count > 0);
            if (disagreeing == 0)
            {
                found.Add(candidate);
            }
            else if (found.Count == 0 && agreeing > 0 && agreeing >= closestAgreeing)
            {
                if (agreeing > closestAgreeing)
                {
                    closest.Clear();
                    closestAgreeing = agreeing;
                }

                if (closest.Count < limit)
                {
                    closest.Add(candidate);
                }
            }
        }

        return found.Count > 0 ? found : closest;
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
