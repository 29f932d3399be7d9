using System.Globalization;
using System.Text.Json;
using Ferret.Events;
using Ferret.Server.Rest.Jobs;
using Microsoft.AspNetCore.Http;

namespace Ferret.Server.Rest;

internal sealed partial class RestEndpoints
{
    /// <summary><c>POST search/jobs</c>: <c>exec_mode=normal</c> answers the sid at once, <c>blocking</c> once the job is
    /// done, <c>oneshot</c> answers the results themselves.</summary>
    private async Task CreateJob(RestRequest request)
    {
        var search = request["search"];
        if (string.IsNullOrWhiteSpace(search))
        {
            await Message(request.Context, StatusCodes.Status400BadRequest, "FATAL", "Missing search parameter");
            return;
        }

        var now = environment.Clock.GetUtcNow();
        var (earliest, earliestError) = request.Time("earliest_time", now);
        var (latest, latestError) = request.Time("latest_time", now);
        if ((earliestError ?? latestError) is { } timeError)
        {
            await Message(request.Context, StatusCodes.Status400BadRequest, "FATAL", timeError);
            return;
        }

        var job = jobs.StartSearch(search, earliest, latest);
        var mode = request["exec_mode"]?.ToLowerInvariant() ?? "normal";
        if (mode is "blocking" or "oneshot")
        {
            await job.Completion;
        }

        if (mode == "oneshot")
        {
            if (job.IsFailed)
            {
                await Message(request.Context, StatusCodes.Status400BadRequest, "FATAL", job.Messages[^1].Text);
                return;
            }

            var rows = Page(job.Results, request);
            await Text(request.Context, StatusCodes.Status200OK, ResultsFormat.ContentType(request.OutputMode),
                ResultsFormat.Write(request.OutputMode, rows, job.Messages, request.Int("offset", 0)));
            jobs.Remove(job.Sid);
            return;
        }

        await Sid(request, job.Sid);
    }

    private static Task Sid(RestRequest request, string sid)
    {
        if (request.OutputMode == "json")
        {
            return Json(request.Context, StatusCodes.Status201Created, new Dictionary<string, string> { ["sid"] = sid });
        }

        return Xml(request.Context, StatusCodes.Status201Created, xml =>
        {
            xml.WriteStartElement("response");
            xml.WriteElementString("sid", sid);
            xml.WriteEndElement();
        });
    }

    private Task ListJobs(RestRequest request)
    {
        var entries = jobs.All.Select(Entry).ToList();
        return request.OutputMode == "json"
            ? Json(request.Context, StatusCodes.Status200OK, AtomFeed.Json(entries))
            : Text(request.Context, StatusCodes.Status200OK, "text/xml; charset=utf-8", AtomFeed.Feed("jobs", "/services/search/jobs", entries, environment.Clock.GetUtcNow()));
    }

    private Task JobStatus(RestRequest request, string sid)
    {
        if (jobs.Find(sid) is not { } job)
        {
            return Message(request.Context, StatusCodes.Status404NotFound, "FATAL", $"Unknown sid: {sid}");
        }

        var entry = Entry(job);
        return request.OutputMode == "json"
            ? Json(request.Context, StatusCodes.Status200OK, AtomFeed.Json([entry]))
            : Text(request.Context, StatusCodes.Status200OK, "text/xml; charset=utf-8", AtomFeed.Entry(entry, environment.Clock.GetUtcNow()));
    }

    private Task DeleteJob(RestRequest request, string sid) =>
        jobs.Remove(sid)
            ? Message(request.Context, StatusCodes.Status200OK, "INFO", "Search job cancelled.")
            : Message(request.Context, StatusCodes.Status404NotFound, "FATAL", $"Unknown sid: {sid}");

    /// <summary><c>control</c>: a job here runs to its end quickly; cancel removes it, other actions are accepted as
    /// no-ops on a finished job and said so.</summary>
    private Task JobControl(RestRequest request, string sid)
    {
        if (jobs.Find(sid) is null)
        {
            return Message(request.Context, StatusCodes.Status404NotFound, "FATAL", $"Unknown sid: {sid}");
        }

        var action = request["action"] ?? string.Empty;
        if (action == "cancel")
        {
            jobs.Remove(sid);
        }

        return Message(request.Context, StatusCodes.Status200OK, "INFO", $"{action}: done (jobs run to completion in Ferret)");
    }

