using Ferret.Content;

namespace Ferret.Publishing.Docs;

/// <summary>Where each generated page lives, relative to the docs root, without an extension (renderers add it).</summary>
public static class DocLinks
{
    public static string Detection(string name) => $"detections/{DetectionNames.Slug(name)}";

    public static string Story(string name) => $"stories/{DetectionNames.Slug(name)}";

    public static string Tactic(string name) => $"tactics/{DetectionNames.Slug(name)}";
}
