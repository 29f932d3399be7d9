using Ferret.Content;
using Ferret.Detection.Notables;

namespace Ferret.Publishing.Docs;

/// <summary>
/// The pages that list detections: one per analytic story, one per ATT&amp;CK tactic (from Ferret's ATT&amp;CK
/// table; detections whose techniques it lacks are listed on their own page, never dropped), and the index.
/// </summary>
public static class IndexPages
{
    public const string UnmappedTactic = "Techniques not in Ferret's ATT&CK table";

    public static IEnumerable<DocDocument> Stories(ContentRepository content, IReadOnlyList<DetectionDefinition> detections)
    {
        var byStory = detections
            .SelectMany(d => d.Tags.AnalyticStories.Select(story => (story, d)))
            .ToLookup(pair => pair.story, pair => pair.d, StringComparer.Ordinal);
        var names = content.Stories.Select(s => s.Name).Concat(byStory.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var blocks = new List<DocBlock> { new DocHeading($"Analytic Story: {name}", 1) };
            if (content.StoriesByName.TryGetValue(name, out var story))
            {
                blocks.Add(new DocHeading("Description"));
                blocks.Add(new DocParagraph(story.Description));
                blocks.Add(new DocHeading("Narrative"));
                blocks.Add(new DocParagraph(story.Narrative));
            }
            else
            {
                blocks.Add(new DocParagraph("This story is named by detections but not defined in the content's stories/ folder."));
            }

            blocks.Add(new DocHeading("Detections"));
            blocks.Add(DetectionTable(byStory[name]));
            if (story is { References.Count: > 0 })
            {
                blocks.Add(new DocHeading("References"));
                blocks.Add(new DocList([.. story.References.Select(r => new DocCell(r, r))]));
            }

            yield return new DocDocument(name, DocLinks.Story(name), blocks);
        }
    }

    public static IEnumerable<DocDocument> Tactics(IReadOnlyList<DetectionDefinition> detections)
    {
        var byTactic = detections
            .SelectMany(d => TacticsOf(d).Select(tactic => (tactic, d)))
            .ToLookup(pair => pair.tactic, pair => pair.d, StringComparer.Ordinal);
        foreach (var group in byTactic.OrderBy(g => g.Key == UnmappedTactic).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var blocks = new List<DocBlock> { new DocHeading($"ATT&CK Tactic: {group.Key}", 1) };
            if (group.Key == UnmappedTactic)
            {
                blocks.Add(new DocParagraph(
                    "Ferret ships a small ATT&CK table (the content carries technique ids, not their names or tactics). " +
                    "These detections name at least one technique that table lacks, so their tactics are not known here."));
            }

            blocks.Add(DetectionTable(group));
            yield return new DocDocument(group.Key, DocLinks.Tactic(group.Key), blocks);
        }
    }

    public static DocDocument Index(ContentRepository content, IReadOnlyList<DetectionDefinition> detections, IEnumerable<DocDocument> stories, IEnumerable<DocDocument> tactics) =>
        new($"{content.App.Title} detections", "index",
        [
            new DocHeading($"{content.App.Title}: {detections.Count} detections", 1),
            new DocHeading("Analytic Stories"),
            new DocList([.. stories.Select(s => new DocCell(s.Title, s.RelativePath))]),
            new DocHeading("ATT&CK Tactics"),
            new DocList([.. tactics.Select(t => new DocCell(t.Title, t.RelativePath))]),
            new DocHeading("Detections"),
            DetectionTable(detections),
        ]);

    /// <summary>The tactics of a detection's known techniques, plus the unmapped marker when any technique is unknown.</summary>
    public static IEnumerable<string> TacticsOf(DetectionDefinition detection)
    {
        var techniques = detection.Tags.MitreAttackIds.Select(id => AttackCatalog.Find(id)).ToList();
        var tactics = techniques.OfType<AttackTechnique>().SelectMany(t => t.Tactics);
        return (techniques.Any(t => t is null) ? tactics.Append(UnmappedTactic) : tactics).Distinct(StringComparer.Ordinal);
    }

    private static DocTable DetectionTable(IEnumerable<DetectionDefinition> detections) => new(
        ["Detection", "Type", "Status", "ATT&CK"],
        [.. detections.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => (IReadOnlyList<DocCell>)
            [new DocCell(d.Name, DocLinks.Detection(d.Name)), d.Type, d.Status, string.Join(", ", d.Tags.MitreAttackIds)])]);
}
