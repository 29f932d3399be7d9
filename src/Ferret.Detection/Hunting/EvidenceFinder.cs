using Ferret.Engine;
using Ferret.Events;
using Ferret.Spl;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Hunting;

/// <summary>
/// Finds the raw events behind a result row: the detection's events that pass its leading search command
/// (for tstats: those its data model dataset accepts) and agree with the row, i.e. for every field the row
/// and the event both have, share a value (case-insensitively). A row of counts with no field in common
/// with the events gets all of them, up to the limit.
/// </summary>
internal sealed class EvidenceFinder
{
    /// <summary>Rows beyond this many get no evidence: matching is rows × events, kept bounded.</summary>
    private const int MaxRowsWithEvidence = 200;

    private static readonly HashSet<string> StatisticFields = new(StringComparer.Ordinal) { "count", "firstTime", "lastTime", "_time" };

    private readonly IReadOnlyList<Event> _candidates;

    private EvidenceFinder(IReadOnlyList<Event> candidates)
    {
        _candidates = candidates;
    }

    public static EvidenceFinder For(CompiledDetection detection, IReadOnlyList<Event> events, SearchContext context, int rowCount)
    {
        if (rowCount == 0 || events.Count == 0)
        {
            return new EvidenceFinder([]);
        }

        var pipeline = SplParser.Parse(detection.ExpandedSearch).Pipeline;
        if (StreamingPrefix(detection.ExpandedSearch, pipeline) is { } prefix)
        {
            var leading = SearchEngine.Compile(prefix);
            if (!leading.HasErrors)
            {
                return new EvidenceFinder(leading.Run(events, context).ToList());
            }
        }

        return new EvidenceFinder(events);
    }

    /// <summary>The leading search and the event-by-event commands after it (up to the first that aggregates
    /// or reorders), as text: what each raw event went through before the detection summarized it.</summary>
    private static string? StreamingPrefix(string search, Pipeline pipeline)
    {
        if (pipeline.Commands.Count == 0 || pipeline.Commands[0] is not SearchCommandNode first || first.Span.Length == 0)
        {
            return null;
        }

        CommandNode last = first;
        foreach (var command in pipeline.Commands.Skip(1))
        {
            if (!EventByEventCommands.Contains(command.Name))
            {
                break;
            }

            last = command;
        }

        return search[first.Span.Start..last.Span.End].TrimStart('|', ' ');
    }

    private static readonly HashSet<string> EventByEventCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "search", "where", "eval", "rex", "rename", "regex", "fillnull", "spath", "lookup", "convert", "xmlkv", "makemv", "bin", "bucket",
    };

    public IReadOnlyList<Event> For(Event row, int limit, int rowNumber)
    {
        if (rowNumber >= MaxRowsWithEvidence)
        {
            return [];
        }

        return [.. _candidates.Where(e => Agrees(e, row)).Take(limit)];
    }

    private static bool Agrees(Event evidence, Event row)
    {
        foreach (var (name, value) in row.Fields)
        {
            if (StatisticFields.Contains(name))
            {
                continue;
            }

            var other = evidence[name];
            if (other.IsNull)
            {
                continue;
            }

            if (!value.Texts.Any(v => other.Texts.Any(o => string.Equals(v, o, StringComparison.OrdinalIgnoreCase))))
            {
                return false;
            }
        }

        return true;
    }
}
