using Ferret.Content;
using Ferret.Detection.Notables;
using Ferret.Publishing.Conf;

namespace Ferret.Publishing.App;

/// <summary>
/// <c>default/analyticstories.conf</c>, which Enterprise Security's Use Case Library reads: one
/// <c>[analytic_story://Name]</c> per story with the searches that belong to it, and one
/// <c>[savedsearch://ESCU - Name - Rule]</c> per active detection (contentctl's analyticstories templates).
/// </summary>
public static class AnalyticStoriesConf
{
    public static IEnumerable<ConfStanza> Stanzas(ContentRepository content, string prefix)
    {
        var detections = content.ActiveDetections.OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var story in content.Stories.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var searches = detections
                .Where(d => d.Tags.AnalyticStories.Contains(story.Name, StringComparer.Ordinal))
                .Select(d => SavedSearchNames.Rule(prefix, d))
                .ToList();
            var (authorName, authorCompany) = SplitAuthor(story.Author);
            yield return new ConfStanzaBuilder($"analytic_story://{story.Name}")
                .Add("category", string.Join(", ", story.Categories))
                .Add("last_updated", story.Date)
                .Add("version", story.Version)
                .Add("references", PythonJson.Serialize(story.References))
                .Add("maintainers", PythonJson.Serialize(new[]
                {
                    new KeyValuePair<string, object>[] { new("company", authorCompany), new("email", content.App.AuthorEmail), new("name", authorName) },
                }))
                .Add("spec_version", "3")
                .Add("searches", PythonJson.Serialize(searches))
                .Add("description", story.Description)
                .AddIf(story.Narrative.Length > 0, "narrative", story.Narrative)
                .Build();
        }

        foreach (var detection in detections)
        {
            yield return new ConfStanzaBuilder($"savedsearch://{SavedSearchNames.Rule(prefix, detection)}")
                .Add("type", "detection")
                .Add("asset_type", detection.Tags.AssetType)
                .Add("confidence", "medium")
                .Add("explanation", detection.Description)
                .Add("how_to_implement", string.IsNullOrWhiteSpace(detection.HowToImplement) ? "none" : detection.HowToImplement)
                .Add("annotations", PythonJson.Serialize(DetectionAnnotations.For(detection).Mappings()))
                .Add("known_false_positives", detection.KnownFalsePositives)
                .Add("providing_technologies", "null")
                .Build();
        }
    }

    /// <summary>"Rico Valdez, Splunk" → ("Rico Valdez", "Splunk"); ESCU authors write "Name, Company".</summary>
    private static (string Name, string Company) SplitAuthor(string author)
    {
        var comma = author.LastIndexOf(',');
        return comma > 0 ? (author[..comma].Trim(), author[(comma + 1)..].Trim()) : (author.Trim(), "no");
    }
}
