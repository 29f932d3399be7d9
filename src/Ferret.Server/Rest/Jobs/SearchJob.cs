using System.Diagnostics;
using Ferret.Events;

namespace Ferret.Server.Rest.Jobs;

/// <summary>
/// One search job, as <c>search/jobs/{sid}</c> shows it: its search and window, its dispatch state (QUEUED, RUNNING,
/// DONE or FAILED), and once done its results (at most <see cref="MaxResultRows"/>, limits.conf's
/// <c>maxresultrows</c>), the events the store handed the engine, its run time and its messages.
/// </summary>
internal sealed class SearchJob(string sid, string search, double? earliest, double? latest, DateTimeOffset created)
{
    public const int MaxResultRows = 50_000;

    private readonly Stopwatch _clock = new();
    private readonly List<(string Type, string Text)> _messages = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Sid => sid;

    public string Search => search;

    public double? Earliest => earliest;

    public double? Latest => latest;

    public DateTimeOffset Created => created;

    public string? SavedSearchName { get; init; }

    public string DispatchState { get; private set; } = "QUEUED";

    public bool IsDone => DispatchState is "DONE" or "FAILED";

    public bool IsFailed => DispatchState == "FAILED";

    public IReadOnlyList<Event> Results { get; private set; } = [];

    /// <summary>The events the search's leading command kept (what <c>/events</c> returns).</summary>
    public Func<IEnumerable<Event>> Events { get; set; } = () => [];

    public long EventCount { get; private set; }

    public TimeSpan RunDuration => _clock.Elapsed;

    public IReadOnlyList<(string Type, string Text)> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    public Task Completion => _done.Task;

    public void Start()
    {
        DispatchState = "RUNNING";
        _clock.Start();
    }

    public void AddMessage(string type, string text)
    {
        lock (_messages)
        {
            _messages.Add((type, text));
        }
    }

    public void Finish(IReadOnlyList<Event> results, long eventCount)
    {
        _clock.Stop();
        Results = results;
        EventCount = eventCount;
        DispatchState = "DONE";
        _done.TrySetResult();
    }

    public void Fail(string message)
    {
        _clock.Stop();
        AddMessage("FATAL", message);
        DispatchState = "FAILED";
        _done.TrySetResult();
    }
}
