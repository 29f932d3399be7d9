using Ferret.Content;
using Ferret.Engine;
using Ferret.Spl;
using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;
using Ferret.Spl.Syntax;

namespace Ferret.Detection.Hunting;

/// <summary>A detection ready to run: its search with macros expanded (filter macro included), its syntax tree
/// (parsed once, for the hunt's routing, feeding and evidence), compiled once and reusable, and the necessary
/// condition its leading command puts on raw events.</summary>
public sealed record CompiledDetection(DetectionDefinition Detection, string ExpandedSearch, Pipeline Syntax, CompiledSearch Search, LeadingFilter Filter);

/// <summary>
/// Expands and compiles detections. A detection that cannot be compiled is returned with the reason (the
/// first error's code, where it is in the YAML file, and its message), so a hunt lists it instead of
/// skipping it in silence.
/// </summary>
public static class DetectionCompiler
{
    public static (CompiledDetection? Compiled, DetectionIssue? Issue) Compile(DetectionDefinition detection, MacroTable macros)
    {
        if (string.IsNullOrWhiteSpace(detection.Search))
        {
            return (null, Issue(detection, "the detection has no search"));
        }

        var expansion = MacroExpander.Expand(detection.Search, macros);
        if (expansion.Diagnostics.FirstOrDefault(d => d.IsError) is { } macroError)
        {
            return (null, Issue(detection, Describe(detection, macroError, macroError.Span.Start)));
        }

        var compiled = SearchEngine.Compile(expansion.Text);
        if (compiled.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
        {
            return (null, Issue(detection, Describe(detection, error, expansion.MapToOriginal(error.Span.Start))));
        }

        var syntax = SplParser.Parse(expansion.Text).Pipeline;
        return (new CompiledDetection(detection, expansion.Text, syntax, compiled, LeadingFilter.Of(syntax)), null);
    }

    private static DetectionIssue Issue(DetectionDefinition detection, string reason) => new(detection.Name, reason, detection.FilePath);

    /// <summary>"SPL1002 at line 12, column 40 of the file: message" (the line is exact for block scalars and
    /// one-line searches; for folded or quoted multi-line scalars it is the line where the search starts).</summary>
    private static string Describe(DetectionDefinition detection, Diagnostic diagnostic, int searchOffset)
    {
        var offset = Math.Clamp(searchOffset, 0, detection.Search.Length);
        var line = detection.SearchLine;
        var column = detection.SearchColumn + offset;
        if (detection.SearchStyle == SearchScalarStyle.Literal)
        {
            var before = detection.Search.AsSpan(0, offset);
            var breaks = before.Count('\n');
            line += breaks;
            column = breaks == 0 ? column : offset - before.LastIndexOf('\n') + detection.SearchColumn - 1;
        }

        var where = line > 0 ? $" at line {line}, column {column}" : $" at offset {offset} of the search";
        return $"{diagnostic.Code}{where}: {diagnostic.Message}";
    }
}
