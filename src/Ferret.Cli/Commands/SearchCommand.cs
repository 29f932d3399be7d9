using System.CommandLine;
using System.Text;
using System.Text.Json;
using Ferret.Detection.Search;
using Ferret.Events;
using Ferret.Spl.Diagnostics;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret search 'SPL' [--input PATH...] [--content DIR] [--format table|json|csv] [--earliest T] [--latest T]</c>:
/// ad-hoc SPL over logs. Results go to stdout; diagnostics and input problems to stderr. Exit 0 when the search ran,
/// 1 when it did not compile.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var spl = new Argument<string>("spl") { Description = "The search, in SPL (macros of --content allowed)." };
        var input = new Option<string[]>("--input", "-i")
        {
            Description = "Log files or folders to search (EVTX, XmlWinEventLog text, JSON lines, archives). Repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var content = new Option<string?>("--content") { Description = "An ESCU content folder whose macros and lookups the search may use." };
        var format = new Option<string>("--format", "-f")
        {
            Description = "table (aligned text), json (one array of objects) or csv.",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var earliest = new Option<string?>("--earliest") { Description = "Keep events at or after this time (a Splunk time modifier such as -24h@h or an epoch)." };
        var latest = new Option<string?>("--latest") { Description = "Keep events before this time (e.g. now, -10m@m)." };
        var raw = new Option<bool>("--raw") { Description = "Search the fields as ingested, without add-on knowledge (aliases, CIM fields, tags, data models)." };
        var geoip = GeoIpOption.Create();
        var limits = LimitsOption.Create();
        var command = new Command("search", "Run an ad-hoc SPL search over logs.") { spl, input, content, format, earliest, latest, raw, geoip, limits };
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
                Limits = searchLimits,
            },
            parseResult.GetValue(format) ?? "table"))));
        return command;
    }

    private static int Run(SearchRequest request, string format)
    {
        var problems = new StderrProblems();
        SearchOutcome outcome;
        try
        {
            outcome = SearchRunner.Run(request, problems);
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
            return 1;
        }

        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16);
        try
        {
            switch (format)
            {
                case "json":
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

    private static string Describe(string text, Diagnostic diagnostic)
    {
        var offset = Math.Clamp(diagnostic.Span.Start, 0, text.Length);
        var before = text.AsSpan(0, offset);
        var line = before.Count('\n') + 1;
        var column = offset - before.LastIndexOf('\n');
        return $"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code} at {line}:{column}: {diagnostic.Message}";
    }

    private sealed class StderrProblems : IProblemSink
    {
        private readonly Lock _gate = new();

        public void Report(InputProblem problem)
        {
            lock (_gate)
            {
                Console.Error.WriteLine(problem.ToString());
            }
        }
    }
}
