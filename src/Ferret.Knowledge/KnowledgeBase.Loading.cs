using Ferret.Knowledge.Compilation;
using Ferret.Knowledge.Conf;
using Ferret.Knowledge.Definitions;
using Ferret.Knowledge.Loading;

namespace Ferret.Knowledge;

public sealed partial class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Default = new(() => Load([], new EngineKnowledgeCompiler()));

    /// <summary>The knowledge shipped with Ferret (the data files embedded in this assembly). Loaded once.</summary>
    public static KnowledgeBase LoadDefault() => Default.Value;

    /// <summary>The shipped knowledge with the Splunk apps in <paramref name="appFolders"/> layered over it; the shared
    /// default when there are none.</summary>
    public static KnowledgeBase WithApps(IReadOnlyList<string> appFolders) =>
        appFolders.Count == 0 ? LoadDefault() : Load([], appFolders, new EngineKnowledgeCompiler());

    /// <summary>
    /// The shipped knowledge plus the files in <paramref name="extraFolders"/>: each folder may hold
    /// <c>sources/*.yml</c> and <c>datamodels/*.yml</c>; a file named like a shipped one replaces it.
    /// </summary>
    public static KnowledgeBase Load(IEnumerable<string> extraFolders, IKnowledgeCompiler compiler) =>
        Load(extraFolders, [], compiler);

    /// <summary>
    /// The shipped knowledge plus the YAML files in <paramref name="extraFolders"/> and the Splunk apps in
    /// <paramref name="appFolders"/> (each an app, or a folder of apps such as Splunk's <c>etc/apps</c>), layered over
    /// Ferret's own app with Splunk's precedence. Throws <see cref="DirectoryNotFoundException"/> for a missing folder.
    /// </summary>
    public static KnowledgeBase Load(IEnumerable<string> extraFolders, IEnumerable<string> appFolders, IKnowledgeCompiler compiler)
    {
        var sourceFiles = ByName(EmbeddedKnowledge.Files("sources"));
        var modelFiles = ByName(EmbeddedKnowledge.Files("datamodels"));
        foreach (var folder in extraFolders)
        {
            AddFolder(sourceFiles, Path.Combine(folder, "sources"));
            AddFolder(modelFiles, Path.Combine(folder, "datamodels"));
        }

        var userApps = appFolders.SelectMany(SplunkApp.FromFolder).ToList();
        return FromFiles(sourceFiles.Values, modelFiles.Values, compiler, userApps);
    }

    /// <summary>A knowledge base from file texts alone (name, YAML text), e.g. for tests.</summary>
    public static KnowledgeBase FromFiles(IEnumerable<(string Name, string Text)> sourceFiles,
        IEnumerable<(string Name, string Text)> modelFiles, IKnowledgeCompiler compiler, IReadOnlyList<SplunkApp>? userApps = null)
    {
        var problems = new List<KnowledgeProblem>();
        var sources = new List<SourceKnowledge>();
        foreach (var (name, text) in sourceFiles)
        {
            if (SourceKnowledgeReader.Read(name, text, problems) is { } source)
            {
                sources.Add(source);
            }
        }

        var models = new List<DataModelDefinition>();
        foreach (var (name, text) in modelFiles)
        {
            if (DataModelReader.Read(name, text, problems) is { } model)
            {
                models.Add(model);
            }
        }

        // A user's app (the CIM app) defines a model in Splunk's JSON form; it replaces Ferret's model of that name.
        foreach (var app in userApps ?? [])
        {
            foreach (var (path, json) in app.DataModelFiles)
            {
                if (CimDataModelJson.Read(path, json, problems) is { } model)
                {
                    models.RemoveAll(m => string.Equals(m.Name, model.Name, StringComparison.OrdinalIgnoreCase));
                    models.Add(model);
                }
            }
        }

        return new KnowledgeBase(sources, models, compiler, problems, new ConfKnowledge(SplunkApp.Embedded(), userApps ?? [], compiler));
    }

    private static SortedDictionary<string, (string Name, string Text)> ByName(IEnumerable<(string Name, string Text)> files)
    {
        var byName = new SortedDictionary<string, (string, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            byName[Path.GetFileName(file.Name)] = file;
        }

        return byName;
    }

    private static void AddFolder(SortedDictionary<string, (string Name, string Text)> files, string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.yml").Order(StringComparer.Ordinal))
        {
            files[Path.GetFileName(path)] = (path, File.ReadAllText(path));
        }
    }
}
