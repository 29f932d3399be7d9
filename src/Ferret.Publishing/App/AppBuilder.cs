using System.Formats.Tar;
using System.IO.Compression;
using Ferret.Content;
using Ferret.Publishing.Conf;
using Ferret.Events;

namespace Ferret.Publishing.App;

/// <summary>What to build: where, and the app version (the content's contentctl.yml version when null).</summary>
public sealed record AppBuildOptions(string OutputDirectory, string? AppVersion = null, bool Package = true);

/// <summary>What a build wrote.</summary>
public sealed record AppBuildResult(
    string AppDirectory,
    string? PackagePath,
    int SavedSearches,
    int Macros,
    int Stories,
    int Lookups,
    IReadOnlyList<string> Files);

/// <summary>
/// Builds a Splunk app from content, installable beside Enterprise Security as ESCU is: default/app.conf,
/// savedsearches.conf, macros.conf, analyticstories.conf, transforms.conf, collections.conf, the lookup
/// files under lookups/, metadata/default.meta, and a .tar.gz of the app folder.
/// </summary>
public static class AppBuilder
{
    public static AppBuildResult Build(ContentRepository content, AppBuildOptions options, IProblemSink problems)
    {
        var app = content.App;
        var version = options.AppVersion ?? app.Version;
        var appDirectory = Path.GetFullPath(Path.Combine(options.OutputDirectory, app.AppId));
        PrepareAppDirectory(appDirectory);
        var files = new List<string>();
        var prefix = app.Prefix;

        var savedSearches = SavedSearchesConf.Stanzas(content, prefix).Concat(RiskIncidentRulesConf.Stanzas(Detection.RiskAlerting.RiskIncidentRules.Default)).ToList();
        var macros = MacrosConf.Stanzas(content).ToList();
        var stories = AnalyticStoriesConf.Stanzas(content, prefix).ToList();
        var lookups = content.Lookups.Values.ToList();
        var transforms = LookupConfs.Transforms(lookups).ToList();

        var header = $"{app.Title} {version}, built by Ferret from the content folder {Path.GetFileName(content.Root)}";
        Write(appDirectory, "default/app.conf", AppConf.Stanzas(app, version, BuildNumber(version, app)), header, files);
        Write(appDirectory, "default/savedsearches.conf", savedSearches, header, files);
        Write(appDirectory, "default/macros.conf", macros, header, files);
        Write(appDirectory, "default/analyticstories.conf", stories, header, files);
        Write(appDirectory, "default/transforms.conf", transforms, header, files);
        Write(appDirectory, "default/collections.conf", LookupConfs.Collections(lookups), header, files);
        Write(appDirectory, "metadata/default.meta", AppConf.DefaultMeta(), header, files);
        CopyLookupFiles(lookups, appDirectory, problems, files);

        string? package = null;
        if (options.Package)
        {
            package = Path.Combine(Path.GetFullPath(options.OutputDirectory), $"{app.AppId}-{version}.tar.gz");
            using var output = File.Create(package);
            using var gzip = new GZipStream(output, CompressionLevel.Optimal);
            TarFile.CreateFromDirectory(appDirectory, gzip, includeBaseDirectory: true);
        }

        return new AppBuildResult(appDirectory, package, savedSearches.Count, macros.Count,
            stories.Count(s => s.Name.StartsWith("analytic_story://", StringComparison.Ordinal)), transforms.Count, files);
    }

    /// <summary>app.conf's build: the contentctl.yml build when given, else the version's digits (4.42.0 → 4420).</summary>
    private static int BuildNumber(string version, ContentAppInfo app) =>
        app.Build ?? (int.TryParse(new string([.. version.Where(char.IsAsciiDigit)]), out var digits) ? digits : 1);

    /// <summary>A previous build is replaced; any other non-empty folder is left alone and the build stops.</summary>
    private static void PrepareAppDirectory(string appDirectory)
    {
        if (Directory.Exists(appDirectory) && Directory.EnumerateFileSystemEntries(appDirectory).Any())
        {
            if (!File.Exists(Path.Combine(appDirectory, "default", "app.conf")))
            {
                throw new IOException($"{appDirectory} exists and is not an app folder built before: choose another --output");
            }

            Directory.Delete(appDirectory, recursive: true);
        }

        Directory.CreateDirectory(appDirectory);
    }

    private static void Write(string appDirectory, string relative, IEnumerable<ConfStanza> stanzas, string header, List<string> files)
    {
        var path = Path.Combine(appDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, ConfWriter.Write(stanzas, header));
        files.Add(relative);
    }

    /// <summary>CSV files and model files (.mlmodel) the lookups name go to lookups/; a missing one is reported.</summary>
    private static void CopyLookupFiles(IEnumerable<LookupDefinition> lookups, string appDirectory, IProblemSink problems, List<string> files)
    {
        var folder = Path.Combine(appDirectory, "lookups");
        Directory.CreateDirectory(folder);
        foreach (var lookup in lookups.Where(l => l.Filename is not null).OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            if (lookup.FullPath is null)
            {
                problems.Report(new InputProblem(lookup.FilePath, "filename",
                    $"lookup '{lookup.Name}': file '{lookup.Filename}' is missing, so the app has no transforms stanza for it", ProblemSeverity.Warning));
                continue;
            }

            var name = Path.GetFileName(lookup.FullPath);
            File.Copy(lookup.FullPath, Path.Combine(folder, name), overwrite: true);
            files.Add($"lookups/{name}");
        }
    }
}
