using System.CommandLine;
using System.Text;
using Ferret.Cli.Options;
using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Search;
using Ferret.Detection.Testing;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret test -c DIR -a DIR [-d PATH|NAME...] [-f text|json] [-o FILE] [--junit FILE]
/// [--summary FILE.yml] [--results FILE.json] [--changed-since GITREF] [--geoip FILE] [--limits FILE]</c>: contentctl's unit tests, offline.
/// Exit 0 when no test failed, 1 when one failed or errored, 2 on bad arguments.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content("The ESCU content folder.", required: true);
        var attackData = new Option<string>("--attack-data", "-a")
        {
            Description = "A local copy of splunk/attack_data: each test URL's path after attack_data/master/ is looked up under it.",
            Required = true,
        };
        var detections = CommonOptions.Detections("Only these detections (file path, name, or glob). Repeatable.");
        var format = CommonOptions.Format("text (a table) or json.", "text", "text", "json");
        var output = CommonOptions.Output("Write the table or JSON to this file instead of stdout.");
        var junit = new Option<string?>("--junit") { Description = "Also write JUnit XML to this file." };
        var summary = new Option<string?>("--summary") { Description = "Also write a summary.yml in the shape contentctl writes." };
        var results = new Option<string?>("--results") { Description = "Also write the test results JSON that `ferret docs --test-results` reads." };
        var changedSince = new Option<string?>("--changed-since")
        {
            Description = "Only detections whose file, or a macro or lookup they use, changed since this git ref.",
        };
        var geoip = GeoIpOption.Create();
        var limits = LimitsOption.Create();
        var command = new Command("test", "Test detections offline against their attack datasets, as contentctl does.")
        {
            content, attackData, detections, format, output, junit, summary, results, changedSince, geoip, limits,
        };
        command.SetAction(parseResult => LimitsOption.Run("test", parseResult.GetValue(limits), testLimits => GeoIpOption.Run("test", parseResult.GetValue(geoip), database => Run(
            parseResult.GetValue(content)!,
            parseResult.GetValue(attackData)!,
            parseResult.GetValue(detections) ?? [],
            new TestOutputs(parseResult.GetValue(format) ?? "text", parseResult.GetValue(output), parseResult.GetValue(junit)),
            parseResult.GetValue(summary),
            parseResult.GetValue(results),
            parseResult.GetValue(changedSince),
            new TestEnvironment(database, testLimits)))));
        return command;
    }

    private sealed record TestOutputs(string Format, string? Output, string? JUnit);

    /// <summary>What every test's run is given besides its events: the IP geolocation database and the limits.</summary>
    private sealed record TestEnvironment(Ferret.Engine.GeoIp.IGeoIpDatabase? GeoIp, Ferret.Engine.Limits.SearchLimits Limits);

    private static int Run(string contentDirectory, string attackData, string[] patterns, TestOutputs outputs, string? summaryFile,
        string? resultsFile, string? changedSince, TestEnvironment environment)
    {
        if (!Directory.Exists(attackData))
        {
            Console.Error.WriteLine($"ferret test: attack data folder not found: {attackData}");
            return 2;
        }

        var problems = new ProblemCollector();
        ContentRepository repository;
        try
        {
            repository = ContentRepository.Load(contentDirectory, problems).WithEnvironmentDefaults(problems);
        }
        catch (DirectoryNotFoundException error)
        {
            Console.Error.WriteLine($"ferret test: {error.Message}");
            return 2;
        }

        var paths = patterns.Select(p => File.Exists(p) ? Path.GetFullPath(p) : p).ToList();
        var candidates = repository.ActiveDetections.ToList();
        foreach (var unmatched in DetectionSelection.Unmatched(candidates, paths))
        {
            Console.Error.WriteLine($"ferret test: no detection matches '{unmatched}'");
        }

        var selection = DetectionSelection.Choose(candidates, paths, story: null);
        var selected = selection.Selected;
        var mode = patterns.Length > 0 ? "selected" : "all";
        if (changedSince is not null)
        {
            try
            {
                selected = ChangedDetections.Since(repository, selected, changedSince);
                mode = "changes";
            }
            catch (InvalidOperationException error)
            {
                Console.Error.WriteLine($"ferret test: {error.Message}");
                return 2;
            }
        }

        var lookupProblems = new ProblemCollector();
        var request = new TestRequest
        {
            Content = repository,
            Detections = selected,
            AttackDataRoot = Path.GetFullPath(attackData),
            Lookups = new ContentLookupResolver(repository.Lookups, lookupProblems),
            GeoIp = environment.GeoIp,
            Limits = environment.Limits,
            Mode = mode,
        };
        var run = TestRunner.Run(request, KnowledgeBase.LoadDefault());
        using (var output = new StreamWriter(outputs.Output is { } path ? File.Create(path) : Console.OpenStandardOutput(), new UTF8Encoding(false)))
        {
            if (outputs.Format == "json")
            {
                output.Write(TestResultsJson.Write(run, DateTimeOffset.UtcNow));
            }
            else
            {
                TestRunWriter.WriteTable(output, run, showTiming: Environment.GetEnvironmentVariable("FERRET_NO_TIMING") != "1");
            }
        }

        WriteIfAsked(outputs.JUnit, () => JUnitReport.Write(run));
        WriteIfAsked(summaryFile, () => SummaryYaml.Write(run));
        WriteIfAsked(resultsFile, () => TestResultsJson.Write(run, DateTimeOffset.UtcNow));
        return run.Success ? 0 : 1;
    }

    private static void WriteIfAsked(string? path, Func<string> render)
    {
        if (path is not null)
        {
            File.WriteAllText(path, render(), new UTF8Encoding(false));
        }
    }
}
