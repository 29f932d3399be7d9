using System.Collections.Concurrent;
using Ferret.Events;
using Ferret.Server.Detections;
using Ferret.Server.Search;
using Ferret.Spl;
using Ferret.Spl.Syntax;

namespace Ferret.Server.Rest.Jobs;

/// <summary>
/// Creates and keeps search jobs: ad-hoc searches over the store and dispatched saved searches. Jobs run on the thread
/// pool; their state is in memory (a restart forgets jobs, as their sids would expire anyway).
/// </summary>
internal sealed class JobManager(SearchEnvironment environment, DetectionDispatcher dispatcher)
{
    private readonly ConcurrentDictionary<string, SearchJob> _jobs = new(StringComparer.Ordinal);
    private long _sequence;

    public SearchJob? Find(string sid) => _jobs.GetValueOrDefault(sid);

    public IEnumerable<SearchJob> All => _jobs.Values.OrderByDescending(j => j.Created);

    public bool Remove(string sid) => _jobs.TryRemove(sid, out _);

    /// <summary>Starts <paramref name="spl"/> over <c>[earliest, latest)</c>; a search that does not compile fails its job
    /// with the first error's message.</summary>
    public SearchJob StartSearch(string spl, double? earliest, double? latest)
    {
        var text = SearchEnvironment.WithLeadingCommand(spl);
        var job = Register(new SearchJob(NewSid("search"), text, earliest, latest, environment.Clock.GetUtcNow()));
        job.Events = () => LeadingEvents(text, earliest, latest);
        _ = Task.Run(() => RunSearch(job));
        return job;
    }

    /// <summary>Dispatches a saved search over <c>[earliest, latest)</c>; with <paramref name="triggerActions"/> its
    /// notables and risk events are written as a scheduled run writes them.</summary>
    public SearchJob StartDispatch(SavedSearch search, double earliest, double latest, bool triggerActions)
    {
        var sid = NewSid("admin__admin__" + search.Detection.Id.Replace("-", string.Empty, StringComparison.Ordinal));
        var job = Register(new SearchJob(sid, search.Detection.Search, earliest, latest, environment.Clock.GetUtcNow()) { SavedSearchName = search.Name });
        _ = Task.Run(async () =>
        {
            job.Start();
            try
            {
                var result = await dispatcher.RunAsync([search], earliest, latest, sid, triggerActions).ConfigureAwait(false);
                foreach (var issue in result.NotRun)
                {
                    job.AddMessage("ERROR", issue.Reason);
                }

                var rows = result.Findings.Select(f => f.Result).ToList();
                job.Events = () => rows;
                job.Finish(rows, result.EventsRead);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                job.Fail(error.Message);
            }
        });
        return job;
    }

    private void RunSearch(SearchJob job)
    {
        job.Start();
        try
        {
            var outcome = environment.Run(job.Search, job.Earliest, job.Latest);
            foreach (var diagnostic in outcome.Diagnostics.Where(d => !d.IsError))
            {
                job.AddMessage("WARN", $"{diagnostic.Code}: {diagnostic.Message}");
            }

            if (outcome.HasErrors)
            {
                var error = outcome.Diagnostics.First(d => d.IsError);
                job.Fail($"Error in search: {error.Code} at offset {error.Span.Start}: {error.Message}");
                return;
            }

            var results = new List<Event>();
            foreach (var row in outcome.Results)
            {
                if (results.Count == SearchJob.MaxResultRows)
                {
                    job.AddMessage("WARN", $"results truncated at {SearchJob.MaxResultRows} rows (maxresultrows in limits.conf)");
                    break;
                }

                results.Add(row);
            }

            if (results.Count > 0 && results.TrueForAll(r => r.Has(FieldNames.Raw)))
            {
                // Every row is an event: nothing transformed them, so the job's events are its results.
                job.Events = () => results;
            }

            job.Finish(results, outcome.EventsScanned());
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            job.Fail(error.Message);
        }
    }

    /// <summary>The events of the search's leading command alone, what Splunk's <c>/events</c> lists for a search whose
    /// later commands transform them.</summary>
    private IEnumerable<Event> LeadingEvents(string text, double? earliest, double? latest)
    {
        var pipeline = SplParser.Parse(text).Pipeline;
        if (pipeline.Commands.Count == 0 || pipeline.Commands[0] is not SearchCommandNode first)
        {
            return [];
        }

        var leading = text.Substring(first.Span.Start, first.Span.Length);
        var outcome = environment.Run(SearchEnvironment.WithLeadingCommand(leading), earliest, latest);
        return outcome.HasErrors ? [] : outcome.Results;
    }

    private SearchJob Register(SearchJob job)
    {
        _jobs[job.Sid] = job;
        return job;
    }

    private string NewSid(string prefix) =>
        $"{prefix}_{environment.Clock.GetUtcNow().ToUnixTimeSeconds()}.{Interlocked.Increment(ref _sequence)}";
}
