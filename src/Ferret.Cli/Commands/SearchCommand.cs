using System.CommandLine;
using System.Text;
using System.Text.Json;
using Ferret.Cli.Options;
using Ferret.Detection.Search;
using Ferret.Ingest;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret search 'SPL' [-i PATH...] [-c DIR] [-f table|json|csv] [-o FILE] [--earliest T] [--latest T] [--sourcetype ST]</c>:
/// ad-hoc SPL over logs. Results go to stdout (or --output); diagnostics and input problems to stderr. Exit 0 when the
/// search ran, 2 when it did not compile or its inputs are missing (a search that does not start with a generating
/// command needs --input).
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var spl = new Argument<string>("spl") { Description = "The search, in SPL (macros of --content allowed)." };
        var input = CommonOptions.Inputs("Log files or folders to search (EVTX, XmlWinEventLog text, JSON lines, archives).");
        var content = CommonOptions.Content("An ESCU content folder whose macros and lookups the search may use.");
        var format = CommonOptions.Format("table (aligned text), json (JSON Lines, one result a line) or csv.", "table", "table", "json", "jsonl", "csv");
        var output = CommonOptions.Output("Write the results to this file instead of stdout.");
        var earliest = CommonOptions.Earliest();
        var latest = CommonOptions.Latest();
        var quiet = CommonOptions.Quiet("Print no warnings about the input on stderr (errors and the search's diagnostics still).");
        var raw = new Option<bool>("--raw") { Description = "Search the fields as ingested, without add-on knowledge (aliases, CIM fields, tags, data models)." };
        var geoip = GeoIpOption.Create();
        var inputOptions = new InputOptions();
        var limits = LimitsOption.Create();
        var command = new Command("search", "Run an ad-hoc SPL search over logs.") { spl, input, content, format, output, earliest, latest, raw, quiet, geoip, limits };
        foreach (var option in inputOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => LimitsOption.Run("search", parseResult.GetValue(limits), searchLimits => GeoIpOption.Run("search", parseResult.GetValue(geoip), database => Run(
            new SearchRequest
            {
                Spl = parseResult.GetValue(spl) ?? string.Empty,
                Inputs = parseResult.GetValue(input) ?? [],
                ContentDirectory = parseResult.GetValue(content),
                Earliest = parseResult.GetValue(earliest),
                Latest = parseResult.GetValue(latest),
                Raw = parseResult.GetValue(raw),
                GeoIp = database,
                Ingest = inputOptions.Ingest(parseResult),
                Apps = inputOptions.AppFolders(parseResult),
                Limits = searchLimits,
            },
            parseResult.GetValue(format) ?? "table",
            parseResult.GetValue(output),
            parseResult.GetValue(quiet)))));
        return command;
    }

    private static int Run(SearchRequest request, string format, string? outputPath, bool quiet)
    {
        if (request.Inputs.Count == 0 && !request.Spl.TrimStart().StartsWith('|'))
        {
            Console.Error.WriteLine("ferret search: no --input: give the logs to search (only a search that starts with a generating command, such as | makeresults, runs without)");
            return 2;
        }

        // --earliest/--latest take a time modifier or an ISO 8601 time, as hunt's do; the search gets epoch seconds.
        var now = request.Clock.GetUtcNow();
        if (!OptionValues.TryEventTime(request.Earliest, "earliest", now, out var earliest, out var earliestError)
            | !OptionValues.TryEventTime(request.Latest, "latest", now, out var latest, out var latestError))
        {
            foreach (var error in new[] { earliestError, latestError }.Where(e => e.Length > 0))
            {
                Console.Error.WriteLine($"ferret search: {error}");
            }

            return 2;
        }

        request = request with { Earliest = Epoch(earliest), Latest = Epoch(latest) };
        using var inputs = InputPaths.Resolve("search", request.Inputs);
        if (inputs is null)
        {
            return 2;
        }

        var problems = new StderrProblems(quiet);
        SearchOutcome outcome;
        try
        {
            outcome = SearchRunner.Run(request with { Inputs = inputs.Paths }, problems);
        }
        catch (DirectoryNotFoundException error)
        {
            Console.Error.WriteLine($"ferret search: {error.Message}");
            return 2;
        }

        foreach (var diagnostic in outcome.Diagnostics)
        {
            Console.Error.WriteLine(Describe(request.Spl, diagnostic));
        }

        if (outcome.HasErrors)
        {
            return 2;
        }

        using var stream = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath);
        using var output = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        try
        {
            switch (format)
            {
                case "json" or "jsonl":
                    ResultWriter.WriteJson(output, outcome.Results);
                    break;
                case "csv":
                    ResultWriter.WriteCsv(output, outcome.Results);
                    break;
                default:
                    ResultWriter.WriteTable(output, outcome.Results);
                    break;
            }
        }
        catch (Exception error) when (error is not OutOfMemoryException and not IOException)
        {
            // A failure met while running must not end in a stack trace: it is named, and the exit code says the search failed.
            Console.Error.WriteLine(error is Engine.GeoIp.GeoIpUnavailableException
                ? $"error {RunFailure.Describe(error)}"
                : $"error {DiagnosticFacts.InternalRunErrorCode}: {DiagnosticFacts.InternalRunError(default, "the search", $"{error.GetType().Name}: {error.Message}").Message}");
            return 1;
        }

        return 0;
    }

    private static string? Epoch(double? seconds) => seconds?.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(string text, Diagnostic diagnostic)
    {
        var offset = Math.Clamp(diagnostic.Span.Start, 0, text.Length);
        var before = text.AsSpan(0, offset);
        var line = before.Count('\n') + 1;
        var column = offset - before.LastIndexOf('\n');
        return $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code} at {line}:{column}: {diagnostic.Message}";
    }

    private sealed class StderrProblems(bool quiet) : IProblemSink
    {
        private readonly Lock _gate = new();

        public void Report(InputProblem problem)
        {
            if (quiet && problem.Severity != ProblemSeverity.Error)
            {
                return;
            }

            lock (_gate)
            {
                Console.Error.WriteLine(problem.ToString());
            }
        }
    }
}
