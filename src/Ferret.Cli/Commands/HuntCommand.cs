using System.CommandLine;
using System.Text;
using Ferret.Content;
using Ferret.Detection.Hunting;
using Ferret.Detection.Report;
using Ferret.Detection.Search;
using Ferret.Events;
using Ferret.Knowledge;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret hunt [--content DIR --input PATH...] [--detections NAME|GLOB...] [--story NAME] [--format table|json|csv]
/// [--output FILE] [--report FILE.html] [--macros FILE]</c>: runs detections over logs and reports findings (notable
/// and risk events). With no content and no input it runs the sample embedded in Ferret. Findings go to stdout (or
/// --output), the closing summary to stderr. Exit 0 when the hunt ran (whatever it found), 2 on bad arguments.
/// </summary>
internal static class HuntCommand
{
    public static Command Create()
    {
        var content = new Option<string?>("--content", "-c") { Description = "An ESCU content folder (detections/, macros/, lookups/). Default: the embedded sample." };
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Log files or folders (EVTX, XmlWinEventLog text, JSON lines, archives). Repeatable. Default: the sample's logs.",
            AllowMultipleArgumentsPerToken = true,
        };
        var detections = new Option<string[]>("--detections", "-d")
        {
            Description = "Only the detections whose name, file name or path matches (globs * and ?). Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var story = new Option<string?>("--story") { Description = "Only the detections of this analytic story." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (one line per finding), json (JSON Lines: notable and risk events as ES indexes them) or csv.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var output = new Option<string?>("--output", "-o") { Description = "Write the findings to this file instead of stdout." };
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report to this file." };
        var macros = new Option<string?>("--macros") { Description = "A local macro overrides file (YAML, the shape of the content's macros), applied last." };
        var geoip = GeoIpOption.Create();
        var limits = LimitsOption.Create();
        var command = new Command("hunt", "Hunt through logs with detections: report notable and risk events.")
        {
            content, input, detections, story, format, output, report, macros, geoip, limits,
        };
        command.SetAction(parseResult => LimitsOption.Run("hunt", parseResult.GetValue(limits), huntLimits => GeoIpOption.Run("hunt", parseResult.GetValue(geoip), database => Run(new HuntArguments(
            parseResult.GetValue(content),
            parseResult.GetValue(input) ?? [],
            parseResult.GetValue(detections) ?? [],
            parseResult.GetValue(story),
            parseResult.GetValue(format) ?? "table",
            parseResult.GetValue(output),
            parseResult.GetValue(report),
            parseResult.GetValue(macros)), database, huntLimits))));
        return command;
    }

    private sealed record HuntArguments(
        string? Content, string[] Inputs, string[] Detections, string? Story, string Format, string? Output, string? Report, string? Macros);

    private static int Run(HuntArguments arguments, Ferret.Engine.GeoIp.IGeoIpDatabase? geoIp, Ferret.Engine.Limits.SearchLimits limits)
    {
        if (arguments.Content is null != (arguments.Inputs.Length == 0))
        {
            Console.Error.WriteLine(arguments.Content is null
                ? "ferret hunt: --input needs --content (or give neither to run the embedded sample)"
                : "ferret hunt: --content needs --input (the logs to hunt through)");
            return 2;
        }

        using var sample = arguments.Content is null ? SampleContent.Extract() : null;
        var contentDirectory = sample?.ContentDirectory ?? arguments.Content!;
        IReadOnlyList<string> inputs = sample is null ? arguments.Inputs : [sample.LogsDirectory];
        if (sample is not null)
        {
            Console.Error.WriteLine("ferret hunt: no --content/--input given: running the embedded sample (samples/ in the repository).");
        }

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
            return 2;
        }

        foreach (var problem in contentProblems.Problems.Where(p => p.Severity == ProblemSeverity.Error))
        {
            Console.Error.WriteLine($"content: {problem}");
        }

        foreach (var unmatched in DetectionSelection.Unmatched(repository.Detections, arguments.Detections))
        {
            Console.Error.WriteLine($"ferret hunt: no detection matches '{unmatched}'");
        }

        var selection = DetectionSelection.Choose(repository.Detections, arguments.Detections, arguments.Story);
        if (selection.Selected.Count == 0)
        {
            Console.Error.WriteLine("ferret hunt: no detection selected");
            return 2;
        }

        var lookupProblems = new ProblemCollector();
        var request = new HuntRequest
        {
            Content = repository,
            Detections = selection.Selected,
            Inputs = inputs,
            Lookups = new ContentLookupResolver(repository.Lookups, lookupProblems),
            GeoIp = geoIp,
            Limits = limits,
        };
        var result = HuntProgressDisplay.Run(request, KnowledgeBase.LoadDefault());
        var summary = result.Summary with
        {
            Skipped = selection.SetAside,
            RunProblems = [.. result.Summary.RunProblems, .. lookupProblems.Problems.Select(p => new DetectionIssue("(lookups)", p.ToString()))],
        };
        WriteFindings(arguments, result.Findings);
        if (arguments.Report is { } reportPath)
        {
            var header = new ReportHeader("Ferret hunt report", DateTimeOffset.UtcNow, sample is null ? Path.GetFullPath(contentDirectory) : "embedded sample");
            File.WriteAllText(reportPath, HtmlReport.Render(result.Findings, summary, header), new UTF8Encoding(false));
            Console.Error.WriteLine($"ferret hunt: report written to {reportPath}");
        }

        HuntSummaryWriter.Write(Console.Error, summary, showTiming: Environment.GetEnvironmentVariable("FERRET_NO_TIMING") != "1");
        return 0;
    }

    private static void WriteFindings(HuntArguments arguments, IReadOnlyList<Finding> findings)
    {
        using var stream = arguments.Output is { } path ? File.Create(path) : Console.OpenStandardOutput();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        switch (arguments.Format)
        {
            case "json":
                FindingWriter.WriteJsonLines(writer, findings);
                break;
            case "csv":
                FindingWriter.WriteCsv(writer, findings);
                break;
            default:
                FindingWriter.WriteTable(writer, findings);
                break;
        }
    }
}
