using Ferret.Engine.Execution;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Engine;

/// <summary>
/// A planned search: immutable and reusable (compile once, run many; runs may overlap on several threads). Each
/// <see cref="Run"/> has its own state. A search with errors runs nothing and returns no results.
/// </summary>
public sealed class CompiledSearch
{
    internal CompiledSearch(string text, CompiledPipeline pipeline, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Pipeline = pipeline;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.IsError);
    }

    public string Text { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    public bool HasErrors { get; }

    public CompiledPipeline Pipeline { get; }

    /// <summary>Whether a run reads its events again beside the pipeline's input (a subsearch, join, append, map), so it
    /// cannot be fed one event at a time: the plan answers it, nobody re-reads the text or walks the tree.</summary>
    public bool ReadsEventsAgain { get; init; }

    /// <summary>The pipelines besides <see cref="Pipeline"/> that read the run's events (subsearches, join, append),
    /// or null when some are only compiled as the search runs (map): an <see cref="Execution.IncrementalRun"/> feeds
    /// each of them as events arrive.</summary>
    public IReadOnlyList<Execution.CompiledPipeline>? NestedReaders { get; init; } = [];

    /// <summary>The main pipeline's operators whose search terms hold a subsearch that reads the run's events (one of
    /// <see cref="NestedReaders"/>): an <see cref="Execution.IncrementalRun"/> feeds the search only when none of them
    /// runs as events arrive.</summary>
    public IReadOnlyList<Execution.Operator> ReadingSubsearchOperators { get; init; } = [];

    /// <summary>Runs the search over <paramref name="events"/> (enumerated again by subsearches, join and append). Once the
    /// context's <see cref="SearchContext.Cancellation"/> is cancelled, reading the next event throws <see cref="OperationCanceledException"/>.</summary>
    public IEnumerable<Event> Run(IEnumerable<Event> events, SearchContext? context = null)
    {
        if (HasErrors)
        {
            return [];
        }

        context ??= SearchContext.Default;
        var cancellationToken = context.Cancellation;
        var source = cancellationToken.CanBeCanceled ? Cancellable(events, cancellationToken) : events;
        var run = new RunContext(context, source);
        return Pipeline.Execute(source, run);
    }

    private static IEnumerable<Event> Cancellable(IEnumerable<Event> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
