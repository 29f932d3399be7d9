using Ferret.Content.DataSources;
using Ferret.Content.Detections;
using Ferret.Content.Lookups;
using Ferret.Content.Macros;
using Ferret.Content.Stories;
using Ferret.Events;

namespace Ferret.Content;

/// <summary>
/// An ESCU content folder, loaded: detections (every schema shape), macros, lookups, stories and data
/// sources. Loading never stops at a bad file: each one is reported to the problem sink (file, line,
/// what is wrong) and the rest loads. Immutable; overrides give a new repository.
/// </summary>
public sealed partial class ContentRepository
{
    private readonly Dictionary<string, ContentMacro> _macrosByKey;

    private ContentRepository(
        string root,
        ContentAppInfo app,
        IReadOnlyList<DetectionDefinition> detections,
        IEnumerable<ContentMacro> macros,
        IReadOnlyDictionary<string, LookupDefinition> lookups,
        IReadOnlyList<StoryDefinition> stories,
        IReadOnlyList<DataSourceDefinition> dataSources)
    {
        Root = root;
        App = app;
        Detections = detections;
        _macrosByKey = new Dictionary<string, ContentMacro>(StringComparer.Ordinal);
        foreach (var macro in macros)
        {
            _macrosByKey[macro.Key] = macro;
        }

        MacroDefinitions = [.. _macrosByKey.Values.OrderBy(m => m.Key, StringComparer.Ordinal)];
        Lookups = lookups;
        Stories = stories;
        DataSources = dataSources;
        StoriesByName = ByName(stories, s => s.Name);
        DataSourcesByName = ByName(dataSources, d => d.Name);
    }

    /// <summary>The content folder this was loaded from (absolute).</summary>
    public string Root { get; }

    /// <summary>The app this content builds into (contentctl.yml), ESCU's values when absent.</summary>
    public ContentAppInfo App { get; }

    /// <summary>Every detection, deprecated ones included (see <see cref="DetectionDefinition.IsDeprecated"/>), in path order.</summary>
    public IReadOnlyList<DetectionDefinition> Detections { get; }

    /// <summary>The detections that are not deprecated: what build, hunt and test run.</summary>
    public IEnumerable<DetectionDefinition> ActiveDetections => Detections.Where(d => !d.IsDeprecated);

    /// <summary>Every macro after overrides, one per name and arity, ordered by key.</summary>
    public IReadOnlyList<ContentMacro> MacroDefinitions { get; }

    public IReadOnlyDictionary<string, LookupDefinition> Lookups { get; }

    public IReadOnlyList<StoryDefinition> Stories { get; }

    public IReadOnlyDictionary<string, StoryDefinition> StoriesByName { get; }

    public IReadOnlyList<DataSourceDefinition> DataSources { get; }

    public IReadOnlyDictionary<string, DataSourceDefinition> DataSourcesByName { get; }

    public ContentMacro? FindMacro(string name, int arity) =>
        _macrosByKey.GetValueOrDefault(ContentMacro.MacroKey(name, arity));

    /// <summary>Loads <paramref name="directory"/> (detections/, macros/, lookups/, stories/, data_sources/).
    /// Throws only when the folder itself does not exist.</summary>
    public static ContentRepository Load(string directory, IProblemSink problems)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"content folder not found: {root}");
        }

        var detectionsFolder = Path.Combine(root, "detections");
        var deprecatedFolder = Path.Combine(detectionsFolder, "deprecated") + Path.DirectorySeparatorChar;
        var detections = YamlFiles(detectionsFolder, recursive: true, problems)
            .AsParallel().AsOrdered()
            .Select(path => DetectionReader.Read(path, path.StartsWith(deprecatedFolder, StringComparison.Ordinal), problems))
            .OfType<DetectionDefinition>()
            .ToList();
        ReportDuplicateNames(detections, problems);

        var macros = YamlFiles(Path.Combine(root, "macros"), recursive: false, problems)
            .SelectMany(path => MacroReader.ReadFile(path, MacroOrigin.Content, problems))
            .ToList();
        var lookups = YamlFiles(Path.Combine(root, "lookups"), recursive: false, problems)
            .Select(path => LookupReader.Read(path, problems))
            .OfType<LookupDefinition>()
            .ToList();
        var stories = YamlFiles(Path.Combine(root, "stories"), recursive: false, problems)
            .Select(path => StoryReader.Read(path, problems))
            .OfType<StoryDefinition>()
            .ToList();
        var dataSources = YamlFiles(Path.Combine(root, "data_sources"), recursive: false, problems)
            .Select(path => DataSourceReader.Read(path, problems))
            .OfType<DataSourceDefinition>()
            .ToList();

        return new ContentRepository(root, ContentAppInfoReader.Read(root, problems), detections, macros, ByName(lookups, l => l.Name), stories, dataSources);
    }

    private static IEnumerable<string> YamlFiles(string folder, bool recursive, IProblemSink problems)
    {
        if (!Directory.Exists(folder))
        {
            problems.Report(new InputProblem(folder, "folder", "content folder is missing: nothing loaded from it", ProblemSeverity.Warning));
            return [];
        }

        var option = recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        return Directory.EnumerateFiles(folder, "*.yml", option)
            .Concat(Directory.EnumerateFiles(folder, "*.yaml", option))
            .Order(StringComparer.Ordinal);
    }

    private static void ReportDuplicateNames(IEnumerable<DetectionDefinition> detections, IProblemSink problems)
    {
        foreach (var group in detections.Where(d => !d.IsDeprecated).GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Report(new InputProblem(duplicate.FilePath, "name",
                    $"detection name '{group.Key}' is also used by {group.First().FilePath}", ProblemSeverity.Warning));
            }
        }
    }

    /// <summary>First definition of a name wins; names are case-sensitive like Splunk stanza names.</summary>
    private static Dictionary<string, T> ByName<T>(IEnumerable<T> items, Func<T, string> name)
    {
        var result = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            result.TryAdd(name(item), item);
        }

        return result;
    }
}
