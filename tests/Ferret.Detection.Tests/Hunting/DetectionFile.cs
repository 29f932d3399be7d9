namespace Ferret.Detection.Tests.Hunting;

/// <summary>Writes a detection of a test into a content folder (the sample's, say), in ESCU's YAML shape.</summary>
internal static class DetectionFile
{
    public static void Write(string contentDirectory, string name, string search, string type = "Anomaly")
    {
        var file = Path.Combine(contentDirectory, "detections", "endpoint", name.ToLowerInvariant().Replace(' ', '_') + ".yml");
        File.WriteAllText(file, $"""
            name: {name}
            id: 00000000-0000-4000-8000-{Math.Abs(name.GetHashCode(StringComparison.Ordinal)):000000000000}
            version: 1
            date: '2026-03-02'
            author: Ferret tests
            status: production
            type: {type}
            description: A detection written by a test.
            search: '{search.Replace("'", "''", StringComparison.Ordinal)}'
            tags:
              analytic_story:
              - Ferret Sample Persistence
              confidence: 50
              impact: 50
              message: {name}
              security_domain: endpoint
            """);
    }
}
