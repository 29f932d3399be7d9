using System.Globalization;
using Ferret.Detection.Compilation;
using Ferret.Engine;
using Ferret.Events;

namespace Ferret.Detection.Testing;

/// <summary>
/// Why a detection returned nothing: the search is re-run one command longer at a time over the same events (each
/// prefix bound from the detection's tree),
/// and the row count after each command is reported, so the command that dropped the last rows stands out
/// ("search 13 → join 0 → fields 0 …"). contentctl only says the search found nothing; a detection engineer
/// then bisects the search by hand in Splunk. Runs only for a failed test, on the test's own few events.
/// </summary>
public static class EmptyResultTrail
{
    /// <summary>"rows after each command: search 13 → join 0 → …", or null when a prefix cannot be run.</summary>
    public static string? Describe(CompiledDetection detection, IReadOnlyList<Event> events, SearchContext context)
    {
        var pipeline = detection.Syntax;
        if (pipeline.Commands.Count < 2)
        {
            return null;
        }

        var steps = new List<string>();
        for (var i = 0; i < pipeline.Commands.Count; i++)
        {
            var command = pipeline.Commands[i];
            var prefix = SearchCompilation.BindPrefix(detection.ExpandedSearch, pipeline, i + 1);
            if (prefix.HasErrors)
            {
                return null;
            }

            int rows;
            try
            {
                rows = prefix.Run(events, context).Count();
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                steps.Add($"{command.Name} failed ({error.Message})");
                break;
            }

            steps.Add($"{command.Name} {rows.ToString(CultureInfo.InvariantCulture)}");
            if (rows == 0)
            {
                break;
            }
        }

        return "rows after each command: " + string.Join(" → ", steps);
    }
}
