using Ferret.Server.Detections;
using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Rest;

internal sealed partial class RestEndpoints
{
    private Task ListSavedSearches(RestRequest request)
    {
        var offset = Math.Max(0, request.Int("offset", 0));
        var count = request.Int("count", 30);
        var filter = request["search"];
        var chosen = savedSearches.All
            .Where(s => string.IsNullOrEmpty(filter) || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Skip(offset)
            .Take(count <= 0 ? int.MaxValue : count)
            .Select(Entry)
            .ToList();
        return request.OutputMode == "json"
            ? Json(request.Context, StatusCodes.Status200OK, AtomFeed.Json(chosen, offset))
            : Text(request.Context, StatusCodes.Status200OK, "text/xml; charset=utf-8", AtomFeed.Feed("savedsearch", "/servicesNS/-/-/saved/searches", chosen, environment.Clock.GetUtcNow(), offset));
    }

    private Task ReadSavedSearch(RestRequest request, string name)
    {
        if (savedSearches.Find(name) is not { } search)
        {
            return Message(request.Context, StatusCodes.Status404NotFound, "ERROR", $"Could not find object id={name}");
        }

        var entries = new[] { Entry(search) };
        return request.OutputMode == "json"
            ? Json(request.Context, StatusCodes.Status200OK, AtomFeed.Json(entries))
            : Text(request.Context, StatusCodes.Status200OK, "text/xml; charset=utf-8", AtomFeed.Feed("savedsearch", entries[0].Link, entries, environment.Clock.GetUtcNow()));
    }

    /// <summary><c>saved/searches/{name}/dispatch</c>: runs the detection over <c>dispatch.earliest_time</c> to
    /// <c>dispatch.latest_time</c> (the saved search's own window, resolved against now, when not given); with
    /// <c>trigger_actions=1</c> its notables and risk events are written as a scheduled run's are.</summary>
    private async Task Dispatch(RestRequest request, string name)
    {
        if (savedSearches.Find(name) is not { } search)
        {
            await Message(request.Context, StatusCodes.Status404NotFound, "ERROR", $"Could not find object id={name}");
            return;
        }

        var now = environment.Clock.GetUtcNow();
        var (earliest, earliestError) = request.Time("dispatch.earliest_time", now);
        var (latest, latestError) = request.Time("dispatch.latest_time", now);
        if ((earliestError ?? latestError) is { } timeError)
        {
            await Message(request.Context, StatusCodes.Status400BadRequest, "FATAL", timeError);
            return;
        }

        earliest ??= Ferret.Engine.Time.TimeModifier.Parse(search.EarliestTime).ResolveEpoch(now);
        latest ??= Ferret.Engine.Time.TimeModifier.Parse(search.LatestTime).ResolveEpoch(now);
        var trigger = request["trigger_actions"] is "1" or "true" or "t";
        var job = jobs.StartDispatch(search, earliest.Value, latest.Value, trigger);
        await Sid(request, job.Sid);
    }

    private static AtomEntry Entry(SavedSearch search)
    {
        var link = "/servicesNS/nobody/" + Uri.EscapeDataString(AppName) + "/saved/searches/" + Uri.EscapeDataString(search.Name);
        var configuration = search.Configuration;
        return new AtomEntry(search.Name, link,
        [
            new("search", search.Detection.Search),
            new("description", search.Detection.Description),
            new("cron_schedule", search.CronSchedule),
            new("dispatch.earliest_time", search.EarliestTime),
            new("dispatch.latest_time", search.LatestTime),
            new("schedule_window", configuration.ScheduleWindow),
            new("is_scheduled", true),
            new("disabled", !search.Enabled),
            new("realtime_schedule", true),
            new("action.notable", configuration.CreatesNotable),
            new("action.risk", configuration.CreatesRisk),
            new("action.notable.param.rule_title", configuration.RenderRuleTitle(search.Detection)),
            new("action.escu.full_search_name", search.Name),
            new("eai:acl", AtomFeed.Acl(AppName, "nobody").Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)).ToList()),
        ]);
    }

    /// <summary>The app ESCU's saved searches live in (contentctl's build).</summary>
    private const string AppName = "DA-ESS-ContentUpdate";
}
