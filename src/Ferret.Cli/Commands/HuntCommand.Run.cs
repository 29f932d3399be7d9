using System.Text;
using Ferret.Cli.Options;
using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Report;
using Ferret.Detection.Search;
using Ferret.Events;
using Ferret.Ingest;
using Ferret.Knowledge;

namespace Ferret.Cli.Commands;

internal static partial class HuntCommand
{
    private static int Run(HuntArguments arguments, Ferret.Engine.GeoIp.IGeoIpDatabase? geoIp)
    {
        if (Usage(arguments) is not { } checkedArguments)
        {
            return 2;
        }

        var (filter, zone, earliest, latest) = checkedArguments;
        using var inputs = InputPaths.Resolve("hunt", arguments.Inputs);
        if (inputs is null)
        {
            return 2;
        }

        using var sample = arguments.Content is null ? SampleContent.Extract() : null;
        var contentDirectory = sample?.ContentDirectory ?? arguments.Content!;
        if (sample is not null && !arguments.Quiet)
        {
            Console.Error.WriteLine("ferret hunt: no --content/--input given: running the embedded sample (samples/ in the repository).");
        }

        if (LoadContent(contentDirectory, arguments) is not { } repository)
        {
            return 2;
        }

        foreach (var unmatched in DetectionSelection.Unmatched(repository.Detections, arguments.Filter.Patterns))
        {
            Console.Error.WriteLine($"ferret hunt: no detection matches '{unmatched}'");
        }

        var selection = DetectionSelection.Choose(repository.Detections, filter);
        if (selection.Selected.Count == 0)
        {
            Console.Error.WriteLine("ferret hunt: no detection selected");
            return 2;
        }

        var riskRules = Ferret.Detection.RiskAlerting.RiskIncidentRules.Default;
        if (arguments.RiskRules is { } riskRulesFile)
        {
            try
            {
                riskRules = Ferret.Detection.RiskAlerting.RiskIncidentRules.For(Ferret.Detection.RiskAlerting.RiskAlertingSettings.Load(riskRulesFile));
            }
            catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"ferret hunt: --risk-rules: {error.Message}");
                return 2;
            }
        }

        var lookupProblems = new ProblemCollector();
        var request = new HuntRequest
        {
            Content = repository,
            Detections = selection.Selected,
            Inputs = sample is null ? inputs.Paths : [sample.LogsDirectory],
            Ingest = arguments.Ingest,
            Lookups = new ContentLookupResolver(repository.Lookups, lookupProblems),
            GeoIp = geoIp,
            Earliest = earliest,
            Latest = latest,
            Limits = arguments.Limits,
            RiskIncidentRules = riskRules,
            Threads = arguments.Threads,
        };
        KnowledgeBase knowledge;
        try
        {
            knowledge = KnowledgeBase.WithApps(arguments.Apps);
        }
        catch (DirectoryNotFoundException error)
        {
            Console.Error.WriteLine($"ferret hunt: {error.Message}");
            return 2;
        }

        foreach (var problem in knowledge.Problems)
        {
            Console.Error.WriteLine($"knowledge: {problem}");
        }

        var result = arguments.Quiet ? HuntRunner.Run(request, knowledge) : HuntProgressDisplay.Run(request, knowledge);
        var summary = result.Summary with
        {
            Skipped = selection.SetAside,
            RunProblems = [.. result.Summary.RunProblems, .. lookupProblems.Problems.Select(p => new DetectionIssue("(lookups)", p.ToString()))],
        };
        var timeline = Timeline.Order(result.Findings, arguments.Order);
        var options = new TimelineOptions { Profile = arguments.Profile, TimeZone = zone };
        WriteFindings(arguments, timeline, options);
        if (arguments.Report is { } reportPath)
        {
            var header = new ReportHeader("Ferret hunt report", DateTimeOffset.UtcNow, sample is null ? Path.GetFullPath(contentDirectory) : "embedded sample");
            File.WriteAllText(reportPath, HtmlReport.Render(timeline, summary, header), new UTF8Encoding(false));
            if (!arguments.Quiet)
            {
                Console.Error.WriteLine($"ferret hunt: report written to {reportPath}");
            }
        }

        if (!arguments.Quiet)
        {
            HuntSummaryWriter.Write(Console.Error, summary, timeline, new SummaryStyle
            {
                ShowTiming = Environment.GetEnvironmentVariable("FERRET_NO_TIMING") != "1",
                TimeZone = zone,
                Colour = TerminalColour.For(Console.IsErrorRedirected, arguments.NoColor),
            });
        }

        return 0;
    }

    /// <summary>The arguments' values once checked, or null after saying what is wrong with them.</summary>
    private static (DetectionFilter Filter, TimeZoneInfo Zone, double? Earliest, double? Latest)? Usage(HuntArguments arguments)
    {
        var errors = new List<string>();
        if (arguments.Content is null != (arguments.Inputs.Length == 0))
        {
            errors.Add(arguments.Content is null
                ? "--input needs --content (or give neither to run the embedded sample)"
                : "--content needs --input (the logs to hunt through)");
        }

        if (arguments.Threads is < 1)
        {
            errors.Add($"--threads: {arguments.Threads} is not a number of threads (1 or more)");
        }

        if (arguments.Ingest.EvtxDecodingThreads is < 1)
        {
            errors.Add($"--evtx-decoding-threads: {arguments.Ingest.EvtxDecodingThreads} is not a number of threads (1 or more)");
        }

        FindingLevel? minLevel = null;
        if (arguments.MinLevel is { } levelText && (minLevel = FindingLevels.Parse(levelText)) is null)
        {
            errors.Add($"--min-level: unknown level '{levelText}' (informational, low, medium, high or critical)");
        }

        if (!OptionValues.TryTimeZone(arguments.TimeZone, out var zone, out var zoneError))
        {
            errors.Add(zoneError);
        }

        var now = DateTimeOffset.UtcNow;
        if (!OptionValues.TryEventTime(arguments.Earliest, "earliest", now, out var earliest, out var earliestError))
        {
            errors.Add(earliestError);
        }

        if (!OptionValues.TryEventTime(arguments.Latest, "latest", now, out var latest, out var latestError))
        {
            errors.Add(latestError);
        }

        foreach (var error in errors)
        {
            Console.Error.WriteLine($"ferret hunt: {error}");
        }

        return errors.Count > 0 ? null : (arguments.Filter with { MinLevel = minLevel }, zone, earliest, latest);
    }

    private static ContentRepository? LoadContent(string contentDirectory, HuntArguments arguments)
    {
        var contentProblems = new ProblemCollector();
        ContentRepository repository;
        try
        {
            repository = ContentRepository.Load(contentDirectory, contentProblems).WithEnvironmentDefaults(contentProblems);
            if (arguments.Macros is { } overrides)
            {
                repository = repository.WithOverrides(overrides);
            }
        }
        catch (Exception error) when (error is DirectoryNotFoundException or FileNotFoundException or ContentException)
        {
            Console.Error.WriteLine($"ferret hunt: {error.Message}");
            return null;
        }

        foreach (var problem in contentProblems.Problems.Where(p => p.Severity == ProblemSeverity.Error))
        {
            Console.Error.WriteLine($"content: {problem}");
        }

        return repository;
    }

    private static void WriteFindings(HuntArguments arguments, IReadOnlyList<Finding> findings, TimelineOptions options)
    {
        var toTerminal = arguments.Output is null && !Console.IsOutputRedirected;
        using var stream = arguments.Output is { } path ? File.Create(path) : Console.OpenStandardOutput();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        switch (arguments.Format)
        {
            case "json" or "jsonl":
                FindingWriter.WriteJsonLines(writer, findings, options);
                break;
            case "notables":
                FindingWriter.WriteIndexEvents(writer, findings);
                break;
            case "csv":
                FindingWriter.WriteCsv(writer, findings, options);
                break;
            default:
                FindingWriter.WriteTable(writer, findings, options, TerminalColour.For(!toTerminal, arguments.NoColor));
                break;
        }
    }
}
