using Ferret.Content;
using Ferret.Content.Validation;
using Ferret.Detection.Hunting;
using Ferret.Engine;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;

namespace Ferret.Detection.Compilation;

/// <summary>
/// The one compile pipeline of a detection: expand its macros (filter macro included), parse the expanded search once,
/// bind the tree to the engine's operators (unknown commands and functions, wrong arity, invalid options and regexes
/// are found here), and derive what the hunt routes by. Every diagnostic is placed at the line and column of the YAML
/// file it comes from. A detection with an error is returned with the reason, so a hunt lists it instead of skipping it
/// in silence.
/// </summary>
public static class DetectionCompiler
{
    public static DetectionCompilation Compile(DetectionDefinition detection, MacroTable macros, Func<string, string?>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(macros);
        readFile ??= ContentValidator.ReadOrNull;
        if (string.IsNullOrWhiteSpace(detection.Search))
        {
            return new DetectionCompilation(detection, null, Issue(detection, "the detection has no search"), []);
        }

        var search = SearchCompilation.Compile(detection.Search, macros);
        var problems = ContentValidator.Place(detection, search.Diagnostics, readFile);
        if (search.Plan is not { } plan || plan.HasErrors)
        {
            return Failed(detection, problems);
        }

        var pipeline = search.Search.Pipeline;
        var compiled = new CompiledDetection(detection, search.ExpandedText, pipeline, plan, LeadingFilter.Of(pipeline))
        {
            EvidenceSearch = EvidenceFinder.LeadingPlan(search.ExpandedText, pipeline),
        };
        return new DetectionCompilation(detection, compiled, null, problems);
    }

    private static DetectionCompilation Failed(DetectionDefinition detection, IReadOnlyList<PlacedDiagnostic> problems)
    {
        var first = problems.First(p => p.Diagnostic.IsError);
        return new DetectionCompilation(detection, null, Issue(detection, Describe(first)), problems);
    }

    private static DetectionIssue Issue(DetectionDefinition detection, string reason) => new(detection.Name, reason, detection.FilePath);

    /// <summary>"SPL1002 at line 12, column 40: message", the line and column of the YAML file.</summary>
    private static string Describe(PlacedDiagnostic placed) =>
        $"{placed.Diagnostic.Code} at line {placed.Line}, column {placed.Column}: {placed.Diagnostic.Message}";
}
