using System.CommandLine;
using Ferret.Cli.Options;
using Ferret.Content;
using Ferret.Publishing.App;
using Ferret.Events;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret build --content DIR --output DIR [--app-version V] [--no-package]</c>: writes the Splunk app
/// (savedsearches.conf, macros.conf, analyticstories.conf, transforms.conf, lookups, app.conf) that
/// installs beside Enterprise Security, and its .tar.gz. Content problems go to stderr; exit 0 when the app
/// was written, 2 when the content folder or output could not be used.
/// </summary>
internal static class BuildCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content("The content folder (detections/, macros/, lookups/, stories/, ...).", required: true);
        var output = CommonOptions.Output("Where to write the app folder and its .tar.gz.", required: true);
        var appVersion = new Option<string?>("--app-version") { Description = "The app version (default: contentctl.yml's app version)." };
        var noPackage = new Option<bool>("--no-package") { Description = "Write the app folder only, no .tar.gz." };
        var command = new Command("build", "Build a Splunk app (savedsearches.conf, macros.conf, ...) from the content.")
        {
            content, output, appVersion, noPackage,
        };
        command.SetAction(parseResult => Run(
            parseResult.GetValue(content)!,
            parseResult.GetValue(output)!,
            parseResult.GetValue(appVersion),
            !parseResult.GetValue(noPackage)));
        return command;
    }

    private static int Run(string contentDirectory, string outputDirectory, string? appVersion, bool package)
    {
        var problems = new ProblemCollector();
        try
        {
            var repository = ContentRepository.Load(contentDirectory, problems);
            var result = AppBuilder.Build(repository, new AppBuildOptions(outputDirectory, appVersion, package), problems);
            ContentCommandProblems.Print(problems);
            Console.WriteLine($"app: {Path.Combine(outputDirectory, Path.GetFileName(result.AppDirectory))}");
            Console.WriteLine($"  saved searches: {result.SavedSearches} (one per active detection, and the risk incident rules)");
            Console.WriteLine($"  macros:         {result.Macros}");
            Console.WriteLine($"  stories:        {result.Stories}");
            Console.WriteLine($"  lookups:        {result.Lookups}");
            if (result.PackagePath is not null)
            {
                Console.WriteLine($"package: {Path.Combine(outputDirectory, Path.GetFileName(result.PackagePath))}");
            }

            return 0;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            ContentCommandProblems.Print(problems);
            Console.Error.WriteLine($"ferret build: {error.Message}");
            return 2;
        }
    }
}
