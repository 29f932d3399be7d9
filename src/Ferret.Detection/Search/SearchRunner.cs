using Ferret.Content;
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
/// Runs ad-hoc SPL over logs: loads the content's macros (with Ferret's environment macros) and lookups, expands and
/// compiles the search, reads the inputs, normalizes events with the add-on knowledge and data models, keeps the
/// earliest/latest window, and runs the search. Reused by the CLI's <c>search</c> and by hunting.
/// </summary>
public static class SearchRunner
{
    public static SearchOutcome Run(SearchRequest request, IProblemSink problems)
    {
        var content = request.ContentDirectory is { } directory
            ? ContentRepository.Load(directory, problems).WithEnvironmentDefaults(problems)
            : null;
        var macros = MacroTable.WithBuiltIns();
        foreach (var macro in content?.MacroDefinitions ?? [])
        {
            macros.Override(new MacroDefinition(macro.Name, macro.Arguments, macro.Definition));
        }

        var expansion = MacroExpander.Expand(request.Spl, macros);
        var diagnostics = expansion.Diagnostics.ToList();
        var compiled = SearchEngine.Compile(expansion.Text);
        diagnostics.AddRange(compiled.Diagnostics.Select(d =>
        {
            var start = expansion.MapToOriginal(d.Span.Start);
            var end = expansion.MapToOriginal(d.Span.End);
            return d.WithSpan(TextSpan.FromBounds(start, Math.Max(start, end)));
        }));

        var window = TimeWindow(request, diagnostics);
        if (diagnostics.Any(d => d.IsError))
        {
            return new SearchOutcome(expansion.Text, diagnostics, []);
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
        return new SearchOutcome(expansion.Text, diagnostics, compiled.Run(events, context));
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
