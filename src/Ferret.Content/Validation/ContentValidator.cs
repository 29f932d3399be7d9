using Ferret.Spl.Diagnostics;
using Ferret.Spl.Macros;

namespace Ferret.Content.Validation;

/// <summary>The content half of checking a detection: expanding and parsing its search, and placing diagnostics (spans
/// of the search as written) at lines and columns of its YAML file. Binding to the engine, the other half, is done by
/// the compile pipeline (Ferret.Detection's <c>CompiledContent</c>), which places its diagnostics here too.</summary>
public static class ContentValidator
{
    public static DetectionValidation Validate(DetectionDefinition detection, MacroTable macros, Func<string, string?> readFile)
    {
        var search = SearchValidation.Validate(detection.Search, macros);
        return new DetectionValidation(detection, search, Place(detection, search.Diagnostics, readFile));
    }

    /// <summary>Each diagnostic at its file position, in file order; the file is read only when there is something to place.</summary>
    public static IReadOnlyList<PlacedDiagnostic> Place(DetectionDefinition detection, IReadOnlyList<Diagnostic> diagnostics, Func<string, string?> readFile)
    {
        ArgumentNullException.ThrowIfNull(detection);
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(readFile);
        if (diagnostics.Count == 0)
        {
            return [];
        }

        var fileText = readFile(detection.FilePath);
        var placed = new List<PlacedDiagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var (line, column) = SearchPositionMapper.ToFilePosition(detection, fileText, diagnostic.Span.Start);
            placed.Add(new PlacedDiagnostic(diagnostic, detection.FilePath, line, column));
        }

        return [.. placed.OrderBy(p => p.Line).ThenBy(p => p.Column)];
    }

    /// <summary>A file's text, or null when it cannot be read (the diagnostics then fall back to positions within the search).</summary>
    public static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
