using Ferret.Content.Validation;

namespace Ferret.Spl.Tests.Corpus;

public sealed class CorpusTests
{
    [Fact]
    public void Every_active_detection_expands_and_parses_without_errors()
    {
        var failures = EscuCorpus.Repository.ActiveDetections
            .Select(d => (Detection: d, Result: SearchValidation.Validate(d.Search, EscuCorpus.Macros)))
            .Where(x => x.Result.HasErrors)
            .Select(x => $"{x.Detection.FilePath}: {string.Join("; ", x.Result.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Code} {d.Message} at {d.Span.Start} near '{Near(x.Result.Expansion.Original, d.Span.Start)}'"))}")
            .ToList();

        Assert.True(failures.Count == 0, $"{failures.Count} detections with errors:\n{string.Join("\n", failures.Take(60))}");
    }

    [Fact]
    public void Every_expanded_corpus_search_prints_and_reparses_to_the_same_tree()
    {
        var mismatches = new List<string>();
        foreach (var detection in EscuCorpus.Repository.Detections)
        {
            var expanded = MacroExpanderText(detection.Search);
            var first = SplPrinter.Print(SplParser.Parse(expanded).Pipeline);
            var second = SplPrinter.Print(SplParser.Parse(first).Pipeline);
            if (first != second)
            {
                mismatches.Add($"{detection.FilePath}\n  first:  {first}\n  second: {second}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} searches print differently after a re-parse:\n{string.Join("\n", mismatches.Take(20))}");
    }

    private static string MacroExpanderText(string search) => Ferret.Spl.Macros.MacroExpander.Expand(search, EscuCorpus.Macros).Text;

    private static string Near(string text, int offset) =>
        text.Substring(Math.Clamp(offset - 20, 0, text.Length), Math.Min(60, text.Length - Math.Clamp(offset - 20, 0, text.Length)));
}
