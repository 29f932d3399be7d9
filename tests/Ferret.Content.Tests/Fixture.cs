using Ferret.Events;

namespace Ferret.Content.Tests;

/// <summary>The small content folder under Fixtures/: one detection per schema shape and a few broken files.</summary>
internal static class Fixture
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Content => Path.Combine(Folder, "content");

    public static (ContentRepository Repository, ProblemCollector Problems) Load()
    {
        var problems = new ProblemCollector();
        return (ContentRepository.Load(Content, problems), problems);
    }

    public static DetectionDefinition Detection(this ContentRepository repository, string name) =>
        repository.Detections.Single(d => d.Name == name);
}
