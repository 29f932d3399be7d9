using Ferret.Content;
using Ferret.Detection.Notables;

namespace Ferret.Publishing.Docs;

/// <summary>
/// One detection's page, in the layout of the research and docs sites (see the seeds): ATT&amp;CK table,
/// name, status banner, description, numbered search, data sources, macros used, annotations, default
/// configuration, implementation, false positives, stories, RBA, references, detection testing, source.
/// Everything comes from the content, <see cref="DefaultConfiguration"/> and Ferret's test results.
/// </summary>
public static partial class DetectionPage
{
    public const string FilterMacroNote =
        "is an empty macro by default. It allows the user to filter out any results (false positives) without editing the SPL.";

    public static DocDocument Build(DetectionDefinition detection, ContentRepository content, TestResultsFile? results)
    {
        var blocks = new List<DocBlock>
        {
            AttackTable(detection),
            new DocHeading($"Detection: {detection.Name}", 1),
        };
        if (StatusBanner(detection) is { } banner)
        {
            blocks.Add(banner);
        }

        blocks.Add(new DocHeading("Description"));
        blocks.Add(new DocParagraph(detection.Description));
        blocks.Add(new DocHeading("Search"));
        blocks.Add(new DocCode(SearchLines.Split(detection.Search)));
        blocks.AddRange(DataSourceSection(detection, content));
        blocks.AddRange(MacroSection(detection, content));
        blocks.AddRange(AnnotationSection(detection));
        blocks.AddRange(DefaultConfigurationSection(detection));
        blocks.Add(new DocHeading("Implementation"));
        blocks.Add(new DocParagraph(detection.HowToImplement));
        blocks.Add(new DocHeading("Known False Positives"));
        blocks.Add(new DocParagraph(detection.KnownFalsePositives));
        blocks.Add(new DocHeading("Associated Analytic Story"));
        blocks.Add(new DocList([.. detection.Tags.AnalyticStories.Select(s => new DocCell(s, DocLinks.Story(s)))]));
        blocks.AddRange(RiskSection(detection));
        if (detection.References.Count > 0)
        {
            blocks.Add(new DocHeading("References"));
            blocks.Add(new DocList([.. detection.References.Select(r => new DocCell(r, r))]));
        }

        blocks.AddRange(TestingSection(detection, results?.Find(detection.Id, detection.Name)));
        blocks.Add(new DocParagraph($"Source: {RelativeSource(detection, content)} | Version: {detection.Version}"));
        return new DocDocument(detection.Name, DocLinks.Detection(detection.Name), blocks)
        {
            FrontMatter = FrontMatter(detection, content),
        };
    }

    /// <summary>ID | Technique | Tactic for each ATT&amp;CK id; a technique Ferret's table lacks says so.</summary>
    private static DocTable AttackTable(DetectionDefinition detection) => new(
        ["ID", "Technique", "Tactic"],
        [.. detection.Tags.MitreAttackIds.Select(id => AttackCatalog.Find(id) is { } technique
            ? (IReadOnlyList<DocCell>)[new DocCell(id, AttackUrl(id)), technique.Name, string.Join(", ", technique.Tactics)]
            : [new DocCell(id, AttackUrl(id)), UnknownTechnique, UnknownTechnique])]);

    public const string UnknownTechnique = "(not in Ferret's ATT&CK table)";

    public static string AttackUrl(string id) => $"https://attack.mitre.org/techniques/{id.Replace('.', '/')}/";

    private static DocBanner? StatusBanner(DetectionDefinition detection) => detection switch
    {
        { IsDeprecated: true } => new DocBanner(
            "DEPRECATED DETECTION",
            "This detection has been marked as deprecated by the Splunk Threat Research team. This means that it will no longer be maintained or supported."),
        { Status: "experimental" } => new DocBanner(
            "EXPERIMENTAL DETECTION",
            "This detection status is set to experimental. The Splunk Threat Research team has not yet fully tested, simulated, or built comprehensive datasets for this detection. As such, this analytic is not officially supported. If you have any questions or concerns, please reach out to us at research@splunk.com."),
        _ => null,
    };

    private static string RelativeSource(DetectionDefinition detection, ContentRepository content) =>
        detection.FilePath.Length == 0 ? "(no file)" : Path.GetRelativePath(content.Root, detection.FilePath).Replace('\\', '/');

    /// <summary>The research site's Jekyll front matter (Markdown pages only).</summary>
    private static IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> FrontMatter(DetectionDefinition detection, ContentRepository content)
    {
        var techniques = detection.Tags.MitreAttackIds.Select(AttackCatalog.Find).OfType<AttackTechnique>().ToList();
        var folder = Path.GetFileName(Path.GetDirectoryName(detection.FilePath)) ?? string.Empty;
        return
        [
            new("title", [detection.Name]),
            new("excerpt", [string.Join(", ", techniques.Select(t => t.Name))]),
            new("categories", [folder.Length > 0 ? char.ToUpperInvariant(folder[0]) + folder[1..] : folder]),
            new("last_modified_at", [detection.Date]),
            new("tags", [.. techniques.Select(t => t.Name).Concat(techniques.SelectMany(t => t.Tactics)).Concat(detection.Tags.Products)]),
            new("redirect_from", [$"{folder}/{DetectionNames.Slug(detection.Name)}/"]),
            new("source", [RelativeSource(detection, content)]),
        ];
    }
}
