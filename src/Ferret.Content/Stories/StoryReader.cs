using Ferret.Content.Yaml;
using Ferret.Events;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.Stories;

internal static class StoryReader
{
    public static StoryDefinition? Read(string path, IProblemSink problems)
    {
        if (YamlFile.LoadNamed(path, problems, "a story", out var name) is not { } mapping)
        {
            return null;
        }

        var tags = mapping.GetMapping("tags") ?? mapping;
        return new StoryDefinition
        {
            Name = name.Trim(),
            Id = mapping.GetString("id") ?? string.Empty,
            Version = mapping.GetInt("version") ?? 0,
            Date = mapping.GetString("date") ?? string.Empty,
            Author = mapping.GetString("author") ?? string.Empty,
            Description = mapping.GetString("description")?.Trim() ?? string.Empty,
            Narrative = mapping.GetString("narrative")?.Trim() ?? string.Empty,
            References = mapping.GetStrings("references"),
            Categories = tags.GetStrings("category"),
            Products = tags.GetStrings("product"),
            UseCase = tags.GetString("usecase") ?? string.Empty,
            FilePath = path,
        };
    }
}
