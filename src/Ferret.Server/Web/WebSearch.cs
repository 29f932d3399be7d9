using Ferret.Events;
using Ferret.Server.Search;

namespace Ferret.Server.Web;

/// <summary>What the search page shows: the result table (fields in first-seen order), the events (time and raw text)
/// when the results are events, the messages, and whether rows were cut at <see cref="WebSearch.MaxRows"/>.</summary>
internal sealed record WebSearchResult(IReadOnlyList<string> Fields, IReadOnlyList<Dictionary<string, string>> Rows, int Count, bool Truncated, IReadOnlyList<string> Messages);

/// <summary>
/// The search page's searches, run by the same engine the REST search API uses (<see cref="SearchEnvironment"/>) over
/// the given time range. A search that does not compile answers its diagnostics instead of rows.
/// </summary>
internal sealed class WebSearch(SearchEnvironment environment)
{
    public const int MaxRows = 1000;

    public WebSearchResult Run(string spl, double? earliest, double? latest)
    {
        var outcome = environment.Run(SearchEnvironment.WithLeadingCommand(spl), earliest, latest);
        var messages = outcome.Diagnostics.Select(d => $"{(d.IsError ? "Error" : "Warning")} {d.Code}: {d.Message}").ToList();
        if (outcome.HasErrors)
        {
            return new WebSearchResult([], [], 0, false, messages);
        }

        var fields = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<Dictionary<string, string>>();
        var truncated = false;
        foreach (var row in outcome.Results)
        {
            if (rows.Count == MaxRows)
            {
                truncated = true;
                break;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in row.Fields)
            {
                if (seen.Add(name))
                {
                    fields.Add(name);
                }

                values[name] = name == FieldNames.Time && value.First.IsNumber ? EpochTime.ToDateTimeOffset(value.First.Number).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture) : value.ToString();
            }

            rows.Add(values);
        }

        if (truncated)
        {
            messages.Add($"Showing the first {MaxRows} results.");
        }

        return new WebSearchResult(Order(fields), rows, rows.Count, truncated, messages);
    }

    /// <summary>Splunk's table shows _time first and the other internal fields (names starting with '_') after the rest.</summary>
    private static List<string> Order(List<string> fields) =>
        [.. fields.Where(f => f == FieldNames.Time), .. fields.Where(f => !f.StartsWith('_')), .. fields.Where(f => f.StartsWith('_') && f != FieldNames.Time)];
}
