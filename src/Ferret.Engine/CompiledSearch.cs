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

    /// <summary>Runs the search over <paramref name="events"/> (enumerated again by subsearches, join and append).</summary>
    public IEnumerable<Event> Run(IEnumerable<Event> events, SearchContext? context = null)
    {
        if (HasErrors)
        {
            return [];
        }

        var run = new RunContext(context ?? SearchContext.Default, events);
        return Pipeline.Execute(events, run);
    }
}
