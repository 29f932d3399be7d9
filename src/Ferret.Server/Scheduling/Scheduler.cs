using Cronos;
using Ferret.Engine.Time;
using Ferret.Events;
using Ferret.Server.Detections;
using Ferret.Server.Logging;

namespace Ferret.Server.Scheduling;

/// <summary>One scheduled run: the searches that ran together, their scheduled time and window, when the run started
/// (the scheduled time plus skew, or later), what they found.</summary>
internal sealed record ScheduledRun(IReadOnlyList<string> Searches, DateTimeOffset Scheduled, DateTimeOffset Started, double Earliest, double Latest, int Findings, int Notables, int RiskEvents);

/// <summary>
/// Runs every enabled saved search on its cron schedule (standard five fields, read with Cronos, in UTC), over its
/// dispatch window resolved against the scheduled time (<c>-70m@m</c> to <c>-10m@m</c> by ESCU's default), with
/// savedsearches.conf's schedule window, skew and <c>realtime_schedule</c> as <see cref="ScheduleTiming"/> applies
/// them. The searches due at the same time with the same window share one pass over the store. A scheduled time is
/// recorded once its actions are committed (<see cref="ScheduleState"/>) and never runs again; a skipped one is
/// logged to <c>_internal</c> with status=skipped and its reason. Time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class Scheduler(SavedSearchCatalog catalog, DetectionDispatcher dispatcher, ScheduleState state, SchedulePolicy policy, TimeProvider clock, InternalLog log) : IDisposable
{
    /// <summary>How often the loop looks for due searches.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _oneRound = new(1, 1);
    private readonly DateTimeOffset _started = clock.GetUtcNow();
    private readonly FailedRuns _failed = new();

    public void Dispose() => _oneRound.Dispose();

    /// <summary>Looks for due searches every <see cref="Tick"/> until cancelled.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync().ConfigureAwait(false);
                await Task.Delay(Tick, clock, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                log.Error("scheduler", $"scheduler round failed: {error.Message}");
                await Task.Delay(Tick, clock, stop).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs what is due now, grouped into shared passes; returns the runs made.</summary>
    public async Task<IReadOnlyList<ScheduledRun>> RunDueAsync()
    {
        await _oneRound.WaitAsync().ConfigureAwait(false);
        try
        {
            var now = clock.GetUtcNow();
            var due = new List<(SavedSearch Search, DateTimeOffset Scheduled, double Earliest, double Latest)>();
            foreach (var search in catalog.Enabled)
            {
                foreach (var scheduled in Due(search, now))
                {
                    if (Window(search, scheduled) is { } window)
                    {
                        due.Add((search, scheduled, window.Earliest, window.Latest));
                    }
                }
            }

            var runs = new List<ScheduledRun>();
            foreach (var group in due.GroupBy(d => (d.Scheduled, d.Earliest, d.Latest)).OrderBy(g => g.Key.Scheduled))
            {
                var searches = group.Select(g => g.Search).ToList();
                var sid = $"scheduler__admin__{group.Key.Scheduled.ToUnixTimeSeconds()}_{(long)group.Key.Earliest}";
                DispatchResult result;
                try
                {
                    result = await dispatcher.RunAsync(searches, group.Key.Earliest, group.Key.Latest, sid, triggerActions: true).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OutOfMemoryException)
                {
                    if (GaveUp(searches, group.Key.Scheduled, sid, error))
                    {
                        continue;
                    }

                    // Retried next round; the later groups wait, so that no later time of these searches runs first.
                    break;
                }

                _failed.Succeeded(sid);
                state.Record(searches.Select(s => s.Name), EpochTime.FromDateTimeOffset(group.Key.Scheduled));
                foreach (var search in searches)
                {
                    var findings = result.Findings.Count(f => f.Detection.Name == search.Detection.Name);
                    log.Info("scheduler", $"ran {search.Name}", ("status", "success"), ("savedsearch_name", search.Name), ("scheduled_time", group.Key.Scheduled.ToUnixTimeSeconds()),
                        ("earliest", group.Key.Earliest), ("latest", group.Key.Latest), ("result_count", findings), ("sid", sid));
                }

                log.Info("scheduler", $"round of {searches.Count} searches over {result.EventsRead} events in {result.Elapsed.TotalSeconds:0.###} s",
                    ("searches", searches.Count), ("event_count", result.EventsRead), ("run_time", result.Elapsed.TotalSeconds), ("notables", result.NotablesWritten), ("risk_events", result.RiskEventsWritten));
                runs.Add(new ScheduledRun([.. searches.Select(s => s.Name)], group.Key.Scheduled, now, group.Key.Earliest, group.Key.Latest, result.Findings.Count, result.NotablesWritten, result.RiskEventsWritten));
            }

            return runs;
        }
        finally
        {
            _oneRound.Release();
        }
    }

    /// <summary>Logs a failed run (status=failed) and, once it has failed <see cref="FailedRuns.MaxAttempts"/> times,
    /// records its scheduled time as handled and logs it as skipped; returns whether it was given up.</summary>
    private bool GaveUp(IReadOnlyList<SavedSearch> searches, DateTimeOffset scheduled, string sid, Exception error)
    {
        var (attempt, verdict) = _failed.Failed(sid);
        foreach (var search in searches)
        {
            log.Error("scheduler", $"{search.Name} for {ScheduleTiming.Format(scheduled)} failed (attempt {attempt} of {FailedRuns.MaxAttempts}): {error.Message}",
                ("status", "failed"), ("savedsearch_name", search.Name), ("scheduled_time", scheduled.ToUnixTimeSeconds()), ("sid", sid), ("attempt", attempt));
        }

        if (verdict == FailedRunVerdict.RetryNextRound)
        {
            return false;
        }

        state.Record(searches.Select(s => s.Name), EpochTime.FromDateTimeOffset(scheduled));
        foreach (var search in searches)
        {
            LogSkipped(search.Name, new SkippedTime(scheduled, $"failed {attempt} times, last: {error.Message}"));
        }

        return true;
    }

    /// <summary>A scheduled time not run, to <c>_internal</c> with status=skipped and its reason.</summary>
    private void LogSkipped(string search, SkippedTime skipped) =>
        log.Warn("scheduler", $"skipped {search} for {ScheduleTiming.Format(skipped.Scheduled)}: {skipped.Reason}",
            ("status", "skipped"), ("savedsearch_name", search), ("scheduled_time", skipped.Scheduled.ToUnixTimeSeconds()), ("reason", skipped.Reason));

    /// <summary>The scheduled times <paramref name="search"/> should run for now, oldest first; logs the skipped ones
    /// and records them as handled. On first sight the search is scheduled from now on (no run for the past).</summary>
    private IReadOnlyList<DateTimeOffset> Due(SavedSearch search, DateTimeOffset now)
    {
        if (Timing(search, now) is not { } timing)
        {
            return [];
        }

        if (state.LastScheduled(search.Name) is not { } last)
        {
            state.Record([search.Name], EpochTime.FromDateTimeOffset(now));
            return [];
        }

        var due = ScheduleTiming.Due(timing.Cron, EpochTime.ToDateTimeOffset(last), now, _started, timing.Skew, timing.Window, policy.RealtimeSchedule);
        foreach (var skipped in due.Skipped)
        {
            LogSkipped(search.Name, skipped);
        }

        if (due.Run.Count == 0 && due.Skipped.Count > 0)
        {
            state.Record([search.Name], EpochTime.FromDateTimeOffset(due.Skipped.Max(s => s.Scheduled)));
        }

        return due.Run;
    }

    /// <summary>The search's cron, skew and schedule window, or null (logged) when one of them does not read.</summary>
    private (CronExpression Cron, TimeSpan Skew, TimeSpan Window)? Timing(SavedSearch search, DateTimeOffset now)
    {
        CronExpression cron;
        try
        {
            cron = CronExpression.Parse(search.CronSchedule);
        }
        catch (CronFormatException invalid)
        {
            log.Error("scheduler", $"{search.Name}: cron_schedule '{search.CronSchedule}' is not valid: {invalid.Message}", ("savedsearch_name", search.Name));
            return null;
        }

        var period = ScheduleTiming.Period(cron, cron.GetNextOccurrence(now, TimeZoneInfo.Utc) ?? now);
        if (!ScheduleTiming.TryParseSkew(policy.AllowSkew, period, out var maximumSkew, out var error)
            || !ScheduleTiming.TryParseWindow(search.Configuration.ScheduleWindow, period, out var window, out error))
        {
            log.Error("scheduler", $"{search.Name}: {error}", ("savedsearch_name", search.Name));
            return null;
        }

        return (cron, ScheduleTiming.SkewOf(search.Name, maximumSkew), window);
    }

    private (double Earliest, double Latest)? Window(SavedSearch search, DateTimeOffset scheduled)
    {
        if (TimeModifier.TryParse(search.EarliestTime, out var earliest, out var error) && TimeModifier.TryParse(search.LatestTime, out var latest, out error))
        {
            return (earliest.ResolveEpoch(scheduled), latest.ResolveEpoch(scheduled));
        }

        log.Error("scheduler", $"{search.Name}: dispatch window is not valid: {error}", ("savedsearch_name", search.Name));
        return null;
    }
}
