using Ferret.Content;
using Ferret.Publishing;

namespace Ferret.Server.Detections;

/// <summary>
/// A detection as a saved search (a correlation search in ES's terms): <c>ESCU - Name - Rule</c>, its search, its
/// schedule and dispatch window (ESCU's defaults unless configured), its actions, and whether the scheduler runs it.
/// </summary>
internal sealed record SavedSearch(string Name, DetectionDefinition Detection, DefaultConfiguration Configuration, bool Enabled)
{
    public string CronSchedule => Configuration.CronSchedule;

    public string EarliestTime => Configuration.EarliestTime;

    public string LatestTime => Configuration.LatestTime;
}
