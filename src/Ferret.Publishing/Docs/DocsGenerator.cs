using Ferret.Content;

namespace Ferret.Publishing.Docs;

/// <summary>What to generate: where, which format (md, html, text), which detections, and Ferret's test results.</summary>
public sealed record DocsOptions(string OutputDirectory, string Format = "md", TestResultsFile? TestResults = null, bool IncludeDeprecated = false);

public sealed record DocsResult(int DetectionPages, int StoryPages, int TacticPages, IReadOnlyList<string> Files);

/// <summary>Writes one page per detection, one per analytic story and per ATT&amp;CK tactic, and an index.</summary>
public static class DocsGenerator
{
    public static DocsResult Generate(ContentRepository content, DocsOptions options)
    {
        var renderer = DocRenderer.For(options.Format);
        var detections = (options.IncludeDeprecated ? content.Detections : content.ActiveDetections)
            .OrderBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var files = new List<string>();
        var detectionPages = detections.Select(d => DetectionPage.Build(d, content, options.TestResults)).ToList();
        var storyPages = IndexPages.Stories(content, detections).ToList();
        var tacticPages = IndexPages.Tactics(detections).ToList();
        foreach (var page in detectionPages.Concat(storyPages).Concat(tacticPages).Append(IndexPages.Index(content, detections, storyPages, tacticPages)))
        {
            var relative = $"{page.RelativePath}.{renderer.Extension}";
            var path = Path.Combine(options.OutputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, renderer.Render(page));
            files.Add(relative);
        }

        return new DocsResult(detectionPages.Count, storyPages.Count, tacticPages.Count, files);
    }
}
