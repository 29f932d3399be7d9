using System.Reflection;

namespace Ferret.Knowledge.Conf;

/// <summary>
/// A Splunk app as Ferret reads it: its name, its <c>default/</c> and <c>local/</c> .conf files, each as (path shown in
/// problems, text), and its lookup files (<c>lookups/*.csv</c>) by name, each opened when a lookup first needs it. Read from a folder, or from the resources
/// of this assembly for Ferret's own app (<c>Apps/ferret_knowledge</c>).
/// </summary>
public sealed record SplunkApp(
    string Name,
    IReadOnlyList<(string Path, string Text)> DefaultFiles,
    IReadOnlyList<(string Path, string Text)> LocalFiles,
    IReadOnlyDictionary<string, Func<TextReader>> LookupFiles)
{
    /// <summary>The app's data models in Splunk's JSON form (<c>default/data/models/*.json</c>, then <c>local/</c>).</summary>
    public IReadOnlyList<(string Path, string Text)> DataModelFiles { get; init; } = [];

    private const string ResourcePrefix = "Ferret.Knowledge.Apps.";

    private static readonly string[] ConfFolders = ["default", "local"];

    /// <summary>Ferret's own knowledge, shipped inside this assembly.</summary>
    public static IReadOnlyList<SplunkApp> Embedded()
    {
        var assembly = typeof(SplunkApp).Assembly;
        var byApp = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n => (Resource: n, Path: n[ResourcePrefix.Length..]))
            .GroupBy(r => r.Path.Split('/')[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var apps = new List<SplunkApp>();
        foreach (var app in byApp)
        {
            var files = app.OrderBy(r => r.Path, StringComparer.Ordinal).Select(r => (r.Path, Text: Read(assembly, r.Resource))).ToList();
            apps.Add(new SplunkApp(
                app.Key,
                [.. files.Where(f => f.Path.Contains("/default/", StringComparison.Ordinal) && f.Path.EndsWith(".conf", StringComparison.Ordinal))],
                [.. files.Where(f => f.Path.Contains("/local/", StringComparison.Ordinal) && f.Path.EndsWith(".conf", StringComparison.Ordinal))],
                files.Where(f => f.Path.Contains("/lookups/", StringComparison.Ordinal))
                    .ToDictionary(f => Path.GetFileName(f.Path), f => (Func<TextReader>)(() => new StringReader(f.Text)), StringComparer.OrdinalIgnoreCase)));
        }

        return apps;
    }

    /// <summary>
    /// The apps under <paramref name="folder"/>: the folder itself when it is an app (it has <c>default/</c> or
    /// <c>local/</c>), else each subfolder that is one (a Splunk <c>etc/apps</c> folder).
    /// </summary>
    public static IReadOnlyList<SplunkApp> FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"apps folder not found: {folder}");
        }

        if (IsApp(folder))
        {
            return [ReadFolder(folder)];
        }

        return [.. Directory.EnumerateDirectories(folder).Where(IsApp).Order(StringComparer.Ordinal).Select(ReadFolder)];
    }

    private static bool IsApp(string folder) =>
        Directory.Exists(Path.Combine(folder, "default")) || Directory.Exists(Path.Combine(folder, "local"));

    private static SplunkApp ReadFolder(string folder)
    {
        var lookups = Path.Combine(folder, "lookups");
        var models = ConfFolders.Select(d => Path.Combine(folder, d, "data", "models")).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.json").Order(StringComparer.Ordinal)).Select(p => (p, File.ReadAllText(p))).ToList();
        return new SplunkApp(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)),
            ConfFiles(Path.Combine(folder, "default")),
            ConfFiles(Path.Combine(folder, "local")),
            Directory.Exists(lookups)
                ? Directory.EnumerateFiles(lookups, "*.csv").ToDictionary(p => Path.GetFileName(p), p => (Func<TextReader>)(() => new StreamReader(p)), StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, Func<TextReader>>())
        {
            DataModelFiles = models,
        };
    }

    private static List<(string, string)> ConfFiles(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.conf").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p)))]
            : [];

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded app file {resource} is listed but cannot be opened");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
