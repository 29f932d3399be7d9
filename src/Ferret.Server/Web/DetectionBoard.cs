using Cronos;
using Ferret.Engine.Time;
using Ferret.Events;
using Ferret.Server.Detections;
using Ferret.Server.Logging;
using Ferret.Server.Store;

namespace Ferret.Server.Web;

/// <summary>One detection on the detections page: its saved search, schedule and window, and its scheduler record.</summary>
internal sealed record DetectionStatus(
    string Name,
    string Detection,
    string Type,
    string Cron,
    string Earliest,
    string Latest,
    bool Enabled,
    double? LastRun,
    int? LastResultCount,
    double? NextRun);

/// <summary>
/// The detections page: every saved search with its schedule, the scheduler's last run of it and that run's result
/// count (read from its <c>ran ...</c> lines in <c>index=_internal</c>, as Splunk's scheduler log is read), the next
/// scheduled time when enabled, and enabling or disabling it (remembered in <see cref="ReviewStore"/> over restarts).
/// </summary>
internal sealed class DetectionBoard(SavedSearchCatalog catalog, EventStore store, ReviewStore state, TimeProvider clock)
{
    /// <summary>How far back the scheduler's log is read for last runs.</summary>
    private static readonly TimeSpan History = TimeSpan.FromDays(30);

    /// <summary>Applies the enable and disable choices made on the page before a restart.</summary>
    public void ApplySaved()
    {
        foreach (var (name, enabled) in state.DetectionStates())
        {
            catalog.SetEnabled(name, enabled);
        }
    }

    public List<DetectionStatus> List()
    {
        var now = clock.GetUtcNow();
        var runs = LastRuns(now);
        return [.. catalog.All.Select(s =>
        {
            var last = runs.GetValueOrDefault(s.Name);
            return new DetectionStatus(s.Name, s.Detection.Name, s.Detection.Type, s.CronSchedule, s.EarliestTime, s.LatestTime, s.Enabled,
                last.Time, last.Results, s.Enabled ? Next(s.CronSchedule, now) : null);
        })];
    }

    public bool SetEnabled(string name, bool enabled, WebUser user)
    {
        if (!catalog.SetEnabled(name, enabled))
        {
            return false;
        }

        state.SetDetectionEnabled(name, enabled, EpochTime.FromDateTimeOffset(clock.GetUtcNow()), user.Name);
        return true;
    }

    private Dictionary<string, (double? Time, int? Results)> LastRuns(DateTimeOffset now)
    {
        var runs = new Dictionary<string, (double? Time, int? Results)>(StringComparer.Ordinal);
        var query = new StoreQuery([InternalLog.Index]) { Earliest = EpochTime.FromDateTimeOffset(now - History) };
        foreach (var line in store.Read(query).Select(NotableRecord.Parse))
        {
            if (line.Text("component") == "scheduler" && line.Text("status") == "success" && line.Text("savedsearch_name") is { } name
                && (!runs.TryGetValue(name, out var seen) || seen.Time < line.Time))
            {
                runs[name] = (line.Number("scheduled_time") ?? line.Time, (int?)line.Number("result_count"));
            }
        }

        return runs;
    }

    private static double? Next(string cron, DateTimeOffset now)
    {
        try
        {
            return CronExpression.Parse(cron).GetNextOccurrence(now.UtcDateTime, TimeZoneInfo.Utc) is { } next
                ? EpochTime.FromDateTimeOffset(new DateTimeOffset(next, TimeSpan.Zero))
                : null;
        }
        catch (CronFormatException)
        {
            return null;
        }
    }
}