    private async Task JobResults(RestRequest request, string sid, bool events)
    {
        if (jobs.Find(sid) is not { } job)
        {
            await Message(request.Context, StatusCodes.Status404NotFound, "FATAL", $"Unknown sid: {sid}");
            return;
        }

        if (!job.IsDone)
        {
            // splunkd answers 204 No Content while a job's results are not ready.
            request.Context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var rows = events ? job.Events().Take(Math.Max(0, request.Int("offset", 0)) + Limit(request)).ToList() : job.Results;
        await Text(request.Context, StatusCodes.Status200OK, ResultsFormat.ContentType(request.OutputMode),
            ResultsFormat.Write(request.OutputMode, Page(rows, request), job.Messages, request.Int("offset", 0)));
    }

    /// <summary><c>search/jobs/export</c>: runs the search and streams its results; JSON as one object per line
    /// (<c>{"preview": false, "offset": N, "result": {...}}</c>, the last with <c>"lastrow": true</c>), else XML.</summary>
    private async Task Export(RestRequest request)
    {
        var search = request["search"];
        if (string.IsNullOrWhiteSpace(search))
        {
            await Message(request.Context, StatusCodes.Status400BadRequest, "FATAL", "Missing search parameter");
            return;
        }

        var now = environment.Clock.GetUtcNow();
        var (earliest, _) = request.Time("earliest_time", now);
        var (latest, _) = request.Time("latest_time", now);
        var job = jobs.StartSearch(search, earliest, latest);
        await job.Completion;
        jobs.Remove(job.Sid);
        if (job.IsFailed)
        {
            await Message(request.Context, StatusCodes.Status400BadRequest, "FATAL", job.Messages[^1].Text);
            return;
        }

        if (request.OutputMode != "json")
        {
            await Text(request.Context, StatusCodes.Status200OK, ResultsFormat.ContentType(request.OutputMode), ResultsFormat.Write(request.OutputMode, job.Results, job.Messages, 0));
            return;
        }

        request.Context.Response.ContentType = "application/json; charset=utf-8";
        var fields = ResultsFormat.FieldOrder(job.Results);
        for (var i = 0; i < job.Results.Count; i++)
        {
            var line = new Dictionary<string, object> { ["preview"] = false, ["offset"] = i, ["result"] = ResultsFormat.JsonRow(job.Results[i], fields) };
            if (i == job.Results.Count - 1)
            {
                line["lastrow"] = true;
            }

            await request.Context.Response.WriteAsync(JsonSerializer.Serialize(line) + "\n");
        }
    }

    private AtomEntry Entry(SearchJob job)
    {
        var link = "/services/search/jobs/" + Uri.EscapeDataString(job.Sid);
        return new AtomEntry(job.Search, link,
        [
            new("sid", job.Sid),
            new("search", job.Search),
            new("label", job.SavedSearchName),
            new("dispatchState", job.DispatchState),
            new("isDone", job.IsDone),
            new("isFailed", job.IsFailed),
            new("isFinalized", false),
            new("isPaused", false),
            new("isSaved", false),
            new("isZombie", false),
            new("doneProgress", job.IsDone ? 1.0 : 0.0),
            new("resultCount", job.Results.Count),
            new("eventCount", job.EventCount),
            new("scanCount", job.EventCount),
            new("runDuration", job.RunDuration.TotalSeconds),
            new("earliestTime", job.Earliest is { } e ? AtomFeed.Time(EpochTime.ToDateTimeOffset(e)) : null),
            new("latestTime", job.Latest is { } l ? AtomFeed.Time(EpochTime.ToDateTimeOffset(l)) : null),
            new("createTime", AtomFeed.Time(job.Created)),
            new("ttl", 600),
            new("messages", job.Messages.Select(m => new KeyValuePair<string, object?>(m.Type, m.Text)).ToList()),
            new("eai:acl", AtomFeed.Acl().Select(a => new KeyValuePair<string, object?>(a.Key, a.Value)).ToList()),
        ]);
    }

    /// <summary>Splunk's <c>count</c> (default 100; 0 means every row) and <c>offset</c>.</summary>
    private static List<Event> Page(IReadOnlyList<Event> rows, RestRequest request)
    {
        var offset = Math.Max(0, request.Int("offset", 0));
        return [.. rows.Skip(offset).Take(Limit(request))];
    }

    private static int Limit(RestRequest request)
    {
        var count = request.Int("count", 100);
        return count <= 0 ? int.MaxValue : count;
    }
}
