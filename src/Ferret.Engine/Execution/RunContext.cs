using Ferret.Engine.Functions;
using Ferret.Engine.Limits;
using Ferret.Events;

namespace Ferret.Engine.Execution;

/// <summary>The state of one run: the caller's context, the events the search reads, per-run caches.</summary>
public sealed class RunContext
{
    private readonly Dictionary<object, object> _cache = [];

    public RunContext(SearchContext search, IEnumerable<Event> source)
    {
        Search = search;
        Source = source;
        Runtime = new EvalRuntime(search.Clock, search.RegexTimeout, search.Problems, search.Label) { Run = this, Limits = search.Limits };
    }

    public SearchContext Search { get; }

    public SearchLimits Limits => Search.Limits;

    /// <summary>The events of the "index": what the leading search and every subsearch read.</summary>
    public IEnumerable<Event> Source { get; }

    public EvalRuntime Runtime { get; }

    /// <summary>For a run fed event by event: the results of each nested search that was fed as the events arrived
    /// (<see cref="IncrementalRun"/>), handed out in place of reading the events again.</summary>
    internal IReadOnlyDictionary<CompiledPipeline, Func<IEnumerable<Event>>>? FedReaders { get; init; }

    /// <summary>Cancels the run: checked as the run's events are read, and by operators that loop without reading them.</summary>
    public CancellationToken Cancellation => Search.Cancellation;

    public T GetOrAdd<T>(object key, Func<T> create)
        where T : class => GetOrAdd(key, create, static c => c());

    /// <summary><see cref="GetOrAdd{T}(object, Func{T})"/> with the state <paramref name="create"/> needs passed in: a
    /// streaming operator asks for its run's state for every event, and a lambda capturing it was an object per event.</summary>
    public T GetOrAdd<TState, T>(object key, TState state, Func<TState, T> create)
        where T : class
    {
        lock (_cache)
        {
            if (_cache.TryGetValue(key, out var existing))
            {
                return (T)existing;
            }
        }

        var created = create(state);
        lock (_cache)
        {
            _cache[key] = created;
        }

        return created;
    }

    public void Report(string message, ProblemSeverity severity = ProblemSeverity.Warning) => Runtime.Report(message, severity);

    /// <summary>Reports a run-time problem from the diagnostic catalogue (its code and message).</summary>
    public void Report(Ferret.Spl.Diagnostics.Diagnostic diagnostic) => Runtime.Report(diagnostic);

    /// <summary>Reports that <paramref name="limit"/> was reached at <paramref name="where"/>, once per run and place.</summary>
    public void ReportLimit(string limit, string where, string kept) => Runtime.ReportLimit(limit, where, kept);
}
