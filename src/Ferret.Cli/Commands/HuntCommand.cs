using System.CommandLine;
using Ferret.Cli.Options;
using Ferret.Detection.Hunting;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret hunt [-c DIR -i PATH...] [filters] [-f table|csv|json|notables] [--profile P] [--sort S] [-o FILE]
/// [--report FILE.html]</c>: runs detections over logs and writes the findings as a timeline (notable and risk events
/// with <c>-f notables</c>). With no content and no input it runs the sample embedded in Ferret. Findings go to stdout
/// (or --output), the closing summary to stderr. Exit 0 when the hunt ran (whatever it found), 2 on bad arguments or
/// inputs.
/// </summary>
internal static partial class HuntCommand
{
    public static Command Create()
    {
        var content = CommonOptions.Content("An ESCU content folder (detections/, macros/, lookups/). Default: the embedded sample.");
        var input = CommonOptions.Inputs("Log files or folders (EVTX, XmlWinEventLog text, JSON lines, archives). Default: the sample's logs.");
        var detections = CommonOptions.Detections("Only the detections whose name, file name or path matches (globs * and ?). Repeatable.");
        var exclude = new Option<string[]>("--exclude", "-x") { Description = "Leave out the detections whose name, file name or path matches (globs). Repeatable.", AllowMultipleArgumentsPerToken = true, HelpName = "NAME|GLOB" };
        var type = new Option<string[]>("--type") { Description = "Only detections of these types: TTP, Anomaly, Hunting, Correlation. Repeatable.", AllowMultipleArgumentsPerToken = true, HelpName = "TYPE" };
        type.AcceptOnlyFromAmong("TTP", "Anomaly", "Hunting", "Correlation", "ttp", "anomaly", "hunting", "correlation");
        var story = new Option<string[]>("--story") { Description = "Only the detections of these analytic stories (globs). Repeatable.", HelpName = "STORY" };
        var tag = new Option<string[]>("--tag") { Description = "Only detections with this tag (globs): an ATT&CK id (T1059 includes its sub-techniques), tactic, technique, product, security domain, kill chain phase, CIS, NIST, CVE or story. Repeatable.", HelpName = "TAG" };
        var minLevel = new Option<string?>("--min-level", "-m") { Description = "Only findings of at least this level: informational, low, medium, high, critical (urgency as Enterprise Security assigns it).", HelpName = "LEVEL" };
        var sort = new Option<string>("--sort") { Description = "time (a timeline), detection or host (grouped, each group in time order).", DefaultValueFactory = _ => "time" };
        sort.AcceptOnlyFromAmong("time", "detection", "host");
        var profile = new Option<string>("--profile", "-p") { Description = "Columns of csv and json: minimal, standard or verbose.", DefaultValueFactory = _ => "standard" };
        profile.AcceptOnlyFromAmong("minimal", "standard", "verbose");
        var format = CommonOptions.Format(
            "table (one line per finding), csv, json (JSON Lines, one finding per line) or notables (JSON Lines: notable and risk events as ES indexes them).",
            "table", "table", "csv", "json", "jsonl", "notables");
        var output = CommonOptions.Output("Write the findings to this file instead of stdout.");
        var report = new Option<string?>("--report") { Description = "Also write a self-contained HTML report to this file.", HelpName = "FILE" };
        var macros = new Option<string?>("--macros") { Description = "A local macro overrides file (YAML, the shape of the content's macros), applied last.", HelpName = "FILE" };
        var riskRules = new Option<string?>("--risk-rules") { Description = "Thresholds of the risk incident rules (name = value lines: risk_score_threshold, risk_score_window_hours, tactic_threshold, source_threshold, tactic_window_days). Default: Enterprise Security's.", HelpName = "FILE" };
        var threads = new Option<int?>("--threads") { Description = "Threads that feed the events to the detections and finish them (default: one per processor); 1 runs every detection on the reading thread. Findings are the same either way.", HelpName = "N" };
        var decodingThreads = new Option<int?>("--evtx-decoding-threads") { Description = "Threads that decode the chunks of an EVTX file when it is the only input (default: limits.conf [ferret] evtx_decoding_threads, else one per processor beyond two, at most four; 1 decodes on the reading thread). Findings are the same either way.", HelpName = "N" };
        var earliest = CommonOptions.Earliest();
        var latest = CommonOptions.Latest();
        var quiet = CommonOptions.Quiet("Print no progress and no summary on stderr (errors still).");
        var noColor = CommonOptions.NoColor();
        var timeZone = CommonOptions.TimeZone();
        var geoip = GeoIpOption.Create();
        var inputOptions = new InputOptions();
        var limits = LimitsOption.Create();
        var command = new Command("hunt", "Hunt through logs with detections: a timeline of findings (notable and risk events).")
        {
            content, input, detections, exclude, type, story, tag, minLevel, earliest, latest,
            format, profile, sort, output, report, macros, riskRules, timeZone, quiet, noColor, geoip, limits, threads, decodingThreads,
        };
        foreach (var option in inputOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => LimitsOption.Run("hunt", parseResult.GetValue(limits), huntLimits => GeoIpOption.Run("hunt", parseResult.GetValue(geoip), database => Run(new HuntArguments
        {
            Content = parseResult.GetValue(content),
            Inputs = parseResult.GetValue(input) ?? [],
            Filter = new DetectionFilter
            {
                Patterns = parseResult.GetValue(detections) ?? [],
                Excludes = parseResult.GetValue(exclude) ?? [],
                Types = parseResult.GetValue(type) ?? [],
                Stories = parseResult.GetValue(story) ?? [],
                Tags = parseResult.GetValue(tag) ?? [],
            },
            MinLevel = parseResult.GetValue(minLevel),
            Earliest = parseResult.GetValue(earliest),
            Latest = parseResult.GetValue(latest),
            Ingest = inputOptions.Ingest(parseResult) with { EvtxDecodingThreads = parseResult.GetValue(decodingThreads) },
            Apps = inputOptions.AppFolders(parseResult),
            Format = parseResult.GetValue(format) ?? "table",
            Profile = Enum.Parse<OutputProfile>(parseResult.GetValue(profile) ?? "standard", ignoreCase: true),
            Order = Enum.Parse<TimelineOrder>(parseResult.GetValue(sort) ?? "time", ignoreCase: true),
            Output = parseResult.GetValue(output),
            Report = parseResult.GetValue(report),
            Macros = parseResult.GetValue(macros),
            RiskRules = parseResult.GetValue(riskRules),
            TimeZone = parseResult.GetValue(timeZone),
            Quiet = parseResult.GetValue(quiet),
            NoColor = parseResult.GetValue(noColor),
            Limits = huntLimits,
            Threads = parseResult.GetValue(threads),
        }, database))));
        return command;
    }

    private sealed record HuntArguments
    {
        public string? Content { get; init; }

        public required string[] Inputs { get; init; }

        public required DetectionFilter Filter { get; init; }

        public string? MinLevel { get; init; }

        public string? Earliest { get; init; }

        public string? Latest { get; init; }

        public required Ferret.Ingest.IngestOptions Ingest { get; init; }

        public required Ferret.Engine.Limits.SearchLimits Limits { get; init; }

        public required IReadOnlyList<string> Apps { get; init; }

        public required string Format { get; init; }

        public OutputProfile Profile { get; init; }

        public TimelineOrder Order { get; init; }

        public string? Output { get; init; }

        public string? Report { get; init; }

        public string? Macros { get; init; }

        public string? RiskRules { get; init; }

        public string? TimeZone { get; init; }

        public bool Quiet { get; init; }

        public bool NoColor { get; init; }

        public int? Threads { get; init; }
    }
}
