
namespace Ferret.Detection.Notables;

/// <summary>
/// The search-time facts ES stamps on every notable and risk event: when the search ran
/// (<c>info_search_time</c>) and the time range it covered (<c>info_min_time</c>, <c>info_max_time</c>).
/// A hunt over files covers all time; it reports the first and last event time it saw instead, so
/// drilldowns still get a usable range.
/// </summary>
public sealed record RunWindow(double SearchTime, double? EarliestTime, double? LatestTime)
{
    /// <summary>The prefix of the saved search names built from the content (contentctl's app label).</summary>
    public string AppPrefix { get; init; } = "ESCU";

    /// <summary>The name Enterprise Security gives the correlation search: <c>ESCU - Name - Rule</c>.</summary>
    public string SearchName(string detectionName) => SavedSearchNames.Rule(AppPrefix, detectionName);
}
