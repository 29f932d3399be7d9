using System.Globalization;
using Ferret.Engine;
using Ferret.Events;
using Ferret.Spl;

namespace Ferret.Detection.Testing;

/// <summary>
/// Why a detection returned nothing: the search is re-run one command longer at a time over the same events,
/// and the row count after each command is reported, so the command that dropped the last rows stands out
/// ("search 13 → join 0 → fields 0 …"). contentctl only says the search found nothing; a detection engineer
/// then bisects the search by hand in Splunk. Runs only for a failed test, on the test's own few events.
/// </summary>
public static class EmptyResultTrail
{
    /// <summary>"rows after each command: search 13 → join 0 → …", or null when a prefix cannot be run.</summary>
    public static string? Describe(string expandedSearch, IReadOnlyList<Event> events, SearchContext context)
    {
        var parsed = SplParser.Parse(expandedSearch);
        if (parsed.Diagnostics.Any(d => d.IsError) || parsed.Pipeline.Commands.Count < 2)
        {
            return null;
        }

        var steps = new List<string>();
        foreach (var command in parsed.Pipeline.Commands)
        {
            var prefix = SearchEngine.Compile(expandedSearch[..command.Span.End]);
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
