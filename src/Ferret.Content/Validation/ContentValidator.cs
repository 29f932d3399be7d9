using Ferret.Spl.Macros;

namespace Ferret.Content.Validation;

/// <summary>Expands and parses every detection's search of a content repository (the <c>ferret validate</c> checks).</summary>
public static class ContentValidator
{
    public static IReadOnlyList<DetectionValidation> Validate(ContentRepository repository)
    {
        var macros = repository.Macros;
        var fileTexts = new System.Collections.Concurrent.ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        return repository.Detections
            .AsParallel().AsOrdered()
            .Select(detection => Validate(detection, macros, path => fileTexts.GetOrAdd(path, ReadOrNull)))
            .ToList();
    }

    public static DetectionValidation Validate(DetectionDefinition detection, MacroTable macros, Func<string, string?> readFile)
    {
        var search = SearchValidation.Validate(detection.Search, macros);
        var placed = new List<PlacedDiagnostic>();
        var fileText = search.Diagnostics.Count > 0 ? readFile(detection.FilePath) : null;
        foreach (var diagnostic in search.Diagnostics)
        {
            var (line, column) = SearchPositionMapper.ToFilePosition(detection, fileText, diagnostic.Span.Start);
            placed.Add(new PlacedDiagnostic(diagnostic, detection.FilePath, line, column));
        }

        return new DetectionValidation(detection, search, [.. placed.OrderBy(p => p.Line).ThenBy(p => p.Column)]);
    }

    private static string? ReadOrNull(string path)
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
