using System.CommandLine;
using System.Text;
using Ferret.Cli.Options;
using Ferret.Events;
using Ferret.Ingest.Evtx;

namespace Ferret.Cli.Commands;

/// <summary>
/// <c>ferret evtx dump FILE... [-f xml|json] [-o FILE] [--threads N]</c>: every intact record, one per line on stdout
/// (or --output); damage (file, chunk, record, what is wrong) on stderr. Exit 0 when every file could be read at all,
/// 1 when one could not, 2 when a file does not exist.
/// </summary>
internal static class EvtxCommand
{
    public static Command Create()
    {
        var command = new Command("evtx", "Work with Windows EVTX files.");
        command.Subcommands.Add(CreateDump());
        return command;
    }

    private static Command CreateDump()
    {
        var files = new Argument<string[]>("file") { Description = "The EVTX file(s) to read, in order.", Arity = ArgumentArity.OneOrMore };
        var format = CommonOptions.Format(
            "xml (as Windows renders the event) or json (Event -> System / EventData objects, attributes under \"#attributes\").", "xml", "xml", "json");
        var output = CommonOptions.Output("Write the records to this file instead of stdout.");
        var threads = new Option<int>("--threads")
        {
            Description = "Chunks decoded in parallel (records still come out in file order). Default: 1.",
            DefaultValueFactory = _ => 1,
        };
        var dump = new Command("dump", "Print every record of an EVTX file, one per line, as XML or JSON.") { files, format, output, threads };
        dump.SetAction(parseResult => Dump(
            parseResult.GetValue(files) ?? [],
            parseResult.GetValue(format) == "json",
            parseResult.GetValue(output),
            Math.Max(1, parseResult.GetValue(threads))));
        return dump;
    }

    private static int Dump(string[] paths, bool json, string? outputPath, int threads)
    {
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        foreach (var path in missing)
        {
            Console.Error.WriteLine($"ferret evtx dump: file not found: {path}");
        }

        if (missing.Count > 0)
        {
            return 2;
        }

        var problems = new StderrProblemSink();
        var unreadable = 0;
        using var output = new StreamWriter(outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath), new UTF8Encoding(false), 1 << 16);
        foreach (var path in paths)
        {
            if (EvtxFile.Inspect(path, problems) is null)
            {
                unreadable++;
                continue;
            }

            foreach (var record in EvtxFile.ReadRecords(path, problems, threads))
            {
                output.WriteLine(json ? record.ToJson() : OneLine(record.Xml));
            }
        }

        return unreadable == 0 ? 0 : 1;
    }

    /// <summary>Line breaks inside values become character references, which XML reads back as the same text.</summary>
    private static string OneLine(string xml) =>
        xml.AsSpan().IndexOfAny('\n', '\r') < 0
            ? xml
            : xml.Replace("\r", "&#13;", StringComparison.Ordinal).Replace("\n", "&#10;", StringComparison.Ordinal);

    private sealed class StderrProblemSink : IProblemSink
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
