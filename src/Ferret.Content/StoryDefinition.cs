namespace Ferret.Content;

/// <summary>An analytic story (<c>stories/*.yml</c>): a theme that groups detections.</summary>
public sealed record StoryDefinition
{
    public required string Name { get; init; }

    public string Id { get; init; } = string.Empty;

    public int Version { get; init; }

    public string Date { get; init; } = string.Empty;

    public string Author { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    public string Narrative { get; init; } = string.Empty;

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyList<string> Products { get; init; } = [];

    public string UseCase { get; init; } = string.Empty;

    public string FilePath { get; init; } = string.Empty;
}
