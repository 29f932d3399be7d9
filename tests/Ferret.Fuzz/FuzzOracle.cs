using Ferret.Engine;
using Ferret.Engine.Limits;
using Ferret.Events;
using Ferret.Spl.Macros;

namespace Ferret.Fuzz;

/// <summary>
/// What every input must do, however damaged: end by itself within <see cref="CaseTimeout"/> without an exception
/// escaping the reader or the compiler (they report problems instead). A case that breaks the rule is a reproducer.
/// </summary>
internal static class FuzzOracle
{
    public static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(20);

    /// <summary>The limits fuzzed runs use: small, so a hostile input meets them quickly.</summary>
    public static SearchLimits Limits { get; } = SearchLimits.Default with
    {
        MaxMemUsageMb = 64,
        MaxMvSize = 10_000,
        MaxStringLength = 1 << 20,
        RegexMatchTimeout = TimeSpan.FromMilliseconds(100),
        RegexSearchBudget = TimeSpan.FromSeconds(1),
    };

    /// <summary>Reads an input file as a search would; returns the events and problems, or the failure.</summary>
    public static string? ReadInput(string path) => Within(() =>
    {
        var problems = new ProblemCollector();
        var options = Ingest.IngestOptions.Default with { EvtxMaxRenderedChars = Limits.EvtxMaxRenderedChars };
        foreach (var _ in Ingest.InputReader.ReadFile(path, options, problems))
        {
        }
    });

    /// <summary>Expands and compiles a search (and runs it over a few events when <paramref name="run"/>).</summary>
    public static string? CompileSearch(string spl, MacroTable macros, bool run) => Within(() =>
    {
        var expansion = MacroExpander.Expand(spl, macros);
        var compiled = SearchEngine.Compile(expansion.Text);
        if (run && !compiled.HasErrors)
        {
            var events = Enumerable.Range(0, 3).Select(i =>
            {
                var e = new Event { Raw = $"event {i}", Time = 1_700_000_000 + i };
                e.Set("x", FieldValue.Of(i));
                return e;
            }).ToList();
            var context = new SearchContext { Problems = new ProblemCollector(), Limits = Limits, Label = "fuzz" };
            foreach (var _ in compiled.Run(events, context))
            {
            }
        }
    });

    /// <summary>Null when <paramref name="action"/> ended in time without an exception; else what went wrong.</summary>
    private static string? Within(Action action)
    {
        var task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            return task.Wait(CaseTimeout) ? null : $"did not end within {CaseTimeout.TotalSeconds:0} s";
        }
        catch (AggregateException error) when (error.InnerException is { } inner)
        {
            return $"{inner.GetType().Name}: {inner.Message}\n{inner.StackTrace}";
        }
    }
}
