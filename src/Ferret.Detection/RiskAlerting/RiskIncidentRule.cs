using Ferret.Content;

namespace Ferret.Detection.RiskAlerting;

/// <summary>
/// One risk incident rule of Enterprise Security: an ordinary SPL saved search over the Risk data model, with the
/// stanza name, schedule and dispatch window ES gives it, and the look-back a hunt slides over the events' own time.
/// <see cref="Detection"/> is the rule as a Correlation detection, so it compiles, runs, builds and is served like any
/// other.
/// </summary>
public sealed record RiskIncidentRule(
    DetectionDefinition Detection,
    string SavedSearchName,
    string CronSchedule,
    string EarliestTime,
    string LatestTime,
    TimeSpan Window)
{
    public string Name => Detection.Name;

    public string Search => Detection.Search;
}
