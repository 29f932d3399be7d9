using System.Collections.Concurrent;
using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Detection.Hunting;
using Ferret.Events;

namespace Ferret.Detection.Compilation;

/// <summary>
/// A content folder compiled once: every detection expanded, parsed, bound and planned (<see cref="DetectionCompiler"/>),
/// with its diagnostics placed in its YAML file. Immutable and thread-safe, so it is built once and run many times:
/// <c>validate</c> reports its diagnostics, <c>hunt</c> and <c>test</c> run its plans, <c>serve</c> keeps it for the
/// life of the server and runs a detection with <see cref="CompiledDetection.Run"/> on each schedule.
/// </summary>
public sealed class CompiledContent
{
    private CompiledContent(ContentRepository content, IReadOnlyList<DetectionCompilation> compilations, IReadOnlyList<InputProblem> loadProblems)
    {
        Content = content;
        Compilations = compilations;
        Detections = [.. compilations.Select(c => c.Compiled).OfType<CompiledDetection>()];
        NotCompiled = [.. compilations.Select(c => c.Issue).OfType<DetectionIssue>()];
        LoadProblems = loadProblems;
    }

    /// <summary>The content the plans were compiled from (its macros as compiled: environment defaults and overrides applied).</summary>
    public ContentRepository Content { get; }

    /// <summary>Every detection compiled, in the order given, with its plan or the reason it has none.</summary>
    public IReadOnlyList<DetectionCompilation> Compilations { get; }

    /// <summary>The detections that compiled, in order.</summary>
    public IReadOnlyList<CompiledDetection> Detections { get; }

    /// <summary>The detections that did not compile, each with its first error and where it is.</summary>
    public IReadOnlyList<DetectionIssue> NotCompiled { get; }

    /// <summary>Problems met loading the folder (unreadable YAML, duplicate names...): reported, never dropped.</summary>
    public IReadOnlyList<InputProblem> LoadProblems { get; }

    /// <summary>Loads <paramref name="contentDirectory"/> and compiles every detection in it.</summary>
    /// <exception cref="DirectoryNotFoundException">the folder does not exist.</exception>
    /// <exception cref="ContentException">the macro overrides file is missing or not valid YAML.</exception>
    public static CompiledContent Load(string contentDirectory, ContentCompileOptions? options = null)
    {
        options ??= new ContentCompileOptions();
        var problems = new ProblemCollector();
        var content = ContentRepository.Load(contentDirectory, problems);
        if (options.EnvironmentDefaults)
        {
            content = content.WithEnvironmentDefaults(problems);
        }

        if (options.MacroOverrides is { } overrides)
        {
            content = content.WithOverrides(overrides);
        }

        return Compile(content, options.CompileDetections ? content.Detections : [], problems.Problems);
    }

    /// <summary>Compiles an ad-hoc search (<c>ferret search</c>) against this content's macros, as a detection's search is
    /// compiled; a search may use the content's lookups when it runs (<see cref="Content"/>).</summary>
    public SearchCompilation CompileSearch(string spl) => SearchCompilation.Compile(spl, Content.Macros);

    /// <summary>Compiles <paramref name="detections"/> (by default every detection) of already loaded content, in
    /// parallel; <paramref name="progress"/> is told how many are done.</summary>
    public static CompiledContent Compile(
        ContentRepository content, IReadOnlyList<DetectionDefinition>? detections = null, IReadOnlyList<InputProblem>? loadProblems = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        detections ??= content.Detections;
        var macros = content.Macros;
        var fileTexts = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        string? ReadFile(string path) => fileTexts.GetOrAdd(path, ContentValidator.ReadOrNull);
        var done = 0;
        var compilations = detections
            .AsParallel().AsOrdered()
            .Select(detection =>
            {
                var compilation = CompileGuarded(detection, macros, ReadFile);
                progress?.Report(Interlocked.Increment(ref done));
                return compilation;
            })
            .ToList();
        return new CompiledContent(content, compilations, loadProblems ?? []);
    }

    /// <summary>A detection whose compiling fails unexpectedly (a bug) gets the error as the reason it cannot run, so the
    /// others still compile and a hunt lists it instead of ending.</summary>
    private static DetectionCompilation CompileGuarded(DetectionDefinition detection, Spl.Macros.MacroTable macros, Func<string, string?> readFile)
    {
        try
        {
            return DetectionCompiler.Compile(detection, macros, readFile);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            return new DetectionCompilation(detection, null, new DetectionIssue(detection.Name, Search.RunFailure.Describe(error), detection.FilePath), []);
        }
    }
}

/// <summary>How <see cref="CompiledContent.Load"/> prepares the content: with Ferret's environment macros (what hunt,
/// test and serve need so searches select what Ferret's ingestion produces; validate and build keep the content's own),
/// and a local macro overrides file applied last.</summary>
public sealed record ContentCompileOptions
{
    public bool EnvironmentDefaults { get; init; } = true;

    public string? MacroOverrides { get; init; }

    /// <summary>Whether the detections are compiled too; an ad-hoc search needs only the macros and lookups.</summary>
    public bool CompileDetections { get; init; } = true;
}
