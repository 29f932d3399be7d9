using Ferret.Content.Yaml;
using Ferret.Events;
using YamlDotNet.RepresentationModel;

namespace Ferret.Content.DataSources;

internal static class DataSourceReader
{
    public static DataSourceDefinition? Read(string path, IProblemSink problems)
    {
        if (YamlFile.LoadNamed(path, problems, "a data source", out var name) is not { } mapping)
        {
            return null;
        }

        var source = mapping.GetString("source")?.Trim() ?? string.Empty;
        return new DataSourceDefinition
        {
            Name = name.Trim(),
            Id = mapping.GetString("id") ?? string.Empty,
            Description = mapping.GetString("description")?.Trim() ?? string.Empty,
            Source = source,
            SourceType = mapping.GetString("sourcetype")?.Trim() ?? string.Empty,
            Platform = mapping.GetString("platform")?.Trim() ?? PlatformOf(source),
            Separator = mapping.GetString("separator"),
            Configuration = mapping.GetString("configuration"),
            SupportedAddOns = [.. mapping.GetMappings("supported_TA").Select(ta => new SupportedAddOn(
                ta.GetString("name") ?? string.Empty, ta.GetString("url") ?? string.Empty, ta.GetString("version") ?? string.Empty))],
            Fields = mapping.GetStrings("fields"),
            ExampleLog = mapping.GetString("example_log"),
            FilePath = path,
        };
    }

    /// <summary>This snapshot's data sources carry no platform; a Windows event log source says it is Windows.</summary>
    private static string PlatformOf(string source) =>
        source.StartsWith("XmlWinEventLog:", StringComparison.OrdinalIgnoreCase)
        || source.StartsWith("WinEventLog:", StringComparison.OrdinalIgnoreCase)
            ? "Windows"
            : "N/A";
}
