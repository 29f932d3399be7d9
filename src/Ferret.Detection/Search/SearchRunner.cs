using Ferret.Detection.Compilation;
using Ferret.Engine;
using Ferret.Engine.Time;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;

namespace Ferret.Detection.Search;

/// <summary>The outcome of preparing an ad-hoc search: diagnostics (spans mapped to the text the user wrote) and,
/// when it compiled, the results (streamed: enumerating them reads the inputs).</summary>
public sealed record SearchOutcome(string ExpandedSpl, IReadOnlyList<Diagnostic> Diagnostics, IEnumerable<Event> Results)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

/// <summary>
/// Runs ad-hoc SPL over logs, what the CLI's <c>search</c> does: compiles the search through the one compile pipeline
/// (<see cref="CompiledContent"/>: the content's macros with Ferret's environment macros and its lookups; without
/// content, the built-in macros), reads the inputs, normalizes events with the add-on knowledge and data models, keeps
/// the earliest/latest window (also the span timechart fills), and runs the search.
/// </summary>
public static class SearchRunner
{
    public static SearchOutcome Run(SearchRequest request, IProblemSink problems)
    {
        var compiledContent = request.ContentDirectory is { } directory
            ? CompiledContent.Load(directory, new ContentCompileOptions { CompileDetections = false })
            : null;
        foreach (var problem in compiledContent?.LoadProblems ?? [])
        {
            problems.Report(problem);
        }

        var content = compiledContent?.Content;
        var search = compiledContent?.CompileSearch(request.Spl) ?? SearchCompilation.Compile(request.Spl, MacroTable.WithBuiltIns());
        var diagnostics = search.Diagnostics.ToList();
        var window = TimeWindow(request, diagnostics);
        if (search.Plan is not { } compiled || diagnostics.Any(d => d.IsError))
        {
            return new SearchOutcome(search.ExpandedText, diagnostics, []);
        }

        var knowledge = request.Raw ? null : KnowledgeBase.WithApps(request.Apps);
        foreach (var problem in knowledge?.Problems ?? [])
        {
            problems.Report(new InputProblem(problem.File, $"line {problem.Line}", problem.Message, ProblemSeverity.Warning));
        }

        var events = Events(request, problems, knowledge, window);
        var context = new SearchContext
        {
            Clock = request.Clock,
            Problems = problems,
            Lookups = content is null ? null : new ContentLookupResolver(content.Lookups, problems),
            DataModels = knowledge?.DataModels,
            Label = "search",
            OutputLookupDirectory = request.OutputLookupDirectory,
            GeoIp = request.GeoIp,
            Limits = request.Limits,
            Earliest = window.Earliest,
            Latest = window.Latest,
        };
        return new SearchOutcome(search.ExpandedText, diagnostics, compiled.Run(events, context));
    }

    private static (double? Earliest, double? Latest) TimeWindow(SearchRequest request, List<Diagnostic> diagnostics)
    {
        var now = request.Clock.GetUtcNow();
        double? Resolve(string? text, string name)
        {
            if (text is null)
            {
                return null;
            }

            if (TimeModifier.TryParse(text, out var modifier, out var error))
            {
                return modifier.ResolveEpoch(now);
            }

            diagnostics.Add(DiagnosticFacts.InvalidTimeModifier(default, $"--{name}: {error}"));
            return null;
        }

        return (Resolve(request.Earliest, "earliest"), Resolve(request.Latest, "latest"));
    }

    private static IEnumerable<Event> Events(SearchRequest request, IProblemSink problems, KnowledgeBase? knowledge, (double? Earliest, double? Latest) window)
    {
        var ingest = request.Ingest with { IndexTime = request.Ingest.IndexTime ?? knowledge?.IndexTime, EvtxMaxRenderedChars = request.Limits.EvtxMaxRenderedChars };
        var events = request.Inputs.Count == 0 ? [] : InputReader.Read(request.Inputs, ingest, problems);
        if (window.Earliest is not null || window.Latest is not null)
        {
            events = events.Where(e => e.Time is { } t && (window.Earliest is not { } from || t >= from) && (window.Latest is not { } to || t < to));
        }

        return knowledge is null ? events : knowledge.Accelerate(events);
    }
}
